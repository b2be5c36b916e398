import { WORKING_ROLES, type AlertDraft, type AlertKind, type Recipient } from './alert';

type DeadlineStage = 'REMINDER' | 'OVERDUE';
type ClarificationKind = 'DC' | 'OC';

/** What every clarification event says (libs/contracts ClarificationEventV1): the fields the rules read. */
interface ThreadEvent {
  clarificationId: string;
  crn: string;
  kind: ClarificationKind;
}

/** What every site visit event says (libs/contracts SiteVisitEventV1): the fields the rules read. */
interface VisitEvent {
  siteVisitId: string;
  crn: string;
  transporterOrganisationId: string;
}

/**
 * The lifecycle events that make alerts, with the fields of their schemas (libs/contracts, which
 * domain code does not import) that the rules read; the consumer passes the events as they came.
 */
export type AlertingEvent =
  | {
      type: 'uk.gas.cms.contact.resolved.v1';
      data: { crn: string; outcome: 'VALID' | 'INVALID'; reasonCode: string; reason: string; automatic: boolean; originatorOrganisationId: string; loggedByUserId: string; resolvedAt: string };
    }
  | { type: 'uk.gas.cms.contact.assigned.v1'; data: { crn: string; role: string; assigneeUserId: string; assignedByUserId: string; assignedAt: string } }
  | { type: 'uk.gas.cms.contact.deadline-reached.v1'; data: { crn: string; stage: DeadlineStage; dueOn: string; investigatingAgentUserId: string | null; reachedAt: string } }
  | {
      type: 'uk.gas.cms.clarification.raised.v1';
      data: ThreadEvent & { addressedTo: 'ORIGINATOR' | 'STAKEHOLDER'; addressedToOrganisationId: string; raisedByUserId: string; raisedByOrganisationId: string; dueOn: string; raisedAt: string };
    }
  | { type: 'uk.gas.cms.clarification.message-posted.v1'; data: ThreadEvent & { waitingOnOrganisationId: string; dueOn: string; postedAt: string } }
  | { type: 'uk.gas.cms.clarification.closed.v1'; data: ThreadEvent & { cause: string; reason: string; closedByOrganisationId: string | null; closedAt: string } }
  | { type: 'uk.gas.cms.clarification.deadline-reached.v1'; data: ThreadEvent & { stage: DeadlineStage; waitingOnOrganisationId: string; dueOn: string; reachedAt: string } }
  | { type: 'uk.gas.cms.site-visit.referred.v1'; data: VisitEvent & { confirmStatus: string; referredByUserId: string; dueOn: string; referredAt: string } }
  | { type: 'uk.gas.cms.site-visit.accepted.v1'; data: VisitEvent & { acceptedAt: string } }
  | { type: 'uk.gas.cms.site-visit.declined.v1'; data: VisitEvent & { reason: string; declinedAt: string } }
  | { type: 'uk.gas.cms.site-visit.finding-reported.v1'; data: VisitEvent & { confirmed: boolean; visitedOn: string; reportedAt: string } }
  | { type: 'uk.gas.cms.site-visit.cancelled.v1'; data: VisitEvent & { cause: string; cancelledAt: string } }
  | { type: 'uk.gas.cms.site-visit.deadline-reached.v1'; data: VisitEvent & { stage: DeadlineStage; dueOn: string; reachedAt: string } };

export const ALERTING_EVENT_TYPES: readonly AlertingEvent['type'][] = [
  'uk.gas.cms.contact.resolved.v1',
  'uk.gas.cms.contact.assigned.v1',
  'uk.gas.cms.contact.deadline-reached.v1',
  'uk.gas.cms.clarification.raised.v1',
  'uk.gas.cms.clarification.message-posted.v1',
  'uk.gas.cms.clarification.closed.v1',
  'uk.gas.cms.clarification.deadline-reached.v1',
  'uk.gas.cms.site-visit.referred.v1',
  'uk.gas.cms.site-visit.accepted.v1',
  'uk.gas.cms.site-visit.declined.v1',
  'uk.gas.cms.site-visit.finding-reported.v1',
  'uk.gas.cms.site-visit.cancelled.v1',
  'uk.gas.cms.site-visit.deadline-reached.v1',
];

