import { Topics } from '../topics';
import { Crn, Instant, OneOf, OrganisationIds } from './event-fields';

/**
 * What replaces a piece of personal data once a contact's retention period has passed (README
 * "Retention"): the same fixed text in every service, so a reader of any of them sees at once that
 * something was there and was removed.
 */
export const ANONYMISED_MARKER = '[removed]';

/**
 * A contact's retention period has passed (docs/domain.md "Data protection": a configurable
 * schedule, counted from the contact's end): contact-logging has replaced the personal data it
 * held of the contact with ANONYMISED_MARKER in the transaction that publishes this event, and
 * every service that keeps a copy of any of it does the same with its own, in the transaction that
 * records this event in its inbox. Personal data: the originator's contact details, the
 * description, addresses, and everything people wrote (notes, questions, messages, reasons,
 * instructions). Kept: ids, statuses, outcomes, codes, dates and counts, so every history, report
 * and count reads as before. Published once per contact, on `cms.contacts.v1`, keyed by CRN.
 */
export class ContactAnonymisedV1 {
  static readonly type = 'uk.gas.cms.contact.anonymised.v1';
  static readonly topic = Topics.contacts;

  @Crn()
  crn!: string;

  @OneOf(['DTL', 'ISO'])
  contactType!: 'DTL' | 'ISO';

  /** When the contact was resolved or withdrawn: where its retention period was counted from. */
  @Instant()
  endedAt!: string;

  @Instant()
  anonymisedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
