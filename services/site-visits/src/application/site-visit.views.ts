import type { ReferralDetails, SiteVisitStatus } from '../domain';

/** A site visit as the API shows it: everything the transporter needs on one page. */
export interface SiteVisitView {
  id: string;
  crn: string;
  mprn: string;
  contactType: 'DTL' | 'ISO';
  transporterOrganisationId: string;
  confirmStatus: string;
  instructions: string | null;
  details: ReferralDetails;
  status: SiteVisitStatus;
  version: number;
  referredByUserId: string;
  referredAt: string;
  dueOn: string;
  /** Still waiting on the transporter past its due date (Europe/London). */
  overdue: boolean;
  acceptance: { accepted: boolean; byUserId: string; at: string; reason: string | null } | null;
  finding: {
    confirmed: boolean;
    visitedOn: string;
    notes: string;
    meterSerialNumber: string | null;
    meterRead: string | null;
    condition: string | null;
    byUserId: string;
    at: string;
  } | null;
  cancellation: { cause: string; at: string } | null;
  updatedAt: string;
}

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
