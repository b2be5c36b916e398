import type { Caller } from '@cms/auth';
import type { SiteVisit, SiteVisitStatus } from '../domain';

export type ReadingCaller = Pick<Caller, 'organisationId' | 'organisationType'>;

/** Where a page of `GET /site-visits` ended: the next page is the visits strictly after it (due_on, id). */
export interface SiteVisitListPosition {
  dueOn: string;
  id: string;
}

export interface SiteVisitListFilter {
  status?: SiteVisitStatus;
  /** Due on or after this day. */
  dueFrom?: string;
  /** Due on or before this day. */
  dueTo?: string;
  after?: SiteVisitListPosition;
  limit: number;
}

/**
 * Port: reads of site visits on behalf of a caller. Each filters on the caller itself (a transporter
 * its own visits, any other organisation the contacts it is involved in, the CDSP every one) and runs
 * under the database's row-level security as the caller, the second wall behind that filter.
 */
export interface SiteVisitReads {
  find(caller: ReadingCaller, id: string): Promise<SiteVisit | undefined>;
  /** The contact's visits, oldest first; undefined when the caller may not see the contact. */
  ofContact(caller: ReadingCaller, crn: string): Promise<SiteVisit[] | undefined>;
  /** Soonest due first (due_on, id). */
  list(caller: ReadingCaller, filter: SiteVisitListFilter): Promise<SiteVisit[]>;
}

export const SITE_VISIT_READS = Symbol('SITE_VISIT_READS');