/** What this service knows of the contact (its copy, libs/involved-contacts), when it heard it logged. */
export interface ContactSides {
  originatorOrganisationId: string;
  transporterOrganisationId: string;
  investigatingAgentUserId: string | null;
}

/** A DC or OC thread as its ClarificationRaised said it began: who asked whom. */
export interface RaisedThread {
  raisedByUserId: string;
  raisedByOrganisationId: string;
  addressedTo: 'ORIGINATOR' | 'STAKEHOLDER';
  addressedToOrganisationId: string;
}

/** A site visit as its referral said: the agent who referred it. */
export interface ReferredVisit {
  referredByUserId: string;
}

/** What the rules may know beyond the event: each is absent when the event came before this service heard of it. */
export interface AlertContext {
  contact?: ContactSides;
  thread?: RaisedThread;
  visit?: ReferredVisit;
}

/**
 * The alerts an event makes, in the order they are kept (docs/domain.md "Alerts"; issue 12): the
 * first recipient gets the lowest id, so the user who logged a resolved contact hears of it first.
 */
export function alertsFor(event: AlertingEvent, context: AlertContext = {}): AlertDraft[] {
  switch (event.type) {
    case 'uk.gas.cms.contact.resolved.v1': {
      const resolved = event.data;
      const kind: AlertKind = resolved.automatic ? 'CONTACT_AUTO_CLOSED' : 'CONTACT_RESOLVED';
      const title = resolved.automatic
        ? `Contact ${resolved.crn} was closed automatically as ${resolved.outcome}: ${resolved.reason}`
        : `Contact ${resolved.crn} was resolved ${resolved.outcome}: ${resolved.reason}`;
      const recipients = [
        ...person(resolved.loggedByUserId),
        originator(resolved.originatorOrganisationId),
        // An automatic closure ends the agent's work without the agent: it must hear of it too.
        ...(resolved.automatic ? person(context.contact?.investigatingAgentUserId ?? null) : []),
      ];
      const detail = { outcome: resolved.outcome, reasonCode: resolved.reasonCode, reason: resolved.reason, automatic: resolved.automatic };
      return drafts(kind, resolved.crn, title, detail, resolved.resolvedAt, recipients);
    }
    case 'uk.gas.cms.contact.assigned.v1': {
      const assigned = event.data;
      // Taking a contact oneself needs no alert; being given one by a supervisor does.
      if (assigned.assignedByUserId === assigned.assigneeUserId) return [];
      const title = `Contact ${assigned.crn} was assigned to you`;
      return drafts('CONTACT_ASSIGNED', assigned.crn, title, { role: assigned.role, assignedByUserId: assigned.assignedByUserId }, assigned.assignedAt, person(assigned.assigneeUserId));
    }
    case 'uk.gas.cms.contact.deadline-reached.v1': {
      const reached = event.data;
      const title = reached.stage === 'REMINDER' ? `Contact ${reached.crn} is due for resolution on ${reached.dueOn}` : `Contact ${reached.crn} is overdue for resolution (due ${reached.dueOn})`;
      // The investigating agent is told first; while nobody has taken the contact, the CDSP's agents.
      const recipients = reached.investigatingAgentUserId ? person(reached.investigatingAgentUserId) : [cdsp()];
      return drafts(reached.stage, reached.crn, title, { subject: 'CONTACT', dueOn: reached.dueOn }, reached.reachedAt, recipients);
    }
    case 'uk.gas.cms.clarification.raised.v1': {
      const raised = event.data;
      const roles = raised.addressedTo === 'ORIGINATOR' ? WORKING_ROLES.ORIGINATOR : WORKING_ROLES.TRANSPORTER;
      const title = `${raised.kind} on contact ${raised.crn} for you to answer by ${raised.dueOn}`;
      const detail = { clarificationId: raised.clarificationId, clarificationKind: raised.kind, dueOn: raised.dueOn };
      return drafts('CLARIFICATION_RECEIVED', raised.crn, title, detail, raised.raisedAt, [organisation(raised.addressedToOrganisationId, roles)]);
    }
    case 'uk.gas.cms.clarification.message-posted.v1': {
      const posted = event.data;
      const detail = { clarificationId: posted.clarificationId, clarificationKind: posted.kind, dueOn: posted.dueOn };
      const thread = context.thread;
      if (thread && posted.waitingOnOrganisationId === thread.raisedByOrganisationId) {
        // A response to one you raised: the person who asked.
        const title = `Your ${posted.kind} on contact ${posted.crn} was answered`;
        const recipients = person(thread.raisedByUserId);
        return drafts('CLARIFICATION_ANSWERED', posted.crn, title, detail, posted.postedAt, recipients.length > 0 ? recipients : [sideOf(posted.waitingOnOrganisationId, context)]);
      }
      const title = `New message in the ${posted.kind} on contact ${posted.crn}: your answer is due by ${posted.dueOn}`;
      return drafts('CLARIFICATION_MESSAGE', posted.crn, title, detail, posted.postedAt, [sideOf(posted.waitingOnOrganisationId, context)]);
    }
    case 'uk.gas.cms.clarification.closed.v1': {
      const closed = event.data;
      const thread = context.thread;
      // A thread closed with its contact is told by the contact's own alert.
      if (closed.cause !== 'CLOSED_BY_PARTICIPANT' || !thread) return [];
      const title = `The ${closed.kind} on contact ${closed.crn} was closed: ${closed.reason}`;
      const detail = { clarificationId: closed.clarificationId, clarificationKind: closed.kind, reason: closed.reason };
      const recipients =
        closed.closedByOrganisationId === thread.raisedByOrganisationId
          ? [sideOf(thread.addressedToOrganisationId, context)]
          : orElse(person(thread.raisedByUserId), sideOf(thread.raisedByOrganisationId, context));
      return drafts('CLARIFICATION_CLOSED', closed.crn, title, detail, closed.closedAt, recipients);
    }
    case 'uk.gas.cms.clarification.deadline-reached.v1': {
      const reached = event.data;
      const title =
        reached.stage === 'REMINDER'
          ? `The ${reached.kind} on contact ${reached.crn} is due for an answer on ${reached.dueOn}`
          : `The ${reached.kind} on contact ${reached.crn} is overdue for an answer (due ${reached.dueOn})`;
      const detail = { subject: reached.kind, clarificationId: reached.clarificationId, dueOn: reached.dueOn };
      const thread = context.thread;
      const recipients =
        thread && reached.waitingOnOrganisationId === thread.raisedByOrganisationId
          ? orElse(person(thread.raisedByUserId), sideOf(reached.waitingOnOrganisationId, context))
          : [sideOf(reached.waitingOnOrganisationId, context)];
      return drafts(reached.stage, reached.crn, title, detail, reached.reachedAt, recipients);
    }
    case 'uk.gas.cms.site-visit.referred.v1': {
      const referred = event.data;
      const title = `Site visit on contact ${referred.crn} for you: confirm ${referred.confirmStatus} by ${referred.dueOn}`;
      const detail = { siteVisitId: referred.siteVisitId, confirmStatus: referred.confirmStatus, dueOn: referred.dueOn };
      return drafts('SITE_VISIT_REFERRED', referred.crn, title, detail, referred.referredAt, [organisation(referred.transporterOrganisationId, WORKING_ROLES.TRANSPORTER)]);
    }
    case 'uk.gas.cms.site-visit.accepted.v1': {
      const accepted = event.data;
      const title = `The site visit on contact ${accepted.crn} was accepted`;
      return drafts('SITE_VISIT_ACCEPTED', accepted.crn, title, { siteVisitId: accepted.siteVisitId }, accepted.acceptedAt, visitAgent(context));
    }
    case 'uk.gas.cms.site-visit.declined.v1': {
      const declined = event.data;
      const title = `The site visit on contact ${declined.crn} was declined: ${declined.reason}`;
      return drafts('SITE_VISIT_DECLINED', declined.crn, title, { siteVisitId: declined.siteVisitId, reason: declined.reason }, declined.declinedAt, visitAgent(context));
    }
    case 'uk.gas.cms.site-visit.finding-reported.v1': {
      const found = event.data;
      const title = `The site visit on contact ${found.crn} reported its finding: ${found.confirmed ? 'confirmed' : 'not confirmed'}`;
      const detail = { siteVisitId: found.siteVisitId, confirmed: found.confirmed, visitedOn: found.visitedOn };
      return drafts('SITE_VISIT_FINDING', found.crn, title, detail, found.reportedAt, visitAgent(context));
    }
    case 'uk.gas.cms.site-visit.cancelled.v1': {
      const cancelled = event.data;
      const title = `The site visit on contact ${cancelled.crn} was cancelled: the contact ended`;
      return drafts('SITE_VISIT_CANCELLED', cancelled.crn, title, { siteVisitId: cancelled.siteVisitId, cause: cancelled.cause }, cancelled.cancelledAt, [organisation(cancelled.transporterOrganisationId, WORKING_ROLES.TRANSPORTER)]);
    }
    case 'uk.gas.cms.site-visit.deadline-reached.v1': {
      const reached = event.data;
      const title =
        reached.stage === 'REMINDER'
          ? `The site visit finding on contact ${reached.crn} is due on ${reached.dueOn}`
          : `The site visit finding on contact ${reached.crn} is overdue (due ${reached.dueOn})`;
      const detail = { subject: 'SITE_VISIT', siteVisitId: reached.siteVisitId, dueOn: reached.dueOn };
      return drafts(reached.stage, reached.crn, title, detail, reached.reachedAt, [organisation(reached.transporterOrganisationId, WORKING_ROLES.TRANSPORTER)]);
    }
  }
}

