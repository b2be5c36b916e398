import type { DataSource } from 'typeorm';
import type { Pool, PoolClient } from 'pg';
import type { Logger } from 'pino';
import { eventsPublished, outboxPublishFailures, startSendSpan, withTraceparent } from '@cms/observability';
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
  /**
   * Failed attempts after which a row is parked: set aside, no longer tried, until an operator
   * requeues it (`npm run outbox -- requeue`). Only a failure that is the row's own counts (see
   * classifyPublishFailure); while the broker is unreachable nothing is charged. Default 5.
   */
  maxAttempts?: number;
  /** How long a published row is kept before it is deleted. Default 7 days. */
  retentionMs?: number;
  /** The relay looks for rows past their retention at most this often. Default 5 minutes. */
  retentionIntervalMs?: number;
  /** Rows deleted per statement, one statement a cycle while rows past their retention remain. Default 1000. */
  retentionBatchSize?: number;
  /** The current time, for retention; tests pass their own (docs/quality.md: time-driven behaviour through an injected clock). */
  clock?: () => Date;
}

/** The channel on which a commit that writes outbox rows (or requeues them) wakes the relay. */
export const OUTBOX_NOTIFY_CHANNEL = 'outbox_message';

const DEFAULT_MAX_ATTEMPTS = 5;
const DEFAULT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
const DEFAULT_RETENTION_INTERVAL_MS = 5 * 60 * 1000;
const DEFAULT_RETENTION_BATCH_SIZE = 1_000;

/**
 * What a failed publish says about the message, read from the Kafka error code
 * (https://kafka.apache.org/protocol#protocol_error_codes) on the error or one of its causes:
 *  - 'refused': the broker refused the record itself; it fails the same way at every try.
 *  - 'topic': the record's topic cannot be written. Every row of that topic fails alike; it is the
 *    rows' fault only when other rows go in the same cycle (otherwise the broker may be starting).
 *  - 'unavailable': anything else, taken for trouble with the broker or the connection (a restart,
 *    a leader election, a timeout), which says nothing about the message: nothing is charged.
 */
export type PublishFailure = 'refused' | 'topic' | 'unavailable';

// INVALID_TIMESTAMP is left out on purpose: a skewed clock on the relay's host refuses every row alike.
const REFUSED_RECORD = new Set(['MESSAGE_TOO_LARGE', 'RECORD_LIST_TOO_LARGE', 'INVALID_RECORD', 'CORRUPT_MESSAGE']);
const UNWRITABLE_TOPIC = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'INVALID_TOPIC_EXCEPTION', 'TOPIC_AUTHORIZATION_FAILED']);

export function classifyPublishFailure(error: unknown): PublishFailure {
  const code = kafkaErrorCode(error);
  if (code !== undefined && REFUSED_RECORD.has(code)) return 'refused';
  if (code !== undefined && UNWRITABLE_TOPIC.has(code)) return 'topic';
  return 'unavailable';
}

/** What is kept in a charged row's `last_error`: the error's message and its Kafka error code. */
export function describePublishFailure(error: unknown): string {
  const code = kafkaErrorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return (code === undefined ? message : `${code}: ${message}`).slice(0, 2_000);
}

/**
 * The Kafka error code's name on the error or one of its causes: the client library (kafkajs)
 * puts it in `type`, and wraps the error when it gives up retrying.
 */
function kafkaErrorCode(error: unknown): string | undefined {
  let candidate = error;
  for (let depth = 0; depth < 5 && typeof candidate === 'object' && candidate !== null; depth += 1) {
    const { type, cause } = candidate as { type?: unknown; cause?: unknown };
    if (typeof type === 'string') return type;
    candidate = cause;
  }
  return undefined;
}

// Stable key for the advisory lock that lets one relay replica of a service publish at a time.
const RELAY_LOCK_KEY = 4_271_000_002;

