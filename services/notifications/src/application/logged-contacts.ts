import { Inject, Injectable } from '@nestjs/common';
import { isCrn } from '@cms/gas-market';
import { isVisibleTo, type LoggedContact } from '../domain';
import { LOGGED_CONTACT_STORE, type LoggedContactStore } from './logged-contact-store.port';

/** The contacts logged in CMS, as this service heard of them: recorded from their events, read by the organisations involved. */
@Injectable()
export class LoggedContacts {
  constructor(@Inject(LOGGED_CONTACT_STORE) private readonly store: LoggedContactStore) {}

  /**
   * Called by the consumer, inside the transaction that records the event in the inbox: the contact
   * and the inbox row commit together, so a redelivered event never records it twice.
   */
  record(contact: LoggedContact): Promise<void> {
    return this.store.add(contact);
  }

  /** The contact, when `organisationId` may see it; one it may not see is as absent as one never logged. */
  async visibleTo(crn: string, organisationId: string): Promise<LoggedContact | undefined> {
    if (!isCrn(crn)) return undefined;
    const contact = await this.store.find(crn);
    return contact && isVisibleTo(contact, organisationId) ? contact : undefined;
  }
}
