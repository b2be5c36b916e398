import { DEFAULT_METER_POINT_STATUS_CODES, type MeterPointStatusCodes } from '@cms/gas-market';
import { CDSP_AGENT_ROLE, type ContactActor } from './contact-actor';
import { ContactCommandRefused } from './contact-command-refused.error';
import { isContactOutcome, type ContactOutcome } from './contact-outcome';
import { transition } from './contact-lifecycle';
import { isOpenContactStatus, OPEN_CONTACT_STATUSES, type ContactStatus } from './contact-status';
import { CONTACT_USER_ROLE } from './permissions';
import type { ContactUnderWork } from './contact-under-work';
import { IllegalTransitionError } from './illegal-transition.error';
import type { ResolutionReason } from './resolution-reason';
import { characterCount, findMultilineTextFault } from './submitted-value';
import { targetMeterPointStatus } from './target-meter-point-status';

/**
 * The lifecycle commands on a contact (docs/domain.md "Who uses it", "Outcome", "Lifecycle (PD)"):
 * who may give each, what it changes, and every refusal with a stable code. Plain functions of the
 * contact as it stands and the actor; the use case loads the contact, applies the result and
 * records the event in one transaction.
 */

/** The role that gives and transfers the work of an organisation to its users (docs/domain.md "Who uses it"). */
export const SUPERVISOR_ROLE = 'SUPERVISOR';

/** How much a person may write in a resolution note or a withdrawal reason. */
export const NOTE_MAX_LENGTH = 4000;
export const WITHDRAWAL_REASON_MAX_LENGTH = 2000;

export type AssignmentRole = 'INVESTIGATING_AGENT' | 'HANDLER';

export interface Assignment {
  readonly role: AssignmentRole;
  /** Whose side of the contact: the CDSP for the investigating agent, else the handler's organisation. */
  readonly organisationId: string;
  readonly assigneeUserId: string;
  readonly previousAssigneeUserId: string | null;
  readonly assignedByUserId: string;
  /** The contact's status after it: the first investigating agent moves it LOGGED → UNDER_INVESTIGATION. */
  readonly status: ContactStatus;
}

/**
 * A user takes the contact for their organisation's side, or a SUPERVISOR gives or transfers it to
 * another user of the organisation (`assigneeUserId`; that the user exists and belongs to the
 * organisation is the use case's check, it knows the directory). A CDSP agent's assignment makes
 * them the investigating agent; another involved organisation's makes its handler.
 */
export function assignContact(contact: ContactUnderWork, actor: ContactActor, assigneeUserId?: string): Assignment {
  const statusWhenInvestigated = transition(contact.status, 'ASSIGN');
  if (actor.isPartnerSystem) {
    throw new ContactCommandRefused('FORBIDDEN', 'PERSON_REQUIRED', 'A contact is assigned to a person: a partner system cannot take one.');
  }
  const supervisor = actor.roles.includes(SUPERVISOR_ROLE);
  const investigating = actor.organisationType === 'CDSP';
  if (investigating && !supervisor && !actor.roles.includes(CDSP_AGENT_ROLE)) {
    throw new ContactCommandRefused('FORBIDDEN', 'AGENT_ROLE_REQUIRED', `Taking a contact for investigation needs the ${CDSP_AGENT_ROLE} role.`);
  }
  const assignee = assigneeUserId ?? actor.userId;
  if (assignee !== actor.userId && !supervisor) {
    throw new ContactCommandRefused(
      'FORBIDDEN',
      'SUPERVISOR_ROLE_REQUIRED',
      `Only a ${SUPERVISOR_ROLE} can give a contact to someone else; you can take it yourself.`,
      'assigneeUserId',
    );
  }
  const current = investigating ? contact.investigatingAgentUserId : (contact.handlers[actor.organisationId] ?? null);
  if (current === assignee) {
    throw new ContactCommandRefused('CONFLICT', 'ALREADY_ASSIGNED', `The contact is already assigned to ${assignee}.`);
  }
  if (current !== null && current !== actor.userId && !supervisor) {
    throw new ContactCommandRefused(
      'CONFLICT',
      'ASSIGNED_TO_ANOTHER_USER',
      `The contact is assigned to ${current}; a ${SUPERVISOR_ROLE} of your organisation can transfer it.`,
    );
  }
  return {
    role: investigating ? 'INVESTIGATING_AGENT' : 'HANDLER',
    organisationId: actor.organisationId,
    assigneeUserId: assignee,
    previousAssigneeUserId: current,
    assignedByUserId: actor.userId,
    status: investigating ? statusWhenInvestigated : contact.status,
  };
}

export interface ResolutionRequest {
  readonly outcome: unknown;
  readonly reasonCode: unknown;
  readonly note?: unknown;
}

export interface Resolution {
  readonly status: 'RESOLVED';
  readonly outcome: ContactOutcome;
  readonly reason: ResolutionReason;
  /** Trimmed; null when none was given. */
  readonly note: string | null;
  /** True when the timer closed it (no response to a data clarification), not a person. */
  readonly automatic: boolean;
  /** The register status the contact asks for, as a code of the reference data. */
  readonly requestedStatus: string;
  /**
   * The status the register must give the meter point: on VALID, the requested status (DTL → LI;
   * ISO → DE, or LI from CA/CL: docs/domain.md "Outcome"), applied only if the meter point still
   * has the status it was logged against; null on INVALID, which leaves it as it is.
   */
  readonly meterPointStatusTo: string | null;
}