// Pending: neither published nor parked (the partial index outbox_message_pending).
const SELECT_PENDING: PreparedStatement = {
  name: 'outbox-select-pending',
  text: `SELECT id, topic, message_key, headers, payload, attempts
           FROM outbox_message
          WHERE published_at IS NULL AND parked_at IS NULL
          ORDER BY created_at, id
          LIMIT $1`,
};

const MARK_SENT: PreparedStatement = {
  name: 'outbox-mark-sent',
  text: 'UPDATE outbox_message SET published_at = now() WHERE id = ANY($1::uuid[])',
};

/** One more failed attempt for each row ($1, its error $2), parking those that reach $3 attempts. */
const CHARGE_FAILED: PreparedStatement = {
  name: 'outbox-charge-failed',
  text: `UPDATE outbox_message AS message
            SET attempts = message.attempts + 1,
                last_error = failure.error,
                parked_at = CASE WHEN message.attempts + 1 >= $3 THEN now() END
           FROM unnest($1::uuid[], $2::text[]) AS failure (id, error)
          WHERE message.id = failure.id
      RETURNING message.id, message.topic, message.attempts, message.parked_at IS NOT NULL AS parked`,
};

/**
 * Deletes up to $2 published rows older than $1, oldest first: found through the partial index
 * outbox_message_published, deleted by primary key (`= ANY(ARRAY(…))`, where `IN (…)` would be
 * planned as a join that reads the whole table).
 */
const DELETE_EXPIRED: PreparedStatement = {
  name: 'outbox-delete-expired',
  text: `WITH expired AS (
           DELETE FROM outbox_message
            WHERE id = ANY (ARRAY (SELECT id FROM outbox_message
                                    WHERE published_at < $1 AND parked_at IS NULL
                                    ORDER BY published_at
                                    LIMIT $2))
           RETURNING 1)
         SELECT count(*)::int AS deleted FROM expired`,
};

interface PendingRow {
  id: string;
  topic: string;
  message_key: string;
  headers: Record<string, string>;
  payload: string;
  /** Failed attempts so far; above 0, the row goes alone, after the others. */
  attempts: number;
}

interface ChargedRow {
  id: string;
  topic: string;
  attempts: number;
  parked: boolean;
}

/** What one cycle did with its rows. */
interface Cycle {
  sent: PendingRow[];
  failed: { row: PendingRow; reason: 'refused' | 'topic'; error: unknown }[];
  /** Topics that could not be written this cycle: their other rows share the failure untried. */
  unwritableTopics: Map<string, unknown>;
  /** Set when the broker could not take a publish: the cycle stops there and the relay backs off. */
  unavailable?: { error: unknown };
}

/** The row as a message, sent with the `traceparent` of the span that sends it. */
function toOutgoing(row: PendingRow, traceparent: string | undefined): OutgoingMessage {
  return { topic: row.topic, key: row.message_key, headers: traceparent ? { ...row.headers, traceparent } : row.headers, value: row.payload };
}

/**
 * Publishes outbox rows to Kafka and marks them sent.
 *
 * Each relay holds one database connection of its own. On it, the relay LISTENs for outbox
 * inserts and takes a session-level advisory lock: with several replicas of a service, the one
 * holding the lock publishes and the others stand by, trying for the lock at each idle delay; the
 * lock goes with the connection, so a replica that stops, dies or loses its connection hands over
 * to the next. The holder selects every pending row (neither published nor parked) in creation
 * order (no "highest id seen" cursor: a row committed late by a slow transaction is simply found
 * on the next cycle), publishes them, then marks them sent: two statements a cycle. A crash after
 * publishing and before marking leaves the rows unsent, so they are published again: delivery is
 * at least once, and consumers de-duplicate by event id.
 *
 * A message the broker refuses must not hold back the rows behind it. When the cycle's publish
 * fails for a reason that may be a message's (classifyPublishFailure), its rows go again one at a
 * time: those that go are marked sent, and each that fails on its own account is charged an
 * attempt, with the error in `last_error`; at `maxAttempts` it is parked (`parked_at`) and left for
 * an operator, who requeues it once the cause is fixed (`npm run outbox`). A charged row goes alone
 * in later cycles, after the others, so it cannot fail their publish again. When the broker cannot
 * be reached nothing is charged: the relay backs off and tries again, however long that takes.
 * A batch that fails part-way may have put some of its rows on Kafka already; they go again one at
 * a time, which at-least-once delivery allows.
 *
 * Order: rows that go at their first try reach Kafka in creation order, and so in order per key
 * (a key's messages share a partition). A row that fails is overtaken by the rows committed after
 * it, its own key's included: it goes later, alone, or after an operator requeues it.
 *
 * Retention: the lock holder also deletes published rows older than `retentionMs`, so the table
 * stays small (see deleteExpired). Parked and unpublished rows are never deleted.
 */
