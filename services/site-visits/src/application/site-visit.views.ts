import type { SiteVisit, SiteVisitStatus } from '../domain';

/** A value as JSON carries it: its instants as ISO 8601 text. */
type AsJson<T> = T extends Date ? string : T extends object ? { [K in keyof T]: AsJson<T[K]> } : T;

/** A site visit as the API shows it: everything the transporter needs on one page. */
export type SiteVisitView = AsJson<SiteVisit> & {
  /** Still waiting on the transporter past its due date (Europe/London). */
  overdue: boolean;
};

export interface SiteVisitListView {
  items: SiteVisitView[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export interface SiteVisitListQuery {
  status?: SiteVisitStatus;
  dueFrom?: string;
  dueTo?: string;
  limit?: number;
  cursor?: string;
}
