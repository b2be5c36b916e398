import type { DataSource, EntityManager } from 'typeorm';
import type { Consumer } from 'kafkajs';
import type { Logger } from 'pino';
import {
  deadLetterTopic,
  fromKafkaMessage,
  InvalidEventError,
  MalformedEnvelopeError,
  validateEventData,
  type EventEnvelope,
} from '@cms/contracts';
import { eventsConsumed, startProcessSpan } from '@cms/observability';
import { toIncoming, type IncomingMessage, type KafkaAdapter } from './kafka-adapter';

/** Applies one event's effect using `manager`, inside the transaction that also records the event id. */
export type EventHandler = (event: EventEnvelope, manager: EntityManager) => Promise<void>;

export interface EventConsumerOptions {
  groupId: string;
  topics: string[];
  handle: EventHandler;
  /**
   * The event types the handler acts on; others on its topics are passed over without a
   * transaction (no inbox row, no validation), their offsets committed. All of them when absent.
   */
  eventTypes?: readonly string[];
  /** Attempts before the message is dead-lettered (the first try included). */
  maxAttempts?: number;
  /** Wait before the second attempt; doubles for each further attempt. */
  backoffMs?: number;
  /** How long the group waits for a silent member before handing its partitions to others. */
  sessionTimeoutMs?: number;
  /**
   * Called after the effect's transaction committed and before the offset commit. An observation
   * point for metrics and for the crash-between-commits reliability test.
   */
  afterEffectCommitted?: (event: EventEnvelope) => Promise<void>;
  /**
   * Runs the inbox record and the effect in one transaction; by default a transaction of
   * `dataSource`. The service kit passes one its repositories take part in (libs/service-defaults).
   */
  transaction?: <T>(work: (manager: EntityManager) => Promise<T>) => Promise<T>;
}

export type ConsumeOutcome = 'applied' | 'duplicate' | 'dead_lettered' | 'passed_over';

/** A message that can never succeed (not an event, or not valid for its schema): dead-letter at once. */
class PoisonMessageError extends Error {}

/**
 * Thrown by a handler for an event it can never apply, however often it is tried (it names a
 * contact the service does not hold, say): dead-lettered at once, with this message, instead of
 * being retried with backoff while the partition behind it waits. Anything else a handler throws is
 * taken as passing (a lock, a restart) and retried.
 */
export class UnprocessableEventError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnprocessableEventError';
  }
}

/**
 * The one consumer runner. For each message, in partition order:
 *  1. reads the CloudEvents envelope and validates the body against its schema;
 *  2. in one transaction, records the event id in `inbox_message` and applies the effect; a
 *     redelivered event finds its id already there and changes nothing;
 *  3. commits the offset only after that transaction (once per batch, for the messages done).
 * A failing effect is retried with exponential backoff up to `maxAttempts`, then the message goes to
 * `<topic>.dlt` with the error attached and the partition moves on.
 */
export class EventConsumer {
  private consumer?: Consumer;

  constructor(
    private readonly dataSource: DataSource,
    private readonly kafka: KafkaAdapter,
    private readonly logger: Logger,
    private readonly options: EventConsumerOptions,
  ) {}

