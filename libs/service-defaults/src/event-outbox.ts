import { Inject, Injectable } from '@nestjs/common';
import type { DomainEvent } from '@cms/contracts';
import { OutboxWriter } from '@cms/messaging';
import { Database } from './transactions';

/**
 * Port (for use cases): records the events of a state change. They are written to the service's
 * outbox in the transaction in progress (`Transactions.run`), which is required: an event without
 * its state change, or the reverse, is never committed.
 */
export abstract class EventOutbox {
  abstract record(...events: DomainEvent[]): Promise<void>;
  /**
   * Forgets the events of one subject (a CRN) that have already been published: retention, which
   * removes a contact's personal data, removes the copies its events carried too (README
   * "Retention"). Events still waiting to go out are kept. How many were forgotten.
   */
  abstract erasePublished(subject: string): Promise<number>;
}

@Injectable()
export class TransactionalEventOutbox extends EventOutbox {
  constructor(
    @Inject(OutboxWriter) private readonly writer: OutboxWriter,
    @Inject(Database) private readonly database: Database,
  ) {
    super();
  }

  async record(...events: DomainEvent[]): Promise<void> {
    await this.writer.write(this.database.manager, events);
  }

  erasePublished(subject: string): Promise<number> {
    return this.writer.erasePublished(this.database.manager, subject);
  }
}
