import pino from 'pino';
import type { DataSource } from 'typeorm';
import type { KafkaAdapter, TopicLag } from '@cms/messaging';
import type { Clock } from './clock';
import type { EventConsumers } from './event-consumers';
import { METRICS_READ_TIMEOUT_MS, PlatformMetrics } from './platform.metrics';
import type { TimerHandler } from './timers';

const NOW = new Date('2026-12-08T10:00:00Z');

class ReminderHandler implements TimerHandler {
  async fire(): Promise<void> {}
}

/** A database that answers the outbox's and the timers' queries with `answer`'s rows, counting the outbox's. */
function database(answer: () => Promise<{ outbox: object; timers: object[] }>) {
  const calls = { outbox: 0 };
  const dataSource = {
    query: async (sql: string) => {
      const rows = await answer();
      if (sql.includes('FROM outbox_message')) {
        calls.outbox += 1;
        return [rows.outbox];
      }
      return rows.timers;
    },
  };
  return { dataSource: dataSource as unknown as DataSource, calls };
}

function platformMetrics(dataSource: DataSource, consumerLag: (group: string) => Promise<TopicLag[]>): PlatformMetrics {
  const kafka = { consumerLag } as unknown as KafkaAdapter;
  const consumers = { groups: () => [{ groupId: 'svc.alerts', topics: ['cms.contacts.v1'] }] } as unknown as EventConsumers;
  const clock: Clock = { now: () => NOW };
  return new PlatformMetrics(dataSource, kafka, consumers, [{ kind: 'test.reminder', handler: ReminderHandler }], clock, pino({ level: 'silent' }));
}

/** The scrape's samples, `name{labels} value` as Prometheus writes them. */
async function samples(metrics: PlatformMetrics): Promise<string[]> {
  return (await metrics.registry.metrics()).split('\n').filter((line) => line && !line.startsWith('#'));
}

const backlog = { pending: 3, parked: 1, oldest_pending_age_seconds: 42.5 };
const dueTimers = [{ kind: 'test.reminder', due: 2, oldest_due_at: new Date(NOW.getTime() - 90_000) }];

describe('PlatformMetrics', () => {
  afterEach(() => jest.useRealTimers());

  it("reads the outbox, each consumer group's lag and the due timers at each scrape, the outbox once for its three gauges", async () => {
    let state = { outbox: backlog, timers: dueTimers };
    const { dataSource, calls } = database(async () => state);
    const metrics = platformMetrics(dataSource, async () => [{ topic: 'cms.contacts.v1', lag: 7 }]);

    expect(await samples(metrics)).toEqual([
      'cms_outbox_pending_messages 3',
      'cms_outbox_oldest_pending_age_seconds 42.5',
      'cms_outbox_parked_messages 1',
      'cms_consumer_lag_messages{group="svc.alerts",topic="cms.contacts.v1"} 7',
      'cms_timers_due{kind="test.reminder"} 2',
      'cms_timers_oldest_due_seconds{kind="test.reminder"} 90',
    ]);
    expect(calls.outbox).toBe(1);

    state = { outbox: { pending: 0, parked: 1, oldest_pending_age_seconds: 0 }, timers: [] };
    expect(await samples(metrics)).toEqual(
      expect.arrayContaining(['cms_outbox_pending_messages 0', 'cms_outbox_oldest_pending_age_seconds 0', 'cms_timers_due{kind="test.reminder"} 0']),
    );
    expect(calls.outbox).toBe(2);
  });

  it('still answers when the database and Kafka fail, each gauge keeping its last value', async () => {
    let up = true;
    const { dataSource } = database(async () => {
      if (!up) throw new Error('Connection terminated unexpectedly');
      return { outbox: backlog, timers: dueTimers };
    });
    const metrics = platformMetrics(dataSource, async () => {
      if (!up) throw new Error('Connection error: ECONNREFUSED');
      return [{ topic: 'cms.contacts.v1', lag: 7 }];
    });
    const first = await samples(metrics);

    up = false;
    expect(await samples(metrics)).toEqual(first);
  });

  it('gives up on a source that does not answer after METRICS_READ_TIMEOUT_MS, so that the scrape still answers', async () => {
    jest.useFakeTimers();
    const { dataSource } = database(() => new Promise(() => undefined)); // a database that never answers
    const metrics = platformMetrics(dataSource, async () => [{ topic: 'cms.contacts.v1', lag: 7 }]);

    let scraped: string[] | undefined;
    void samples(metrics).then((lines) => (scraped = lines));
    await jest.advanceTimersByTimeAsync(METRICS_READ_TIMEOUT_MS - 1);
    expect(scraped).toBeUndefined();
    await jest.advanceTimersByTimeAsync(1);

    expect(scraped).toEqual([
      'cms_outbox_pending_messages 0',
      'cms_outbox_oldest_pending_age_seconds 0',
      'cms_outbox_parked_messages 0',
      'cms_consumer_lag_messages{group="svc.alerts",topic="cms.contacts.v1"} 7',
    ]);
  });
});