/**
 * A CDSP agent resolves a contact under investigation VALID or INVALID with a reason of the
 * reference data (for that outcome) and an optional note. Checks the move first, so a contact in
 * the wrong status always answers ILLEGAL_TRANSITION.
 */
export function resolveContact(
  contact: ContactUnderWork,
  actor: ContactActor,
  request: ResolutionRequest,
  reasons: readonly ResolutionReason[],
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): Resolution {
  transition(contact.status, 'RESOLVE');
  if (actor.organisationType !== 'CDSP' || !actor.roles.includes(CDSP_AGENT_ROLE)) {
    throw new ContactCommandRefused('FORBIDDEN', 'AGENT_ROLE_REQUIRED', `Only a CDSP agent (${CDSP_AGENT_ROLE}) resolves a contact.`);
  }
  if (!isContactOutcome(request.outcome)) {
    throw new ContactCommandRefused('INVALID', 'INVALID_RESOLUTION', 'The outcome must be VALID or INVALID.', 'outcome');
  }
  const outcome = request.outcome;
  const reason = reasons.find((candidate) => candidate.code === request.reasonCode && !candidate.automaticOnly);
  if (!reason || reason.outcome !== outcome) {
    const offered = reasons.filter((candidate) => candidate.outcome === outcome && !candidate.automaticOnly).map((candidate) => candidate.code);
    throw new ContactCommandRefused(
      'INVALID',
      'INVALID_RESOLUTION',
      `The reason must be one of the ${outcome} resolution reasons: ${offered.join(', ')}.`,
      'reasonCode',
    );
  }
  const note = readText(request.note, { field: 'note', maxLength: NOTE_MAX_LENGTH, required: false, code: 'INVALID_RESOLUTION' });
  return resolution(contact, outcome, reason, note, false, codes);
}

/**
 * The timer closes a contact INVALID on its own when a DC to the originator stays unanswered
 * (docs/domain.md "Time limits"); an open contact only, from LOGGED too (nobody may have taken it).
 */
export function closeUnanswered(
  contact: ContactUnderWork,
  reason: ResolutionReason,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): Resolution {
  if (!isOpenContactStatus(contact.status)) throw new IllegalTransitionError(contact.status, 'RESOLVE', OPEN_CONTACT_STATUSES);
  return resolution(contact, 'INVALID', reason, null, true, codes);
}

function resolution(
  contact: ContactUnderWork,
  outcome: ContactOutcome,
  reason: ResolutionReason,
  note: string | null,
  automatic: boolean,
  codes: MeterPointStatusCodes,
): Resolution {
  const request = contact.contactType === 'DTL' ? { type: 'DTL' as const } : { type: 'ISO' as const, requestedStatus: contact.requestedStatus };
  const requestedStatus = targetMeterPointStatus(request, codes);
  return {
    status: 'RESOLVED',
    outcome,
    reason,
    note,
    automatic,
    requestedStatus,
    meterPointStatusTo: outcome === 'VALID' ? requestedStatus : null,
  };
}

export interface Withdrawal {
  readonly status: 'WITHDRAWN';
  readonly reason: string;
}

/** The originator's organisation withdraws an open contact, with a reason (docs/domain.md "Outcome"). */
export function withdrawContact(contact: ContactUnderWork, actor: ContactActor, reason: unknown): Withdrawal {
  const status = transition(contact.status, 'WITHDRAW');
  if (actor.organisationId !== contact.originatorOrganisationId) {
    throw new ContactCommandRefused('FORBIDDEN', 'ORIGINATOR_ONLY', "Only the originator's organisation can withdraw a contact.");
  }
  if (!actor.isPartnerSystem && !actor.roles.includes(CONTACT_USER_ROLE) && !actor.roles.includes(SUPERVISOR_ROLE)) {
    throw new ContactCommandRefused('FORBIDDEN', 'CONTACT_USER_ROLE_REQUIRED', `Withdrawing a contact needs the ${CONTACT_USER_ROLE} role.`);
  }
  const text = readText(reason, { field: 'reason', maxLength: WITHDRAWAL_REASON_MAX_LENGTH, required: true, code: 'INVALID_WITHDRAWAL' });
  return { status: status as 'WITHDRAWN', reason: text! };
}

/** Free text a person wrote: trimmed, within its length, without control characters but line breaks. */
function readText(
  value: unknown,
  rule: { field: string; maxLength: number; required: boolean; code: string },
): string | null {
  const refuse = (message: string) => new ContactCommandRefused('INVALID', rule.code, message, rule.field);
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    if (rule.required) throw refuse(`A ${rule.field} is needed.`);
    return null;
  }
  if (typeof value !== 'string') throw refuse(`The ${rule.field} must be text.`);
  const text = value.trim();
  if (characterCount(text) > rule.maxLength) throw refuse(`The ${rule.field} must be at most ${rule.maxLength} characters.`);
  const fault = findMultilineTextFault(text);
  if (fault) throw refuse(`The ${rule.field} ${fault}.`);
  return text;
}
