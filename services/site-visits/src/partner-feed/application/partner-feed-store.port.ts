import type { ContactOutcome } from '../domain/partner-events';

/**
 * Port: what the referral feed keeps of each contact, in the site-visits database: the transporters
 * involved in it and, once it ended, its outcome. Inside the consumer's transaction every method
 * takes part in it.
 */
export interface PartnerFeedStore {
  /**
   * Takes the contact's lock until the transaction ends. Every change for one CRN takes it first, so
   * a transporter's involvement and the contact's outcome, arriving at once on different topics,
   * are never both missed: whichever commits second sees the other.
   */
  lockContact(crn: string): Promise<void>;
  /** Records that the transporter is involved; true when it was not yet. */
  addInvolved(crn: string, organisationId: string): Promise<boolean>;
  /** The transporters involved in the contact. */
  involved(crn: string): Promise<string[]>;
  /** Keeps the outcome; false when the contact had one already (it ends once). */
  saveOutcome(crn: string, outcome: ContactOutcome): Promise<boolean>;
  outcome(crn: string): Promise<ContactOutcome | undefined>;
  /** The outcome's free text (PERSONAL_OUTCOME_FIELDS) replaced with `marker`, if the contact has one. Idempotent. */
  anonymiseOutcome(crn: string, marker: string): Promise<void>;
}

export const PARTNER_FEED_STORE = Symbol('PARTNER_FEED_STORE');

/** Port: the partner topic of an organisation exists on the broker before an event is written for it. */
export interface PartnerTopicProvisioning {
  ensureTopicOf(organisationId: string): Promise<void>;
}

export const PARTNER_TOPIC_PROVISIONING = Symbol('PARTNER_TOPIC_PROVISIONING');
