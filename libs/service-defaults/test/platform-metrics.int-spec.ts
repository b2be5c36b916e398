import { randomUUID } from 'node:crypto';
import { Controller, Get, Injectable, Module, Param, type Type } from '@nestjs/common';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Public } from '@cms/auth';
import { integer } from '@cms/config';
import { createEnvelope, SessionsEndedV1, toKafkaHeaders, type TopicName } from '@cms/contracts';
import { KafkaAdapter, OutboxRelay } from '@cms/messaging';
import { startServiceUnderTest, testDatabaseAdminUrl, TestClock, uniqueTopic, type ServiceUnderTest } from '@cms/testing';
import { DATA_SOURCE, PlatformModule, Timers, Transactions, type ConsumedEventHandler, type ServiceDefinition, type TimerHandler } from '../src';

/**
 * The kit's metrics on a real PostgreSQL and Kafka, scraped from `/metrics` as Prometheus does: a
 * service with one consumer group, one kind of timer and one route, given a backlog in its outbox,
 * a row the relay parks, messages its consumer has not yet processed, a due timer and a request.
 */

// Its own topic, so that no other test's events change the lag.
const TOPIC = uniqueTopic('platform-metrics') as TopicName;
const GROUP = 'metrics-test.contacts';
const REMINDER = 'test.reminder';

/** Holds every event until the test lets them through: until then the group commits nothing. */
let letEventsThrough!: () => void;
const eventsLetThrough = new Promise<void>((resolve) => (letEventsThrough = resolve));

@Injectable()
class GatedHandler implements ConsumedEventHandler {
  async handle(): Promise<void> {
    await eventsLetThrough;
  }
}

@Injectable()
class ReminderHandler implements TimerHandler {
  async fire(): Promise<void> {}
}

@Public()
@Controller('api/v1/things')
class ThingsController {
  @Get(':id')
  get(@Param('id') id: string): { id: string } {
    return { id };
  }
}

const settings = { PORT: integer({ default: 0, min: 0, max: 65_535 }) };

const metricsTestService: ServiceDefinition<typeof settings> = {
  name: 'metrics-test',
  title: 'Metrics test service',
  description: 'A service with a consumer, a timer and a route',
  settings,
  module: (config, logger): Type<unknown> => {
    @Module({
      imports: [
        PlatformModule.forRoot(config, {
          service: 'metrics-test',
          catalogueTopics: { produces: [], consumes: [TOPIC] },
          logger,
          migrations: [],
          consumes: [{ name: 'contacts', topics: [TOPIC], handler: GatedHandler }],
          timers: [{ kind: REMINDER, handler: ReminderHandler }],
        }),
      ],
      controllers: [ThingsController],
      providers: [GatedHandler, ReminderHandler],
    })
    class MetricsTestModule {}
    return MetricsTestModule;
  },
};

