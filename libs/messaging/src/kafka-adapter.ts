import { randomUUID } from 'node:crypto';
import {
  AclOperationTypes,
  AclPermissionTypes,
  AclResourceTypes,
  Kafka,
  logLevel,
  Partitioners,
  ResourcePatternTypes,
  type Admin,
  type Consumer,
  type KafkaMessage,
  type Producer,
  type LogEntry,
} from 'kafkajs';
import type { Logger } from 'pino';
import { DEFAULT_PARTITIONS } from '@cms/contracts';
import { topicLag, type TopicLag } from './consumer-lag';
// Loaded for its effect: kafkajs must not spin a 1 ms timer per idle connection.
import './kafkajs-idle-timer-fix';

/**
 * The one place that talks to the Kafka client library (kafkajs). Everything else in CMS uses
 * these types, so the client can be replaced (for example by @confluentinc/kafka-javascript,
 * which offers a KafkaJS-compatible API) without touching services.
 */
export interface OutgoingMessage {
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string | undefined>;
}

export interface KafkaAdapterOptions {
  clientId: string;
  brokers: string[];
  logger: Logger;
}

export class KafkaAdapter {
  private readonly kafka: Kafka;
  private producer?: Producer;
  private producerConnecting?: Promise<Producer>;

  constructor(private readonly options: KafkaAdapterOptions) {
    const logger = options.logger.child({ component: 'kafkajs' });
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      connectionTimeout: 3_000,
      requestTimeout: 10_000,
      retry: { initialRetryTime: 200, retries: 8 },
      logLevel: logLevel.WARN,
      logCreator: () => (entry: LogEntry) => {
        const { message, ...extra } = entry.log;
        const level = entry.level === logLevel.ERROR ? 'error' : entry.level === logLevel.WARN ? 'warn' : 'debug';
        logger[level]({ namespace: entry.namespace, ...extra }, message);
      },
    });
  }

  /**
   * Publishes messages with an idempotent producer and `acks=all`: each message is written once per
   * send, in order per partition, and acknowledged only when every in-sync replica has it.
   */
  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const producer = await this.connectedProducer();
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const message of messages) {
      byTopic.set(message.topic, [...(byTopic.get(message.topic) ?? []), message]);
    }
    try {
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map(({ key, value, headers }) => ({ key, value, headers })),
        })),
      });
    } catch (error) {
      // After a failed send an idempotent producer can be left unusable for good: a broker that
      // lost its last writes (a hard restart) answers every later batch with "out of order
      // sequence number". The next publish starts a new producer (a new producer id, sequences
      // from zero); the caller retries, and consumers absorb any duplicate.
      await this.discardProducer(producer);
      throw error;
    }
  }

  /**
   * Creates the topics that do not exist yet (idempotent; safe with several replicas). Right after a
   * topic is created, or while the broker starts, metadata can briefly say the topic-partition is
   * not hosted; such answers are retried rather than failing the service's start. `config` (topic
   * settings such as `cleanup.policy`) applies to the topics it creates.
   */
  async ensureTopics(topics: string[], partitions = DEFAULT_PARTITIONS, config: Record<string, string> = {}): Promise<void> {
    const attempts = 8;
    for (let attempt = 1; ; attempt += 1) {
      const admin = this.kafka.admin();
      try {
        await admin.connect();
        const existing = new Set(await admin.listTopics());
        const missing = topics.filter((topic) => !existing.has(topic));
        if (missing.length > 0) {
          await admin.createTopics({
            waitForLeaders: true,
            topics: missing.map((topic) => ({
              topic,
              numPartitions: partitions,
              replicationFactor: -1,
              configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
            })),
          });
        }
        await admin.fetchTopicMetadata({ topics });
        return;
      } catch (error) {
        if (attempt >= attempts) throw error;
        this.options.logger.warn({ err: error, attempt, topics }, 'topics not ready yet; retrying');
        await new Promise((resolve) => setTimeout(resolve, 250 * attempt));
      } finally {
        await admin.disconnect().catch(() => undefined);
      }
    }
  }

  /** A consumer in a group; used by the consumer runner only. */
  createConsumer(groupId: string, sessionTimeoutMs = 30_000): Consumer {
    return this.kafka.consumer({
      groupId,
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: Math.min(3_000, Math.floor(sessionTimeoutMs / 3)),
      retry: { initialRetryTime: 200, retries: 8 },
    });
  }

  /** Each partition's first and next offset (low and high watermarks), as decimal strings. */
  async partitionOffsets(topic: string): Promise<{ partition: number; low: string; high: string }[]> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      return (await admin.fetchTopicOffsets(topic)).map(({ partition, low, high }) => ({ partition, low, high }));
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /**
   * How far a consumer group is behind on each of `topics` (topicLag): its committed offsets against
   * the high watermarks, read with one admin connection that does not retry, for `/metrics`.
   */
  async consumerLag(groupId: string, topics: readonly string[]): Promise<TopicLag[]> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    try {
      await admin.connect();
      const committed = await admin.fetchOffsets({ groupId, topics: [...topics] });
      return await Promise.all(
        topics.map(async (topic) =>
          topicLag(topic, await admin.fetchTopicOffsets(topic), committed.find((entry) => entry.topic === topic)?.partitions ?? []),
        ),
      );
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** The names of every topic on the cluster. */
  async listTopics(): Promise<string[]> {
    return this.withAdmin((admin) => admin.listTopics());
  }

  /**
   * Every message the topics hold now (up to each partition's high watermark when called), in
   * topic, partition and offset order. For operator commands (`npm run dlt`): it reads with a
   * consumer group of its own that commits nothing and is deleted afterwards (kafkajs reads only
   * through a group), so no service's group is touched. Fails after `timeoutMs`.
   */
  async readTopics(topics: string[], timeoutMs = 30_000): Promise<IncomingMessage[]> {
    /** `<topic>:<partition>` → the offset of the last message to read there. */
    const lastToRead = new Map<string, bigint>();
    await this.withAdmin(async (admin) => {
      for (const topic of topics) {
        for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
          if (BigInt(high) > BigInt(low)) lastToRead.set(`${topic}:${partition}`, BigInt(high) - 1n);
        }
      }
    });
    if (lastToRead.size === 0) return [];
    const messages: IncomingMessage[] = [];
    const groupId = `cms-topic-reader-${randomUUID()}`;
    const consumer = this.createConsumer(groupId);
    let caughtUp!: () => void;
    const done = new Promise<void>((resolve) => (caughtUp = resolve));
    let timer: NodeJS.Timeout | undefined;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachMessage: async ({ topic, partition, message }) => {
          const last = lastToRead.get(`${topic}:${partition}`);
          if (last === undefined || BigInt(message.offset) > last) return;
          messages.push(toIncoming(topic, partition, message));
          if (BigInt(message.offset) === last) {
            lastToRead.delete(`${topic}:${partition}`);
            if (lastToRead.size === 0) caughtUp();
          }
        },
      });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`reading ${topics.join(', ')} did not finish within ${timeoutMs / 1000} s (${[...lastToRead.keys()].join(', ')} behind)`)),
          timeoutMs,
        );
      });
      await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
      await consumer.disconnect().catch(() => undefined);
      await this.withAdmin((admin) => admin.deleteGroups([groupId])).catch(() => undefined);
    }
    return messages.sort(
      (a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)),
    );
  }

  /**
   * ACLs (the broker's StandardAuthorizer): lets `principal` read `topic` (a literal name) and use
   * the consumer groups whose ids start with `groupPrefix`, and nothing else. READ implies DESCRIBE
   * in Kafka's ACL model, which is all a consumer needs of its topic and group. Idempotent.
   */
  async allowRead(grant: { principal: string; topic: string; groupPrefix: string }): Promise<void> {
    const common = { principal: grant.principal, host: '*', operation: AclOperationTypes.READ, permissionType: AclPermissionTypes.ALLOW };
    await this.withAdmin((admin) =>
      admin.createAcls({
        acl: [
          { ...common, resourceType: AclResourceTypes.TOPIC, resourceName: grant.topic, resourcePatternType: ResourcePatternTypes.LITERAL },
          { ...common, resourceType: AclResourceTypes.GROUP, resourceName: grant.groupPrefix, resourcePatternType: ResourcePatternTypes.PREFIXED },
        ],
      }),
    );
  }

  /** Removes every ACL that names `principal`, on any resource; answers how many there were. Idempotent. */
  async removeAcls(principal: string): Promise<number> {
    const response = await this.withAdmin((admin) =>
      admin.deleteAcls({
        filters: [
          {
            resourceType: AclResourceTypes.ANY,
            resourcePatternType: ResourcePatternTypes.ANY,
            principal,
            operation: AclOperationTypes.ANY,
            permissionType: AclPermissionTypes.ANY,
          },
        ],
      }),
    );
    const failed = response.filterResponses.find((filter) => filter.errorCode !== 0);
    if (failed) throw new Error(`deleting the ACLs of ${principal} failed: ${failed.errorMessage ?? `error ${failed.errorCode}`}`);
    return response.filterResponses.reduce((count, filter) => count + filter.matchingAcls.length, 0);
  }

  private async withAdmin<T>(work: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = this.kafka.admin();
    try {
      await admin.connect();
      return await work(admin);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  /** The bootstrap servers (the internal listener). */
  get brokers(): readonly string[] {
    return this.options.brokers;
  }

  /** Readiness: can we reach the cluster now? */
  async isReachable(timeoutMs = 2_000): Promise<boolean> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    const attempt = (async () => {
      await admin.connect();
      await admin.describeCluster();
      return true;
    })();
    const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), timeoutMs).unref());
    try {
      return await Promise.race([attempt, timeout]);
    } catch {
      return false;
    } finally {
      void admin.disconnect().catch(() => undefined);
    }
  }

  private async discardProducer(producer: Producer): Promise<void> {
    if (this.producer !== producer) return;
    this.producer = undefined;
    this.producerConnecting = undefined;
    await producer.disconnect().catch(() => undefined);
  }

  async disconnect(): Promise<void> {
    const producer = this.producer;
    this.producer = undefined;
    this.producerConnecting = undefined;
    await producer?.disconnect();
  }

  private async connectedProducer(): Promise<Producer> {
    if (this.producer) return this.producer;
    this.producerConnecting ??= (async () => {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();
      this.producer = producer;
      return producer;
    })().catch((error: unknown) => {
      this.producerConnecting = undefined;
      throw error;
    });
    return this.producerConnecting;
  }
}

/** A message as received, its headers as strings. */
export function toIncoming(topic: string, partition: number, message: KafkaMessage): IncomingMessage {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(message.headers ?? {})) {
    headers[name] = Array.isArray(value) ? value.map(String).join(',') : value?.toString();
  }
  return {
    topic,
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    value: message.value?.toString() ?? '',
    headers,
  };
}
