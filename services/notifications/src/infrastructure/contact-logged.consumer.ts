import { Inject, Injectable } from '@nestjs/common';
import { ContactLoggedV1, type EventEnvelope } from '@cms/contracts';
import type { ConsumedEventHandler } from '@cms/service-defaults';
import { LoggedContacts } from '../application/logged-contacts';

/**
 * Contacts logged, from cms.contacts.v1 (declared in app.module.ts, `consumes`). The kit's consumer
 * runner has checked the event against its schema (libs/contracts) and runs this in the transaction
 * that records the event id in the inbox; a handler that throws is retried, then dead-lettered.
 */
@Injectable()
export class ContactLoggedConsumer implements ConsumedEventHandler {
  constructor(@Inject(LoggedContacts) private readonly contacts: LoggedContacts) {}

  async handle(event: EventEnvelope): Promise<void> {
    // The topic carries every event of a contact's life; this service needs the first only.
    if (event.type !== ContactLoggedV1.type) return;
    const logged = event.data as ContactLoggedV1;
    await this.contacts.record({
      crn: logged.crn,
      contactType: logged.contactType,
      mprn: logged.mprn,
      loggedAt: new Date(logged.loggedAt),
      organisationIds: logged.organisationIds,
    });
  }
}
