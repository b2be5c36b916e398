/**
 * A site visit request (SV, docs/domain.md "Investigation"): a CDSP agent refers a contact to the
 * meter point's transporter (a DN or an IGT) to visit and confirm the status the contact asks for;
 * the transporter accepts it (or declines with a reason, which returns it to the agent) and reports
 * a finding. Plain values and rules, no framework.
 */
import type { PafTextField } from '@cms/gas-market';

export const SITE_VISIT_STATUSES = ['REFERRED', 'ACCEPTED', 'DECLINED', 'FINDING_REPORTED', 'CANCELLED'] as const;
export type SiteVisitStatus = (typeof SITE_VISIT_STATUSES)[number];

/** A visit still waiting on the transporter: to be accepted, or its finding. One per contact at a time. */
export const OPEN_SITE_VISIT_STATUSES: readonly SiteVisitStatus[] = Object.freeze(['REFERRED', 'ACCEPTED']);

export function isOpenSiteVisit(visit: Pick<SiteVisit, 'status'>): boolean {
  return OPEN_SITE_VISIT_STATUSES.includes(visit.status);
}

/** Where an alternative address came from, as contact-logging keeps it: chosen from the postcode look-up, or typed. */
export interface AddressProvenance {
  readonly source: 'ADDRESS_LOOKUP' | 'TYPED';
  /** With ADDRESS_LOOKUP: the PAF source that answered, and when. */
  readonly lookedUpIn?: string;
  readonly lookedUpAt?: string;
}

/**
 * A postal address as the register or the originator gave it: PAF-style fields (@cms/gas-market),
 * each absent or null where the address has none; the originator's alternative address also says
 * where it came from.
 */
export type AddressFields = { readonly [Field in PafTextField | 'postcode' | 'udprn' | 'uprn']?: string | null } & {
  readonly provenance?: AddressProvenance | null;
};

/** Whom the transporter calls about the contact: the originator's contact name, and a telephone or an email (contact-logging requires one). */
export interface OriginatorContact {
  name: string;
  telephone: string | null;
  email: string | null;
}

/** What the transporter needs on site, taken from the contact at referral and kept on the visit. */
export interface ReferralDetails {
  /** The meter point's supply address, as the register holds it. */
  supplyAddress: AddressFields | null;
  /** Where the originator believes the supply point is, when it differs. */
  alternativeAddress: AddressFields | null;
  /** Whom to call about it. */
  originatorContact: OriginatorContact;
  /** The situation in the originator's words. */
  description: string;
  /** DTL: the meter read and serial number showing gas flows; ISO: the date and kind of the isolation work. */
  evidence: Record<string, unknown>;
}

export interface SiteVisitAcceptance {
  accepted: boolean;
  byUserId: string;
  at: Date;
  /** Why it was declined; null when accepted. */
  reason: string | null;
}

/** What the transporter found on site. */
export interface SiteVisitFinding {
  /** Whether the visit confirms the status the contact asks for (`confirmStatus`). */
  confirmed: boolean;
  visitedOn: string;
  notes: string;
  meterSerialNumber: string | null;
  meterRead: string | null;
  condition: string | null;
  byUserId: string;
  at: Date;
}

/** Why a visit was cancelled: its contact ended (the event's causes, libs/contracts). */
export const SITE_VISIT_CANCELLATION_CAUSES = ['CONTACT_RESOLVED', 'CONTACT_WITHDRAWN'] as const;
export type SiteVisitCancellationCause = (typeof SITE_VISIT_CANCELLATION_CAUSES)[number];

export interface SiteVisitCancellation {
  cause: SiteVisitCancellationCause;
  at: Date;
}

export interface SiteVisit {
  id: string;
  crn: string;
  mprn: string;
  contactType: 'DTL' | 'ISO';
  transporterOrganisationId: string;
  /** The meter point status the visit must confirm: the contact's requested status. */
  confirmStatus: string;
  instructions: string | null;
  details: ReferralDetails;
  status: SiteVisitStatus;
  /** Starts at 1, one more with each change: the ETag a command sends back as If-Match. */
  version: number;
  referredByUserId: string;
  referredAt: Date;
  /** When the finding is due (working days from the referral, in the meter point's calendar). */
  dueOn: string;
  acceptance: SiteVisitAcceptance | null;
  finding: SiteVisitFinding | null;
  cancellation: SiteVisitCancellation | null;
  updatedAt: Date;
}

/**
 * What of a visit is personal data (README "Retention"), as paths (dot-separated) in the visit as
 * stored and as its audit records copy it: what it copied of the contact (the addresses, whom to
 * call, the description; the evidence is kept), the agent's instructions, a decline's reason, the
 * finding's notes. Kept: statuses, dates, who acted, whether the finding confirmed, the meter's
 * serial number, read and condition.
 */
export const PERSONAL_SITE_VISIT_DATA: readonly string[] = Object.freeze([
  'instructions',
  'details.supplyAddress',
  'details.alternativeAddress',
  'details.originatorContact',
  'details.description',
  'acceptance.reason',
  'finding.notes',
]);
