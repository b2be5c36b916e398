import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { Gauge, Registry } from 'prom-client';
import type { DataSource } from 'typeorm';
import { KafkaAdapter, readOutboxBacklog, type OutboxBacklog, type TopicLag } from '@cms/messaging';
import { Clock } from './clock';
import { EventConsumers, PLATFORM_LOGGER } from './event-consumers';
import { TIMER_DECLARATIONS, type TimerDeclaration } from './timers';
import { readDueTimers, type DueTimers } from './timers.metrics';
import { DATA_SOURCE } from './transactions';

/**
 * The longest a scrape waits for the database or Kafka. Well under Prometheus's default scrape
 * timeout (10 s): a source that does not answer costs its own gauges, never the whole of /metrics.
 */
export const METRICS_READ_TIMEOUT_MS = 2_000;

/**
 * One source read for a scrape, shared by every gauge it feeds (prom-client collects them all at
 * once) and bounded by `timeoutMs`. Undefined when the source could not be read in time (logged):
 * the gauges then keep the last values they had, and /metrics still answers.
 */
class ScrapeReading<T> {
  private inFlight?: Promise<T | undefined>;

  constructor(
    private readonly source: string,
    private readonly read: () => Promise<T>,
    private readonly logger: Logger,
    private readonly timeoutMs: number,
  ) {}

  get(): Promise<T | undefined> {
    this.inFlight ??= this.readInTime().finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  private async readInTime(): Promise<T | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    try {
      return await Promise.race([this.read(), timedOut]);
    } catch (error) {
      this.logger.warn({ err: error, source: this.source }, `metrics: ${this.source} could not be read; its gauges keep their last values`);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * The service's own gauges, read from its database and Kafka at each scrape of `/metrics` (the
 * HealthController serves them beside the process's registry): its outbox's backlog, its consumer
 * groups' lag, and its due timers. One registry per application, so that two services in one process
 * (an integration test) each report their own.
 *
 * Every replica reports the same figures (they are the service's, not the replica's): aggregate them
 * with `max`, not `sum`.
 */
@Injectable()
export class PlatformMetrics {
  readonly registry = new Registry();

  constructor(
    @Inject(DATA_SOURCE) dataSource: DataSource,
    @Inject(KafkaAdapter) kafka: KafkaAdapter,
    @Inject(EventConsumers) consumers: EventConsumers,
    @Inject(TIMER_DECLARATIONS) timers: TimerDeclaration[],
    @Inject(Clock) clock: Clock,
    @Inject(PLATFORM_LOGGER) logger: Logger,
  ) {
    const outbox = new ScrapeReading<OutboxBacklog>('the outbox', () => readOutboxBacklog(dataSource), logger, METRICS_READ_TIMEOUT_MS);
    this.outboxGauges(outbox);

    const groups = consumers.groups();
    if (groups.length > 0) {
      const lag = new ScrapeReading<{ group: string; lags: TopicLag[] }[]>(
        'consumer lag',
        () => Promise.all(groups.map(async ({ groupId, topics }) => ({ group: groupId, lags: await kafka.consumerLag(groupId, topics) }))),
        logger,
        METRICS_READ_TIMEOUT_MS,
      );
      this.consumerLagGauge(lag);
    }

    const kinds = timers.map((declaration) => declaration.kind);
    if (kinds.length > 0) {
      const due = new ScrapeReading<DueTimers[]>('due timers', () => readDueTimers(dataSource, kinds, clock.now()), logger, METRICS_READ_TIMEOUT_MS);
      this.dueTimerGauges(due);
    }
  }

  private outboxGauges(outbox: ScrapeReading<OutboxBacklog>): void {
    const gauge = (name: string, help: string, value: (backlog: OutboxBacklog) => number) =>
      new Gauge({
        name,
        help,
        registers: [this.registry],
        async collect() {
          const backlog = await outbox.get();
          if (backlog) this.set(value(backlog));
        },
      });
    gauge(
      'cms_outbox_pending_messages',
      "Outbox rows not yet published (neither sent nor parked): the relay's backlog",
      (backlog) => backlog.pending,
    );
    gauge(
      'cms_outbox_oldest_pending_age_seconds',
      'Seconds since the oldest outbox row not yet published was written (0 when none): how late events leave',
      (backlog) => backlog.oldestPendingAgeSeconds,
    );
    gauge(
      'cms_outbox_parked_messages',
      'Outbox rows the relay gave up on after OUTBOX_MAX_ATTEMPTS failures of their own, waiting for an operator (npm run outbox -- parked)',
      (backlog) => backlog.parked,
    );
  }

  private consumerLagGauge(lag: ScrapeReading<{ group: string; lags: TopicLag[] }[]>): void {
    new Gauge({
      name: 'cms_consumer_lag_messages',
      help: "Messages a consumer group has still to process on a topic: its committed offsets behind the partitions' high watermarks, summed",
      labelNames: ['group', 'topic'],
      registers: [this.registry],
      async collect() {
        const groups = await lag.get();
        if (!groups) return;
        for (const { group, lags } of groups) for (const { topic, lag: behind } of lags) this.set({ group, topic }, behind);
      },
    });
  }

  private dueTimerGauges(due: ScrapeReading<DueTimers[]>): void {
    const gauge = (name: string, help: string, value: (timers: DueTimers) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['kind'],
        registers: [this.registry],
        async collect() {
          const kinds = await due.get();
          if (kinds) for (const timers of kinds) this.set({ kind: timers.kind }, value(timers));
        },
      });
    gauge(
      'cms_timers_due',
      'Durable timers at or past their due time and not yet fired, by kind (failing ones among them)',
      (timers) => timers.due,
    );
    gauge(
      'cms_timers_oldest_due_seconds',
      'Seconds since the due time of the oldest timer not yet fired, by kind (0 when none is due): how late it is',
      (timers) => timers.oldestDueSeconds,
    );
  }
}