/** The value of the sample `name` whose labels are exactly `labels`, in Prometheus's text format; undefined if absent. */
function sampleOf(exposition: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of exposition.split('\n')) {
    const sample = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!sample || sample[1] !== name) continue;
    const found = Object.fromEntries([...(sample[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map(([, label, value]) => [label, value]));
    const same = Object.keys(found).length === Object.keys(labels).length && Object.entries(labels).every(([label, value]) => found[label] === value);
    if (same) return Number(sample[3]);
  }
  return undefined;
}

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A small valid event: the consumer acts on every type. */
function sessionsEnded(userId: string) {
  return createEnvelope({
    type: SessionsEndedV1.type,
    source: '/cms/test',
    subject: userId,
    data: { userId, organisationId: randomUUID(), sessionIds: [randomUUID()], reason: 'SIGNED_OUT', endedAt: new Date().toISOString() },
  });
}

const DUE = new Date('2026-12-08T09:00:00Z');

describe('the platform metrics at /metrics', () => {
  const clock = new TestClock('2026-12-08T08:00:00Z');
  let service: ServiceUnderTest;

  async function scrape(): Promise<string> {
    const response = await service.fetch('/metrics');
    expect(response.status).toBe(200);
    return response.text();
  }

  async function insertOutboxRow(payload: string, age = '0 seconds'): Promise<void> {
    await service.sql(
      `INSERT INTO outbox_message (id, topic, message_key, headers, payload, created_at)
       VALUES ($1, $2, 'C000000001', '{}', $3, now() - $4::interval)`,
      [randomUUID(), TOPIC, payload, age],
    );
  }

  beforeAll(async () => {
    service = await startServiceUnderTest(metricsTestService, {
      databaseName: 'platform_metrics',
      clock,
      // Only the test fires timers; a row the broker refuses is parked at its first failure.
      env: { TIMER_POLL_INTERVAL_MS: String(3_600_000), OUTBOX_MAX_ATTEMPTS: '1' },
    });
  });

  afterAll(async () => {
    letEventsThrough();
    await service?.close();
  });

  it("reports the outbox's backlog, the age of its oldest row, and the rows the relay parked", async () => {
    // Larger than the broker takes (message.max.bytes, about 1 MB): refused, then parked.
    await insertOutboxRow('x'.repeat(1_200_000));
    await waitFor(async () => (await service.sql('SELECT 1 FROM outbox_message WHERE parked_at IS NOT NULL')).length === 1, 'the row to be parked');
    // The relay stopped, as when the broker is down: what is written now waits.
    await service.app.get(OutboxRelay).stop();
    await insertOutboxRow('{}', '1 hour');
    await insertOutboxRow('{}');

    const metrics = await scrape();

    expect(sampleOf(metrics, 'cms_outbox_pending_messages')).toBe(2);
    expect(sampleOf(metrics, 'cms_outbox_parked_messages')).toBe(1);
    const age = sampleOf(metrics, 'cms_outbox_oldest_pending_age_seconds')!;
    expect(age).toBeGreaterThanOrEqual(3_600);
    expect(age).toBeLessThan(3_600 + 60);
  });

  it('reports how many messages each consumer group has still to process on each topic', async () => {
    const events = ['user.1', 'user.2', 'user.3'].map(sessionsEnded);
    await service.app
      .get(KafkaAdapter)
      .publish(events.map((event) => ({ topic: TOPIC, key: event.subject, headers: toKafkaHeaders(event), value: JSON.stringify(event.data) })));

    expect(sampleOf(await scrape(), 'cms_consumer_lag_messages', { group: GROUP, topic: TOPIC })).toBe(3);

    letEventsThrough();
    await waitFor(async () => sampleOf(await scrape(), 'cms_consumer_lag_messages', { group: GROUP, topic: TOPIC }) === 0, 'the group to catch up');
    expect(sampleOf(await scrape(), 'cms_events_consumed_total', { topic: TOPIC, group: GROUP, outcome: 'applied' })).toBe(3);
  });

  it('reports the timers due and how late the oldest of them is, by the service clock', async () => {
    await service.app.get(Transactions).run(async () => {
      await service.app.get(Timers).schedule({ kind: REMINDER, key: 'C000000021', dueAt: DUE, payload: {} });
      await service.app.get(Timers).schedule({ kind: REMINDER, key: 'C000000022', dueAt: new Date(DUE.getTime() + 60_000), payload: {} });
      await service.app.get(Timers).schedule({ kind: REMINDER, key: 'C000000023', dueAt: new Date(DUE.getTime() + 3_600_000), payload: {} });
    });

    clock.set(new Date(DUE.getTime() + 90_000));
    const metrics = await scrape();

    expect(sampleOf(metrics, 'cms_timers_due', { kind: REMINDER })).toBe(2);
    expect(sampleOf(metrics, 'cms_timers_oldest_due_seconds', { kind: REMINDER })).toBe(90);
  });

  it("observes each request's latency by method, route template and status class, never by its path", async () => {
    expect((await service.fetch('/api/v1/things/T-4711')).status).toBe(200);
    expect((await service.fetch('/api/v1/things/T-4712')).status).toBe(200);
    expect((await service.fetch('/api/v1/no-such-route/T-4713')).status).toBe(404);

    const metrics = await scrape();

    const route = { method: 'GET', route: '/api/v1/things/:id', status_class: '2xx' };
    expect(sampleOf(metrics, 'cms_http_server_request_duration_seconds_count', route)).toBe(2);
    expect(sampleOf(metrics, 'cms_http_server_request_duration_seconds_bucket', { ...route, le: '+Inf' })).toBe(2);
    expect(sampleOf(metrics, 'cms_http_server_request_duration_seconds_count', { method: 'GET', route: 'unmatched', status_class: '4xx' })).toBe(1);
    expect(metrics).not.toMatch(/T-471/);
  });

  // Last: the service's database refuses every connection for a while.
  it('still answers when the database is down, with the last figures it read', async () => {
    const database = new URL(service.databaseUrl).pathname.slice(1);
    const admin = new Client({ connectionString: testDatabaseAdminUrl() });
    await admin.connect();
    try {
      await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);

      const metrics = await scrape();

      await expect(service.app.get<DataSource>(DATA_SOURCE).query('SELECT 1')).rejects.toThrow();
      expect(sampleOf(metrics, 'cms_outbox_pending_messages')).toBe(2);
      expect(sampleOf(metrics, 'cms_timers_due', { kind: REMINDER })).toBe(2);
      expect(sampleOf(metrics, 'cms_consumer_lag_messages', { group: GROUP, topic: TOPIC })).toBe(0);
    } finally {
      await admin.query(`ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
      await admin.end();
    }
  });
});