  async start(): Promise<void> {
    const { topics } = this.options;
    await this.kafka.ensureTopics([...topics, ...topics.map(deadLetterTopic)]);
    const consumer = this.kafka.createConsumer(this.options.groupId, this.options.sessionTimeoutMs);
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: this.options.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      partitionsConsumedConcurrently: 1,
      eachBatchAutoResolve: false,
      // One offset commit per batch, for the messages of it already done (applied, passed over or
      // dead-lettered, in order): a broker round trip per message, in every group, was most of what
      // a consumer spent on an event it passes over. A crash inside a batch redelivers from its first
      // uncommitted message, and the inbox absorbs what was applied; a batch whose partitions were
      // taken away (a rebalance) stops at once and leaves the rest to their new owner.
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const { topic, partition } = batch;
        let nextOffset: string | undefined;
        try {
          for (const message of batch.messages) {
            if (!isRunning() || isStale()) break;
            const outcome = await this.process(toIncoming(topic, partition, message), heartbeat);
            eventsConsumed.inc({ topic, group: this.options.groupId, outcome });
            // The fetch position moves with the resolved offset; the committed one with the commit below.
            resolveOffset(message.offset);
            nextOffset = (BigInt(message.offset) + 1n).toString();
            await heartbeat();
          }
        } finally {
          if (nextOffset !== undefined && !isStale()) await consumer.commitOffsets([{ topic, partition, offset: nextOffset }]);
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }

  private async process(message: IncomingMessage, heartbeat: () => Promise<void>): Promise<ConsumeOutcome> {
    // A type the handler does not act on costs nothing but reading its header. A message without the
    // header is not passed over: it is read below and dead-lettered as malformed.
    const type = message.headers.ce_type;
    if (this.options.eventTypes && type !== undefined && !this.options.eventTypes.includes(type)) return 'passed_over';
    // In a span of the message's trace throughout: the effect's spans, and every line logged about
    // it (a retry, its dead letter), belong to the request that caused it.
    const span = startProcessSpan({
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
      consumerGroup: this.options.groupId,
      id: message.headers.ce_id,
      type,
      traceparent: message.headers.traceparent,
    });
    try {
      const outcome = await span.run(() => this.processInItsSpan(message, heartbeat));
      span.end(outcome === 'dead_lettered' ? 'dead-lettered' : undefined);
      return outcome;
    } catch (error) {
      span.end(error);
      throw error;
    }
  }

  private async processInItsSpan(message: IncomingMessage, heartbeat: () => Promise<void>): Promise<ConsumeOutcome> {
    let event: EventEnvelope;
    try {
      event = fromKafkaMessage(message.headers, message.value);
      validateEventData(event.type, event.data);
    } catch (error) {
      if (error instanceof MalformedEnvelopeError || error instanceof InvalidEventError) {
        await this.deadLetter(message, new PoisonMessageError(error.message), 1);
        return 'dead_lettered';
      }
      throw error;
    }

    const maxAttempts = this.options.maxAttempts ?? 5;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const applied = await this.applyOnce(event, message.topic);
        if (applied) await this.options.afterEffectCommitted?.(event);
        return applied ? 'applied' : 'duplicate';
      } catch (error) {
        if (attempt >= maxAttempts || error instanceof UnprocessableEventError) {
          await this.deadLetter(message, error, attempt);
          return 'dead_lettered';
        }
        const delay = (this.options.backoffMs ?? 200) * 2 ** (attempt - 1);
        this.logger.warn(
          { err: error, eventId: event.id, eventType: event.type, attempt, retryInMs: delay },
          'event handler failed; retrying',
        );
        await new Promise((resolve) => setTimeout(resolve, delay));
        await heartbeat();
      }
    }
  }

  /** Records the event id and applies the effect in one transaction; false if it was applied before. */
  private async applyOnce(event: EventEnvelope, topic: string): Promise<boolean> {
    const transaction = this.options.transaction ?? ((work) => this.dataSource.transaction(work));
    return transaction(async (manager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox_message (consumer_group, event_id, topic, event_type)
         VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING
         RETURNING event_id`,
        [this.options.groupId, event.id, topic, event.type],
      );
      if (inserted.length === 0) return false;
      await this.options.handle(event, manager);
      return true;
    });
  }

  private async deadLetter(message: IncomingMessage, error: unknown, attempts: number): Promise<void> {
    const reason = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    this.logger.error(
      { topic: message.topic, partition: message.partition, offset: message.offset, attempts, reason },
      'event dead-lettered',
    );
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(message.headers)) if (value !== undefined) headers[name] = value;
    await this.kafka.publish([
      {
        topic: deadLetterTopic(message.topic),
        key: message.key ?? '',
        value: message.value,
        headers: {
          ...headers,
          cms_dlt_error: reason.slice(0, 2_000),
          cms_dlt_attempts: String(attempts),
          cms_dlt_consumer_group: this.options.groupId,
          cms_dlt_original_topic: message.topic,
          cms_dlt_original_partition: String(message.partition),
          cms_dlt_original_offset: message.offset,
          cms_dlt_time: new Date().toISOString(),
        },
      },
    ]);
  }
}
