import { isCalendarDate, toEpochDay, type OrganisationType } from '@cms/gas-market';
import { isOpenSiteVisit, type SiteVisit, type SiteVisitCancellationCause, type SiteVisitFinding, type SiteVisitStatus } from './site-visit';
import { SiteVisitRefused } from './site-visit-refused.error';
import { transition } from './site-visit-lifecycle';

/**
 * The commands on a site visit (docs/domain.md "Investigation"): who may give each, what it
 * changes, every refusal with a stable code. Plain functions of the visit (or contact) as it stands
 * and the actor; the use case loads and locks them, applies the result and records the event.
 */

/** The role a CDSP person needs to refer a contact (access-control's CDSP_AGENT). */
export const CDSP_AGENT_ROLE = 'CDSP_AGENT';
/** DN or IGT staff: accept site visits, report findings (access-control's TRANSPORTER_USER). */
export const TRANSPORTER_USER_ROLE = 'TRANSPORTER_USER';
/** Gives and transfers the organisation's work: may act on its visits too. */
export const SUPERVISOR_ROLE = 'SUPERVISOR';

/** The event and field limits of libs/contracts (MESSAGE_MAX_LENGTH, REASON_MAX_LENGTH). */
export const INSTRUCTIONS_MAX_LENGTH = 4000;
export const NOTES_MAX_LENGTH = 4000;
export const DECLINE_REASON_MAX_LENGTH = 2000;

/** Who gives a command, as the verified token says: a person (with roles) or a partner system (scopes, no roles). */
export interface SiteVisitActor {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly string[];
  readonly isPartnerSystem: boolean;
}

/** What a referral needs of the contact (the service's copy of it, libs/involved-contacts). */
export interface ContactToRefer {
  readonly crn: string;
  readonly status: string;
  /** The meter point status the originator asks for: what the visit must confirm. */
  readonly requestedStatus: string;
  /** The meter point's transporter: its DN, or the IGT whose network it is on. */
  readonly transporterOrganisationId: string;
}

export interface Referral {
  readonly transporterOrganisationId: string;
  readonly confirmStatus: string;
  readonly instructions: string | null;
  readonly status: SiteVisitStatus;
}

/**
 * A CDSP agent refers an open contact to its meter point's transporter, to confirm the status the
 * contact asks for: Live for a DTL and for an ISO from Capped or Clamped, Dead for an ISO to Dead
 * (docs/domain.md "Investigation"): the contact's requested status, never one inferred. One open
 * visit per contact at a time: another waits until this one is declined, reported or cancelled.
 */
export function referSiteVisit(
  contact: ContactToRefer,
  actor: SiteVisitActor,
  openVisit: Pick<SiteVisit, 'id' | 'status'> | undefined,
  instructions: string | undefined,
): Referral {
  if (actor.organisationType !== 'CDSP' || actor.isPartnerSystem || !actor.roles.includes(CDSP_AGENT_ROLE)) {
    throw new SiteVisitRefused('FORBIDDEN', 'AGENT_ROLE_REQUIRED', `Only a CDSP agent (${CDSP_AGENT_ROLE}) refers a contact for a site visit.`);
  }
  if (contact.status !== 'LOGGED' && contact.status !== 'UNDER_INVESTIGATION') {
    throw new SiteVisitRefused('CONFLICT', 'CONTACT_NOT_OPEN', `Contact ${contact.crn} is ${contact.status}: only an open contact is referred for a site visit.`);
  }
  if (openVisit && isOpenSiteVisit(openVisit)) {
    throw new SiteVisitRefused(
      'CONFLICT',
      'SITE_VISIT_ALREADY_OPEN',
      `Contact ${contact.crn} already has an open site visit (${openVisit.id}, ${openVisit.status}): it must be declined, reported or cancelled before another is referred.`,
    );
  }
  const text = instructions?.trim();
  if (text !== undefined && text.length > INSTRUCTIONS_MAX_LENGTH) {
    throw new SiteVisitRefused('INVALID', 'INVALID_FIELD', `Instructions are at most ${INSTRUCTIONS_MAX_LENGTH} characters.`, 'instructions');
  }
  return {
    transporterOrganisationId: contact.transporterOrganisationId,
    confirmStatus: contact.requestedStatus,
    instructions: text ? text : null,
    status: 'REFERRED',
  };
}

/** The transporter's answer to a referral: accepted, or declined with a reason. */
export interface AcceptanceAnswer {
  accepted: boolean;
  reason?: string;
}

export interface AcceptanceDecided {
  status: SiteVisitStatus;
  accepted: boolean;
  reason: string | null;
}

