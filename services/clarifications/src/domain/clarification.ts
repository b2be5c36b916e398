import type { OrganisationType, WorkingDayCalendar } from '@cms/gas-market';

/**
 * Clarification threads (docs/domain.md "Investigation", "Time limits"): a Data Clarification (DC)
 * from a CDSP agent to the contact's originator or to a stakeholder (its transporter), or an
 * Originator Clarification (OC) from the stakeholder DN or IGT to the originator. The question
 * opens the thread; then the two sides write in turn, each turn due in working days, until either
 * side closes it with a reason, or the contact ends. Plain functions of the thread, its contact and
 * the actor; the use cases load, apply and record the event in one transaction.
 */

export type ClarificationKind = 'DC' | 'OC';
export type Addressee = 'ORIGINATOR' | 'STAKEHOLDER';
export type ClarificationStatus = 'OPEN' | 'CLOSED';
export type ClosureCause = 'CLOSED_BY_PARTICIPANT' | 'CONTACT_RESOLVED' | 'CONTACT_WITHDRAWN';

/** The contact a thread is about, as the service's copy of it says (libs/involved-contacts). */
export interface ContactInQuestion {
  readonly crn: string;
  readonly status: 'LOGGED' | 'UNDER_INVESTIGATION' | 'RESOLVED' | 'WITHDRAWN';
  readonly originatorOrganisationId: string;
  readonly transporterOrganisationId: string;
  /** Who is involved: the originator's organisation, the CDSP, the transporter once referred or asked. */
  readonly organisationIds: readonly string[];
}

/** Who acts, as the verified token says: a person (with roles) or a partner system (held to its scopes). */
export interface Actor {
  readonly userId: string;
  readonly organisationId: string;
  readonly organisationType: OrganisationType;
  readonly roles: readonly string[];
  readonly isPartnerSystem: boolean;
}

export interface Thread {
  readonly id: string;
  readonly crn: string;
  readonly kind: ClarificationKind;
  readonly addressedTo: Addressee;
  /** The side that asked: the CDSP for a DC, the transporter for an OC. */
  readonly askingOrganisationId: string;
  readonly addressedOrganisationId: string;
  readonly status: ClarificationStatus;
  /** Whose turn it is; null once closed. */
  readonly waitingOnOrganisationId: string | null;
  /** When the side whose turn it is must answer; null once closed. */
  readonly dueOn: string | null;
}

/** The answer times of the threads (PD, configurable): working days from the day the turn passes. */
export interface ClarificationTimeLimits {
  readonly dcAnswerWorkingDays: number;
  readonly ocAnswerWorkingDays: number;
}

/** The turn of a thread: who answers next, and by when. */
export interface Turn {
  readonly waitingOnOrganisationId: string;
  readonly dueOn: string;
}

