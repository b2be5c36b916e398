import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Consumer } from 'kafkajs';
import type { Logger } from 'pino';
import { fromKafkaMessage, validateEventData, type EventEnvelope } from '@cms/contracts';
import { withTraceparent } from '@cms/observability';
import { toIncoming, type KafkaAdapter } from './kafka-adapter';

export interface BroadcastReaderOptions {
  /** Names the reader's consumer groups (one per process), e.g. `gateway-ended-sessions`. */
  name: string;
  topic: string;
  /** Takes one valid event into the process's memory; must not throw. */
  take: (event: EventEnvelope) => void;
}

/**
 * Reads a whole topic, from its beginning, in every process that runs one: each in a consumer group
 * of its own, committing nothing. For state each replica must hold in memory and rebuild when it
 * starts (the gateway's ended sessions), as opposed to EventConsumer, whose replicas share the
 * work and record each effect in their database. An event that is not valid is logged and skipped.
 */
export class BroadcastReader {
  private consumer?: Consumer;
  /** Partitions not yet read up to the high watermark they had at start. */
  private behind = new Map<number, bigint>();
  private started = false;

  constructor(
    private readonly kafka: KafkaAdapter,
    private readonly logger: Logger,
    private readonly options: BroadcastReaderOptions,
  ) {}

  /** Whether everything the topic held when the reader started has been taken. */
  get isCaughtUp(): boolean {
    return this.started && this.behind.size === 0;
  }

  /** Starts reading; if it fails part way, it leaves nothing behind and may be called again. */
  async start(): Promise<void> {
    try {
      await this.startReading();
    } catch (error) {
      await this.stop().catch(() => undefined);
      this.behind.clear();
      throw error;
    }
  }

  private async startReading(): Promise<void> {
    const { topic } = this.options;
    await this.kafka.ensureTopics([topic]);
    for (const { partition, low, high } of await this.kafka.partitionOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) this.behind.set(partition, BigInt(high) - 1n);
    }
    const consumer = this.kafka.createConsumer(`${this.options.name}-${hostname()}-${process.pid}-${randomUUID()}`);
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachMessage: async ({ partition, message }) => {
        const incoming = toIncoming(topic, partition, message);
        // In the message's trace (no span of its own: every replica reads the topic from its start
        // at each start), so that what is logged about it carries its trace id.
        withTraceparent(incoming.headers.traceparent, () => {
          try {
            const event = fromKafkaMessage(incoming.headers, incoming.value);
            validateEventData(event.type, event.data);
            this.options.take(event);
          } catch (error) {
            this.logger.warn({ err: error, topic, partition, offset: message.offset }, 'skipped a message that is not a valid event');
          }
        });
        const last = this.behind.get(partition);
        if (last !== undefined && BigInt(message.offset) >= last) this.behind.delete(partition);
      },
    });
    this.started = true;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    this.consumer = undefined;
  }
}
