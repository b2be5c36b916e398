import type { DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { eventsPublished } from '@cms/observability';
import { runPreparedOn, type PreparedStatement } from '@cms/persistence';
import type { KafkaAdapter, OutgoingMessage } from './kafka-adapter';

export interface OutboxRelayOptions {
  batchSize?: number;
  /**
   * How long to wait before looking again when the outbox is empty. Commits that write outbox rows
   * wake the relay at once (LISTEN/NOTIFY); this is the safety net if a notification is missed.
   */
  idleDelayMs?: number;
  /**
   * Under load, cycles start at most this often, so that rows committed close together go to Kafka
   * in one produce request (each request costs the broker and every consumer far more than a
   * message in it). After a quiet spell a row is published at once.
   */
  minCycleIntervalMs?: number;
  /** First wait after a failed publish; doubles on each failure up to maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
}

// Stable key for the advisory lock that lets one relay replica of a service publish at a time.
const RELAY_LOCK_KEY = 4_271_000_002;

const SELECT_PENDING: PreparedStatement = {
  name: 'outbox-select-pending',
  text: `SELECT id, topic, message_key, headers, payload
           FROM outbox_message
          WHERE published_at IS NULL
          ORDER BY created_at, id
          LIMIT $1`,
};

const MARK_SENT: PreparedStatement = {
  name: 'outbox-mark-sent',
  text: 'UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::uuid[])',
};

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
 * Each relay holds one database connection of its own. On it, the relay LISTENs for outbox
 * inserts and takes a session-level advisory lock: with several replicas of a service, the one
 * holding the lock publishes and the others stand by, trying for the lock at each idle delay; the
 * lock goes with the connection, so a replica that stops, dies or loses its connection hands over
 * to the next. The holder selects every row not yet published in creation order (no "highest id
 * seen" cursor: a row committed late by a slow transaction is simply found on the next cycle),
 * publishes them, then marks them sent: two statements a cycle. A crash after publishing and before
 * marking leaves the rows unsent, so they are published again: delivery is at least once, and
 * consumers de-duplicate by event id.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  /** The relay's own connection: LISTEN, the publishing lock, and each cycle's statements. */
  private connection?: PoolClient;
  private leading = false;

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
    this.disconnect();
  }

  /** Asks the relay to look now instead of at the end of its idle delay (a hint; safe to ignore). */
  poke(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  /**
   * One cycle: publishes what is pending (up to one batch) and returns how many rows it sent;
   * 0 when there was nothing to send or another replica holds the lock. A failure lets go of the
   * connection, and with it the lock, before it is thrown.
   */
  async publishPending(): Promise<number> {
    const batchSize = this.options.batchSize ?? 200;
    const connection = await this.connect();
    try {
      if (!this.leading) {
        // Session-level and re-entrant: taken once, held until the connection ends.
        const { rows } = await connection.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [RELAY_LOCK_KEY]);
        if (!rows[0].locked) return 0;
        this.leading = true;
      }
      const rows = await runPreparedOn<PendingRow>(connection, SELECT_PENDING, [batchSize]);
      if (rows.length === 0) return 0;
      const messages: OutgoingMessage[] = rows.map((row) => ({
        topic: row.topic,
        key: row.message_key,
        headers: row.headers,
        value: row.payload,
      }));
      await this.kafka.publish(messages);
      await runPreparedOn(connection, MARK_SENT, [rows.map((row) => row.id)]);
      for (const message of messages) eventsPublished.inc({ topic: message.topic });
      return rows.length;
    } catch (error) {
      this.disconnect();
      throw error;
    }
  }

  private async run(): Promise<void> {
    const batchSize = this.options.batchSize ?? 200;
    const minCycleIntervalMs = this.options.minCycleIntervalMs ?? 20;
    let failures = 0;
    let cycleStartedAt = 0;
    while (this.running) {
      const tooSoon = cycleStartedAt + minCycleIntervalMs - performance.now();
      if (tooSoon > 0) await new Promise((resolve) => setTimeout(resolve, tooSoon));
      cycleStartedAt = performance.now();
      let delay = this.options.idleDelayMs ?? 1_000;
      let interruptible = true;
      this.woken = false;
      try {
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

  /** The relay's own connection, LISTENing for outbox inserts; made again after a failure. */
  private async connect(): Promise<PoolClient> {
    if (this.connection) return this.connection;
    const pool = (this.dataSource.driver as unknown as { master: Pool }).master;
    const connection = await pool.connect();
    // Only the replica that publishes needs waking; the others try for the lock at their idle delay.
    connection.on('notification', () => {
      if (this.leading) this.poke();
    });
    connection.on('error', () => this.disconnect());
    try {
      await connection.query('LISTEN outbox_message');
    } catch (error) {
      connection.release(true);
      throw error;
    }
    this.connection = connection;
    return connection;
  }

  /** Closes the connection: the server ends the session and releases the lock with it. */
  private disconnect(): void {
    const connection = this.connection;
    this.connection = undefined;
    this.leading = false;
    connection?.release(true);
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