function drafts(kind: AlertKind, crn: string, title: string, detail: AlertDraft['detail'], at: string, recipients: Recipient[]): AlertDraft[] {
  return recipients.map((recipient) => ({ kind, crn, recipient, title, detail, occurredAt: new Date(at) }));
}

/** A person, when one is named: a partner system (`client:…`) has no notifications area (it has webhooks). */
function person(userId: string | null): Recipient[] {
  return userId && !userId.startsWith('client:') ? [{ kind: 'USER', userId }] : [];
}

function orElse(recipients: Recipient[], fallback: Recipient): Recipient[] {
  return recipients.length > 0 ? recipients : [fallback];
}

function organisation(organisationId: string, roles: readonly string[]): Recipient {
  return { kind: 'ORGANISATION', organisationId, roles };
}

function originator(organisationId: string): Recipient {
  return organisation(organisationId, WORKING_ROLES.ORIGINATOR);
}

function cdsp(): Recipient {
  return { kind: 'CDSP', roles: WORKING_ROLES.CDSP };
}

/**
 * An organisation of the contact with the roles of its side: the originator's, the transporter's,
 * else the CDSP's (the only other party to a thread). Without the contact's copy the side is
 * unknown, and every working role hears of it rather than none.
 */
function sideOf(organisationId: string, context: AlertContext): Recipient {
  const contact = context.contact;
  if (!contact) return organisation(organisationId, [...new Set([...WORKING_ROLES.ORIGINATOR, ...WORKING_ROLES.TRANSPORTER, ...WORKING_ROLES.CDSP])]);
  if (organisationId === contact.originatorOrganisationId) return organisation(organisationId, WORKING_ROLES.ORIGINATOR);
  if (organisationId === contact.transporterOrganisationId) return organisation(organisationId, WORKING_ROLES.TRANSPORTER);
  return organisation(organisationId, WORKING_ROLES.CDSP);
}

/** The agent working a site visit's contact (the investigating agent, else the one who referred it), else the CDSP's agents. */
function visitAgent(context: AlertContext): Recipient[] {
  return orElse(person(context.contact?.investigatingAgentUserId ?? context.visit?.referredByUserId ?? null), cdsp());
}
