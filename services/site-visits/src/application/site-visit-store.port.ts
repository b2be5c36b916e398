import type { SiteVisit } from '../domain';

/** Who made a change and how it is recorded in the audit (docs/quality.md "Security"). */
export interface SiteVisitChange {
  /** E.g. REFERRED, ACCEPTED, DECLINED, FINDING_REPORTED, CANCELLED. */
  action: string;
  /** Null where no person acted (the contact ended). */
  actorUserId: string | null;
  actorOrganisationId: string | null;
  traceId: string | null;
}

/**
 * Port: the site visits as the service keeps them, for commands, on the service's own connection
 * inside the transaction in progress (`Transactions.run`). Each write records its audit entry in
 * the same transaction.
 */
export interface SiteVisitStore {
  find(id: string): Promise<SiteVisit | undefined>;
  /** The visit, locked until the transaction ends. */
  lock(id: string): Promise<SiteVisit | undefined>;
  /** The contact's open visit (referred or accepted), locked; at most one (a unique index keeps it so). */
  lockOpenOf(crn: string): Promise<SiteVisit | undefined>;
  insert(visit: SiteVisit, change: SiteVisitChange): Promise<void>;
  /** Writes the visit as it now stands (its version already one more than `before`'s). */
  update(before: SiteVisit, after: SiteVisit, change: SiteVisitChange): Promise<void>;
  /**
   * Retention (README "Retention"): the personal data of every visit of the contact
   * (PERSONAL_SITE_VISIT_DATA), in the visits and in their audit records, replaced with `marker`.
   * Idempotent.
   */
  anonymiseContact(crn: string, marker: string): Promise<void>;
}

export const SITE_VISIT_STORE = Symbol('SITE_VISIT_STORE');
