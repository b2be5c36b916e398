import type { ContactType } from '../domain';

/** A contact as retention reads it: what it is, whether and when it ended, who may see it. */
export interface RetainedContact {
  crn: string;
  contactType: ContactType;
  /** When it was resolved or withdrawn; null while it is open. */
  closedAt: Date | null;
  visibleTo: string[];
}

/** An ended contact as the back-fill of retention timers reads it. */
export interface EndedContact {
  crn: string;
  contactType: ContactType;
  closedAt: Date;
}

/**
 * Port: replaces personal data with the marker in contact-logging's own tables (domain/retention.ts
 * says what is personal), inside the transaction in progress.
 */
export interface ContactRetentionStore {
  /** The contact, locked until the transaction ends; null when there is none. */
  lock(crn: string): Promise<RetainedContact | null>;
  /**
   * The contact's personal data replaced everywhere this service keeps it: the contact (its version
   * goes up), its timeline entries and its audit records (through the one path the append-only
   * audit allows), with an ANONYMISED entry on its timeline and its audit record, made by nobody.
   */
  anonymiseContact(change: { crn: string; at: Date; marker: string; traceId: string | null }): Promise<void>;
  /** The bodies of the rejected submissions refused before `refusedBefore`, not yet anonymised; how many. */
  anonymiseRejectedSubmissions(refusedBefore: Date, at: Date, marker: string): Promise<number>;
  /**
   * Up to `limit` contacts after `afterCrn` (in CRN order) that have ended, are not yet anonymised
   * and have no timer of `timerKind`: those that ended before retention was released.
   */
  endedWithoutTimer(timerKind: string, afterCrn: string, limit: number): Promise<EndedContact[]>;
  /** The start (UTC) of each day on which a submission was refused whose body is not yet anonymised. */
  daysWithRefusalsKept(): Promise<Date[]>;
}

export const CONTACT_RETENTION_STORE = Symbol('CONTACT_RETENTION_STORE');
