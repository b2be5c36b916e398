import { Inject, Injectable, type Type } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Logger } from 'pino';
import type { EventEnvelope, TopicName } from '@cms/contracts';
import { EventConsumer, KafkaAdapter } from '@cms/messaging';
import { DATA_SOURCE, Database, Transactions } from './transactions';
import type { DataSource } from 'typeorm';

/**
 * What a service writes to consume events: the effect of one event. It runs inside the transaction
 * that records the event id in the inbox, so repositories and the outbox used here commit with it,
 * and a redelivered event (same id) never runs twice.
 */
export interface ConsumedEventHandler {
  handle(event: EventEnvelope): Promise<void>;
}

/** A handler throws it for an event it can never apply: dead-lettered at once, not retried (libs/messaging). */
export { UnprocessableEventError } from '@cms/messaging';

/** A consumer a service declares in `PlatformModule.forRoot(…, { consumes })`. */
export interface ConsumerDeclaration {
  /** Its consumer group is `<service>.<name>`: each replica of the service shares the group's partitions. */
  name: string;
  topics: TopicName[];
  /** A provider of the service's module (listed in its `providers`). */
  handler: Type<ConsumedEventHandler>;
  /**
   * The event types it acts on (e.g. `[ContactResolvedV1.type]`): the others on its topics are
   * passed over without a transaction or an inbox row. Every type when absent.
   */
  eventTypes?: readonly string[];
  /** Attempts before an event is dead-lettered to `<topic>.dlt` (default 5). */
  maxAttempts?: number;
}

export const CONSUMER_DECLARATIONS = Symbol('CONSUMER_DECLARATIONS');
export const PLATFORM_LOGGER = Symbol('PLATFORM_LOGGER');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

/** The service's event consumers (the one consumer runner, libs/messaging), started and stopped with it. */
@Injectable()
export class EventConsumers {
  private readonly running: EventConsumer[] = [];

  constructor(
    @Inject(CONSUMER_DECLARATIONS) private readonly declarations: ConsumerDeclaration[],
    @Inject(SERVICE_NAME) private readonly serviceName: string,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
    @Inject(KafkaAdapter) private readonly kafka: KafkaAdapter,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(Database) private readonly database: Database,
    @Inject(PLATFORM_LOGGER) private readonly logger: Logger,
    private readonly moduleRef: ModuleRef,
  ) {}

  /** Each declared consumer's group (`<service>.<name>`) and the topics it reads. */
  groups(): { groupId: string; topics: readonly TopicName[] }[] {
    return this.declarations.map((declaration) => ({ groupId: this.groupIdOf(declaration), topics: declaration.topics }));
  }

  async start(): Promise<void> {
    for (const declaration of this.declarations) {
      const handler = this.moduleRef.get(declaration.handler, { strict: false });
      const consumer = new EventConsumer(this.dataSource, this.kafka, this.logger, {
        groupId: this.groupIdOf(declaration),
        topics: declaration.topics,
        maxAttempts: declaration.maxAttempts,
        eventTypes: declaration.eventTypes,
        handle: (event) => handler.handle(event),
        transaction: (work) => this.transactions.run(() => work(this.database.manager)),
      });
      await consumer.start();
      this.running.push(consumer);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.running.splice(0).map((consumer) => consumer.stop()));
  }

  private groupIdOf(declaration: ConsumerDeclaration): string {
    return `${this.serviceName}.${declaration.name}`;
  }
}