/** A command the rules refuse: 403 (FORBIDDEN), 409 (CONFLICT) or 422 (INVALID), with a stable code. */
export class ClarificationRefused extends Error {
  constructor(
    readonly kind: 'FORBIDDEN' | 'CONFLICT' | 'INVALID',
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The role a person of each organisation type needs to write in a thread (access-control's roles), or a SUPERVISOR of it. */
export const WRITING_ROLE: Readonly<Partial<Record<OrganisationType, string>>> = Object.freeze({
  CDSP: 'CDSP_AGENT',
  SHIPPER: 'CONTACT_USER',
  DN: 'TRANSPORTER_USER',
  IGT: 'TRANSPORTER_USER',
});
export const SUPERVISOR_ROLE = 'SUPERVISOR';

export interface RaiseRequest {
  readonly kind: ClarificationKind;
  /** For a DC: whom it asks (the originator unless said). An OC always asks the originator. */
  readonly addressedTo?: Addressee;
}

export interface NewThread {
  readonly kind: ClarificationKind;
  readonly addressedTo: Addressee;
  readonly askingOrganisationId: string;
  readonly addressedOrganisationId: string;
  readonly turn: Turn;
}

/**
 * A question is asked on an open contact: a DC by a CDSP agent, to the originator or to the
 * transporter; an OC by the transporter, once it is a stakeholder (referred, or asked a DC), to the
 * originator. The addressee's turn comes first, due in the kind's working days from `today`.
 */
export function raiseClarification(
  contact: ContactInQuestion,
  actor: Actor,
  request: RaiseRequest,
  today: string,
  calendar: WorkingDayCalendar,
  limits: ClarificationTimeLimits,
): NewThread {
  refuseUnlessOpen(contact);
  let addressedTo: Addressee;
  if (request.kind === 'DC') {
    if (actor.organisationType !== 'CDSP') {
      throw new ClarificationRefused('FORBIDDEN', 'DC_CDSP_ONLY', 'Data clarifications are asked by CDSP agents.');
    }
    addressedTo = request.addressedTo ?? 'ORIGINATOR';
  } else {
    const stakeholder =
      (actor.organisationType === 'DN' || actor.organisationType === 'IGT') &&
      actor.organisationId === contact.transporterOrganisationId &&
      contact.organisationIds.includes(actor.organisationId);
    if (!stakeholder) {
      throw new ClarificationRefused(
        'FORBIDDEN',
        'OC_STAKEHOLDER_ONLY',
        "Originator clarifications are asked by the contact's transporter once it has been referred the contact or asked about it.",
      );
    }
    if (request.addressedTo === 'STAKEHOLDER') {
      throw new ClarificationRefused('INVALID', 'OC_TO_ORIGINATOR_ONLY', 'An originator clarification asks the originator: addressedTo must be ORIGINATOR or left out.', 'addressedTo');
    }
    addressedTo = 'ORIGINATOR';
  }
  refuseUnlessMayWrite(actor);
  const addressedOrganisationId = addressedTo === 'ORIGINATOR' ? contact.originatorOrganisationId : contact.transporterOrganisationId;
  return {
    kind: request.kind,
    addressedTo,
    askingOrganisationId: actor.organisationId,
    addressedOrganisationId,
    turn: turnOf(addressedOrganisationId, request.kind, today, calendar, limits),
  };
}

/**
 * A side replies, on its turn: the turn passes to the other side, due in the kind's working days
 * from `today` (an answered DC hands the turn back to the agent). Writing out of turn is refused:
 * the other side has the thread until it answers, or either side closes it.
 */
export function postMessage(thread: Thread, contact: ContactInQuestion, actor: Actor, today: string, calendar: WorkingDayCalendar, limits: ClarificationTimeLimits): Turn {
  refuseUnlessOpenThread(thread);
  refuseUnlessOpen(contact);
  refuseUnlessParty(thread, actor);
  refuseUnlessMayWrite(actor);
  if (thread.waitingOnOrganisationId !== actor.organisationId) {
    throw new ClarificationRefused(
      'CONFLICT',
      'NOT_YOUR_TURN',
      `The thread waits on the other side's answer (due ${thread.dueOn}): you can write again once they answer, or close it.`,
    );
  }
  return turnOf(otherSide(thread, actor.organisationId), thread.kind, today, calendar, limits);
}

/** Either side closes an open thread, at any turn (agreement reached, docs/domain.md "Investigation"). */
export function closeThread(thread: Thread, actor: Actor): void {
  refuseUnlessOpenThread(thread);
  refuseUnlessParty(thread, actor);
  refuseUnlessMayWrite(actor);
}

/** Why the contact's end closes its open threads (docs/domain.md "Outcome"). */
export function closureCauseOf(ending: 'RESOLVED' | 'WITHDRAWN'): ClosureCause {
  return ending === 'RESOLVED' ? 'CONTACT_RESOLVED' : 'CONTACT_WITHDRAWN';
}

/** Whether the organisation is one of the thread's two sides. */
export function isParty(thread: Pick<Thread, 'askingOrganisationId' | 'addressedOrganisationId'>, organisationId: string): boolean {
  return thread.askingOrganisationId === organisationId || thread.addressedOrganisationId === organisationId;
}

/** Overdue once the day after its due date has begun. */
export function isOverdue(thread: Pick<Thread, 'status' | 'dueOn'>, today: string): boolean {
  return thread.status === 'OPEN' && thread.dueOn !== null && thread.dueOn < today;
}

function turnOf(organisationId: string, kind: ClarificationKind, today: string, calendar: WorkingDayCalendar, limits: ClarificationTimeLimits): Turn {
  const days = kind === 'DC' ? limits.dcAnswerWorkingDays : limits.ocAnswerWorkingDays;
  return { waitingOnOrganisationId: organisationId, dueOn: calendar.addWorkingDays(today, days) };
}

function otherSide(thread: Thread, organisationId: string): string {
  return thread.askingOrganisationId === organisationId ? thread.addressedOrganisationId : thread.askingOrganisationId;
}

function refuseUnlessOpen(contact: ContactInQuestion): void {
  if (contact.status === 'RESOLVED' || contact.status === 'WITHDRAWN') {
    throw new ClarificationRefused('CONFLICT', 'CONTACT_CLOSED', `Contact ${contact.crn} is ${contact.status}: its clarifications are closed.`);
  }
}

function refuseUnlessOpenThread(thread: Thread): void {
  if (thread.status === 'CLOSED') throw new ClarificationRefused('CONFLICT', 'CLARIFICATION_CLOSED', 'The thread is closed: nothing more can be written in it.');
}

function refuseUnlessParty(thread: Thread, actor: Actor): void {
  if (!isParty(thread, actor.organisationId)) {
    throw new ClarificationRefused('FORBIDDEN', 'NOT_A_PARTY', 'Only the two sides of a thread write in it or close it; everyone involved in the contact can read it.');
  }
}

function refuseUnlessMayWrite(actor: Actor): void {
  if (actor.isPartnerSystem) return;
  const role = WRITING_ROLE[actor.organisationType];
  if (role === undefined || (!actor.roles.includes(role) && !actor.roles.includes(SUPERVISOR_ROLE))) {
    throw new ClarificationRefused('FORBIDDEN', 'ROLE_REQUIRED', `Writing in a clarification needs the ${role ?? 'working'} role of your organisation (or SUPERVISOR).`);
  }
}
