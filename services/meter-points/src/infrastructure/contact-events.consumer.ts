import { Inject, Injectable } from '@nestjs/common';
import { ContactResolvedV1, type EventEnvelope } from '@cms/contracts';
import type { ConsumedEventHandler } from '@cms/service-defaults';
import { ApplyContactOutcomeHandler } from '../application/apply-contact-outcome.handler';

/**
 * The register's consumer of `cms.contacts.v1` (declared in app.module.ts): a contact's outcome may
 * change a meter point's status; the topic's other events are not the register's business. The
 * kit's consumer runner has validated the event against its schema, and runs this inside the
 * transaction that records the event id in the inbox, so a redelivered outcome changes nothing.
 */
@Injectable()
export class ContactEventsConsumer implements ConsumedEventHandler {
  constructor(@Inject(ApplyContactOutcomeHandler) private readonly applyOutcome: ApplyContactOutcomeHandler) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type !== ContactResolvedV1.type) return;
    await this.applyOutcome.handle(event.data as ContactResolvedV1, event.id);
  }
}