/** The transporter accepts the visit, or declines it with a reason, which returns it to the agent. */
export function answerReferral(visit: SiteVisit, actor: SiteVisitActor, answer: AcceptanceAnswer): AcceptanceDecided {
  mustBeTheTransporter(visit, actor);
  if (answer.accepted) return { status: transition(visit.status, 'ACCEPT'), accepted: true, reason: null };
  const status = transition(visit.status, 'DECLINE');
  const reason = answer.reason?.trim() ?? '';
  if (reason === '') {
    throw new SiteVisitRefused('INVALID', 'DECLINE_REASON_REQUIRED', 'Say why the site visit is declined: the agent reads it.', 'reason');
  }
  if (reason.length > DECLINE_REASON_MAX_LENGTH) {
    throw new SiteVisitRefused('INVALID', 'INVALID_FIELD', `A reason is at most ${DECLINE_REASON_MAX_LENGTH} characters.`, 'reason');
  }
  return { status, accepted: false, reason };
}

/** What the transporter reports (docs/domain.md "Investigation": confirmed or not, visit date, what was seen, notes). */
export interface FindingReport {
  confirmed: boolean;
  visitedOn: string;
  notes: string;
  meterSerialNumber?: string;
  meterRead?: string;
  condition?: string;
}

/** The visit's status after the finding, and what was seen (the finding without who reported it, and when). */
export type FindingDecided = Omit<SiteVisitFinding, 'byUserId' | 'at'> & { status: SiteVisitStatus };

/**
 * The transporter reports its finding on an accepted visit. The visit took place between the day
 * of the referral and today (both in Great Britain): not in the future, not before it was asked for.
 */
export function reportFinding(visit: SiteVisit, actor: SiteVisitActor, report: FindingReport, today: string, referredOn: string): FindingDecided {
  mustBeTheTransporter(visit, actor);
  const status = transition(visit.status, 'REPORT_FINDING');
  if (!isCalendarDate(report.visitedOn)) {
    throw new SiteVisitRefused('INVALID', 'INVALID_FIELD', 'visitedOn is a calendar date, YYYY-MM-DD.', 'visitedOn');
  }
  if (toEpochDay(report.visitedOn)! > toEpochDay(today)!) {
    throw new SiteVisitRefused('INVALID', 'VISIT_DATE_IN_FUTURE', `The visit date ${report.visitedOn} is after today (${today}).`, 'visitedOn');
  }
  if (toEpochDay(report.visitedOn)! < toEpochDay(referredOn)!) {
    throw new SiteVisitRefused(
      'INVALID',
      'VISIT_DATE_BEFORE_REFERRAL',
      `The visit date ${report.visitedOn} is before the visit was referred (${referredOn}).`,
      'visitedOn',
    );
  }
  const notes = report.notes.trim();
  if (notes === '' || notes.length > NOTES_MAX_LENGTH) {
    throw new SiteVisitRefused('INVALID', 'INVALID_FIELD', `Notes say what was found, 1 to ${NOTES_MAX_LENGTH} characters.`, 'notes');
  }
  return {
    status,
    confirmed: report.confirmed,
    visitedOn: report.visitedOn,
    notes,
    meterSerialNumber: optional(report.meterSerialNumber),
    meterRead: optional(report.meterRead),
    condition: optional(report.condition),
  };
}

/** The contact ended (docs/domain.md "Outcome": resolving or withdrawing cancels its open SVs). */
export function cancelSiteVisit(visit: SiteVisit, contactEndedAs: 'RESOLVED' | 'WITHDRAWN'): { status: SiteVisitStatus; cause: SiteVisitCancellationCause } {
  return { status: transition(visit.status, 'CANCEL'), cause: contactEndedAs === 'RESOLVED' ? 'CONTACT_RESOLVED' : 'CONTACT_WITHDRAWN' };
}

/**
 * Only the transporter the visit is referred to answers it: a person who works its visits
 * (TRANSPORTER_USER, or its SUPERVISOR), or its partner system (held to `site-visits:write`).
 */
function mustBeTheTransporter(visit: SiteVisit, actor: SiteVisitActor): void {
  if (actor.organisationId !== visit.transporterOrganisationId) {
    throw new SiteVisitRefused('FORBIDDEN', 'TRANSPORTER_ONLY', 'Only the transporter the site visit is referred to answers it.');
  }
  if (!actor.isPartnerSystem && !actor.roles.includes(TRANSPORTER_USER_ROLE) && !actor.roles.includes(SUPERVISOR_ROLE)) {
    throw new SiteVisitRefused(
      'FORBIDDEN',
      'TRANSPORTER_ROLE_REQUIRED',
      `Answering a site visit needs the ${TRANSPORTER_USER_ROLE} or ${SUPERVISOR_ROLE} role.`,
    );
  }
}

function optional(value: string | undefined): string | null {
  const text = value?.trim();
  return text ? text : null;
}
