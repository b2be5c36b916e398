import type { ReferralDetails, SiteVisit, SiteVisitStatus } from '../domain';

/** A row of `site_visit` (see its migration). */
export interface SiteVisitRow {
  id: string;
  crn: string;
  mprn: string;
  contact_type: 'DTL' | 'ISO';
  transporter_organisation_id: string;
  confirm_status: string;
  instructions: string | null;
  details: ReferralDetails;
  status: SiteVisitStatus;
  version: number;
  referred_by_user_id: string;
  referred_at: Date;
  due_on: string;
  acceptance: { accepted: boolean; byUserId: string; at: string; reason: string | null } | null;
  finding: (Omit<NonNullable<SiteVisit['finding']>, 'at'> & { at: string }) | null;
  cancellation: { cause: 'CONTACT_RESOLVED' | 'CONTACT_WITHDRAWN'; at: string } | null;
  updated_at: Date;
}

/** The columns of a SiteVisitRow, `due_on` as its `YYYY-MM-DD` text (a date column would come back as a JS Date at local midnight). */
export const SITE_VISIT_COLUMNS = `id, crn, mprn, contact_type, transporter_organisation_id, confirm_status, instructions, details, status,
  version, referred_by_user_id, referred_at, to_char(due_on, 'YYYY-MM-DD') AS due_on, acceptance, finding, cancellation, updated_at`;

export function siteVisitOf(row: SiteVisitRow): SiteVisit {
  return {
    id: row.id,
    crn: row.crn,
    mprn: row.mprn,
    contactType: row.contact_type,
    transporterOrganisationId: row.transporter_organisation_id,
    confirmStatus: row.confirm_status,
    instructions: row.instructions,
    details: row.details,
    status: row.status,
    version: row.version,
    referredByUserId: row.referred_by_user_id,
    referredAt: row.referred_at,
    dueOn: row.due_on,
    acceptance: row.acceptance && { ...row.acceptance, at: new Date(row.acceptance.at) },
    finding: row.finding && { ...row.finding, at: new Date(row.finding.at) },
    cancellation: row.cancellation && { ...row.cancellation, at: new Date(row.cancellation.at) },
    updatedAt: row.updated_at,
  };
}