export class OutboxRelay {
  private running = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private woken = false;
  /** The relay's own connection: LISTEN, the publishing lock, and each cycle's statements. */
  private connection?: PoolClient;
  private leading = false;
  /** When the next retention run is due, by the clock (ms); at once on the first cycle. */
  private nextRetentionAt = Number.NEGATIVE_INFINITY;

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
   * One cycle: deletes rows past their retention when that is due, publishes what is pending (up
   * to one batch) and returns how many rows it sent; 0 when there was nothing to send or another
   * replica holds the lock. It throws when the broker could not take the rows (after marking those
   * that went and charging those that failed on their own account), so that the caller backs off.
   * A failure lets go of the connection, and with it the lock, before it is thrown.
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
      await this.deleteExpired(connection);
      const rows = await runPreparedOn<PendingRow>(connection, SELECT_PENDING, [batchSize]);
      if (rows.length === 0) return 0;
      const cycle = await this.publish(rows);
      await this.settle(connection, cycle);
      if (cycle.unavailable) {
        outboxPublishFailures.inc({ reason: 'unavailable' });
        throw cycle.unavailable.error;
      }
      // Rows whose topic failed while nothing went: the broker may not be ready; back off.
      if (cycle.sent.length === 0 && cycle.failed.some((failure) => failure.reason === 'topic')) {
        outboxPublishFailures.inc({ reason: 'unavailable' });
        throw cycle.failed.find((failure) => failure.reason === 'topic')!.error;
      }
      return cycle.sent.length;
    } catch (error) {
      this.disconnect();
      throw error;
    }
  }

  /**
   * Publishes the cycle's rows. Those never charged go together, one produce request as before;
   * if that fails for a reason that may be a message's, they go again one at a time. Those charged
   * before go one at a time, after the others.
   */
  private async publish(rows: PendingRow[]): Promise<Cycle> {
    const cycle: Cycle = { sent: [], failed: [], unwritableTopics: new Map() };
    const fresh = rows.filter((row) => row.attempts === 0);
    const suspects = rows.filter((row) => row.attempts > 0);
    if (fresh.length > 0) {
      try {
        await this.send(fresh);
        cycle.sent.push(...fresh);
      } catch (error) {
        if (fresh.length === 1) this.noteFailure(cycle, fresh[0], error);
        else if (classifyPublishFailure(error) === 'unavailable') cycle.unavailable = { error };
        else {
          this.logger.warn({ err: error, rows: fresh.length }, 'outbox batch refused; publishing its rows one at a time');
          await this.publishOneByOne(fresh, cycle);
        }
      }
    }
    await this.publishOneByOne(suspects, cycle);
    return cycle;
  }

  /** Publishes rows one at a time, so that a failing row holds back none of the others. */
  private async publishOneByOne(rows: PendingRow[], cycle: Cycle): Promise<void> {
    for (const row of rows) {
      if (cycle.unavailable) return;
      if (cycle.unwritableTopics.has(row.topic)) {
        cycle.failed.push({ row, reason: 'topic', error: cycle.unwritableTopics.get(row.topic) });
        continue;
      }
      try {
        await this.send([row]);
        cycle.sent.push(row);
      } catch (error) {
        this.noteFailure(cycle, row, error);
      }
    }
  }

  /**
   * Sends rows in one produce request, each in a span of its own in the trace the row was written
   * in; each message carries its span's `traceparent`, so that its consumers continue the trace
   * from there: request, relay, Kafka, consumers, one trace.
   */
  private async send(rows: PendingRow[]): Promise<void> {
    const spans = rows.map((row) =>
      startSendSpan({ topic: row.topic, key: row.message_key, id: row.id, type: row.headers.ce_type, traceparent: row.headers.traceparent }),
    );
    try {
      await this.kafka.publish(rows.map((row, index) => toOutgoing(row, spans[index].traceparent)));
    } catch (error) {
      for (const span of spans) span.end(error);
      throw error;
    }
    for (const span of spans) span.end();
  }

  private noteFailure(cycle: Cycle, row: PendingRow, error: unknown): void {
    const reason = classifyPublishFailure(error);
    if (reason === 'unavailable') {
      cycle.unavailable = { error };
      return;
    }
    if (reason === 'topic') cycle.unwritableTopics.set(row.topic, error);
    cycle.failed.push({ row, reason, error });
  }

  /**
   * Marks the rows that went, and charges an attempt to each that failed on its own account: one
   * the broker refused, or one whose topic failed while other rows of the cycle went.
   */
  private async settle(connection: PoolClient, cycle: Cycle): Promise<void> {
    if (cycle.sent.length > 0) {
      await runPreparedOn(connection, MARK_SENT, [cycle.sent.map((row) => row.id)]);
      for (const row of cycle.sent) eventsPublished.inc({ topic: row.topic });
    }
    const charged = cycle.failed.filter((failure) => failure.reason === 'refused' || cycle.sent.length > 0);
    if (charged.length === 0) return;
    const errors = new Map(charged.map((failure) => [failure.row.id, failure.error]));
    const rows = await runPreparedOn<ChargedRow>(connection, CHARGE_FAILED, [
      charged.map((failure) => failure.row.id),
      charged.map((failure) => describePublishFailure(failure.error)),
      this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    ]);
    for (const failure of charged) outboxPublishFailures.inc({ reason: failure.reason });
    const traceparents = new Map(charged.map((failure) => [failure.row.id, failure.row.headers.traceparent]));
    for (const row of rows) {
      const context = { outboxMessageId: row.id, topic: row.topic, attempts: row.attempts, err: errors.get(row.id) };
      // Logged in the row's trace: the line carries the trace id of the request that wrote it.
      withTraceparent(traceparents.get(row.id), () => {
        if (row.parked) {
          this.logger.error(context, `outbox message parked after ${row.attempts} failed attempts; once the cause is fixed: npm run outbox -- requeue ${row.id}`);
        } else {
          this.logger.warn(context, 'outbox message could not be published; it will be tried again');
        }
      });
    }
  }

  /**
   * Retention: deletes published rows older than `retentionMs`, `retentionBatchSize` at a time (one
   * statement a cycle, so that publishing never waits long behind it) until none are left, then
   * not again for `retentionIntervalMs`. Parked and unpublished rows are kept whatever their age.
   */
  private async deleteExpired(connection: PoolClient): Promise<void> {
    const now = (this.options.clock?.() ?? new Date()).getTime();
    if (now < this.nextRetentionAt) return;
    const batchSize = this.options.retentionBatchSize ?? DEFAULT_RETENTION_BATCH_SIZE;
    const before = new Date(now - (this.options.retentionMs ?? DEFAULT_RETENTION_MS));
    const [{ deleted }] = await runPreparedOn<{ deleted: number }>(connection, DELETE_EXPIRED, [before, batchSize]);
    if (deleted > 0) this.logger.debug({ deleted, before }, 'outbox rows past their retention deleted');
    if (deleted < batchSize) this.nextRetentionAt = now + (this.options.retentionIntervalMs ?? DEFAULT_RETENTION_INTERVAL_MS);
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
      await connection.query(`LISTEN ${OUTBOX_NOTIFY_CHANNEL}`);
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
