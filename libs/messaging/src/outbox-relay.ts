import type { DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { eventsPublished } from '@cms/observability';
import type { KafkaAdapter, OutgoingMessage } from './kafka-adapter';

export interface OutboxRelayOptions {
  batchSize?: number;
  /**
   * How long to wait before looking again when the outbox is empty. Commits that write outbox rows
   * wake the relay at once (LISTEN/NOTIFY); this is the safety net if a notification is missed.
   */
  idleDelayMs?: number;
  /** First wait after a failed publish; doubles on each failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

// Stable key for the advisory lock that lets one relay replica of a service publish at a time.
const RELAY_LOCK_KEY = 4_271_000_002;

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
}

/**
 * Publishes outbox rows to Kafka and marks them sent.
 *
 * Each cycle runs in one transaction that first takes a transaction-scoped advisory lock, so with
 * several replicas exactly one publishes at a time and per-key order is kept. It selects every row
 * not yet published (no "highest id seen" cursor: a row committed late by a slow transaction is
 * simply found on the next cycle), publishes them, then marks them sent and commits. A crash after
 * publishing and before the commit leaves the rows unsent, so they are published again: delivery
 * is at least once, and consumers de-duplicate by event id.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  private listener?: PoolClient;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaAdapter,
    private readonly logger: Logger,
    private readonly options: OutboxRelayOptions = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUp?.();
    await this.loop;
    this.dropListener();
  }

  /** Asks the relay to look now instead of at the end of its idle delay (a hint; safe to ignore). */
  poke(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * One cycle: publishes what is pending (up to one batch) and returns how many rows it sent;
   * 0 when there was nothing to send or another replica holds the lock.
   */
  async publishPending(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [RELAY_LOCK_KEY]);
      if (!locked) {
        await runner.rollbackTransaction();
        return 0;
      }
      const rows: PendingRow[] = await runner.query(
        `SELECT id, topic, message_key, headers, payload
           FROM outbox_message
          WHERE published_at IS NULL
          ORDER BY created_at, id
          LIMIT $1
          FOR UPDATE`,
        [batchSize],
      );
      if (rows.length === 0) {
        await runner.rollbackTransaction();
        return 0;
      }
      const messages: OutgoingMessage[] = rows.map((row) => ({
        topic: row.topic,
        key: row.message_key,
        headers: row.headers,
        value: row.payload,
      }));
      await this.kafka.publish(messages);
      await runner.query('UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::uuid[])', [
        rows.map((row) => row.id),
      ]);
      await runner.commitTransaction();
      for (const message of messages) eventsPublished.inc({ topic: message.topic });
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    let failures = 0;
    while (this.running) {
      let delay = this.options.idleDelayMs ?? 1_000;
      let interruptible = true;
      this.woken = false;
      try {
        await this.listen();
        const sent = await this.publishPending();
        failures = 0;
        if (sent === batchSize) delay = 0;
      } catch (error) {
        failures += 1;
        interruptible = false; // back off, even if new rows keep arriving
        delay = Math.min((this.options.backoffMs ?? 200) * 2 ** (failures - 1), this.options.maxBackoffMs ?? 10_000);
        this.logger.warn({ err: error, failures, retryInMs: delay }, 'outbox relay could not publish; will retry');
      }
      if (delay > 0 && this.running) await this.sleep(delay, interruptible);
    }
  }

  /** Holds one connection that LISTENs for outbox inserts; re-established after a failure. */
  private async listen(): Promise<void> {
    if (this.listener) return;
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const client = await pool.connect();
    client.on('notification', () => this.poke());
    client.on('error', () => this.dropListener());
    await client.query('LISTEN outbox_message');
    this.listener = client;
  }

  private dropListener(): void {
    const client = this.listener;
    this.listener = undefined;
    client?.release(true);
  }

  private sleep(ms: number, interruptible: boolean): Promise<void> {
    if (interruptible && this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      const wakeUp = () => {
        if (interruptible || !this.running) done();
      };
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = wakeUp;
    });
  }
}
