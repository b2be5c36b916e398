import type { components } from '../api/schema';

type Me = components['schemas']['MeResponse'];
type Contact = components['schemas']['ContactResponse'];
type Thread = components['schemas']['ClarificationWithMessagesResponse'];
type SiteVisit = components['schemas']['SiteVisitResponse'];
type OrganisationType = components['schemas']['OrganisationResponse']['type'];
export type Role = Me['roles'][number];

/**
 * Who may do what on a contact, its threads and its site visits: the rules the services enforce
 * (contact-logging's domain/contact-commands.ts, clarifications' domain/clarification.ts,
 * site-visits' domain/site-visit-commands.ts), read here only to show a person the actions they can
 * take. The API decides every request again; a screen that offered too much would meet its 403.
 */

/** The person looking: from GET /me. */
export interface Viewer {
  userId: string;
  organisationId: string;
  organisationType: OrganisationType;
  roles: readonly Role[];
}

export function viewerOf(me: Me): Viewer {
  return { userId: me.userId, organisationId: me.organisation.id, organisationType: me.organisation.type, roles: me.roles };
}

/** The role that works an organisation's side of a contact and writes in its threads (docs/domain.md "Who uses it"). */
export const WORKING_ROLE: Readonly<Partial<Record<OrganisationType, Role>>> = {
  CDSP: 'CDSP_AGENT',
  SHIPPER: 'CONTACT_USER',
  DN: 'TRANSPORTER_USER',
  IGT: 'TRANSPORTER_USER',
};

const has = (viewer: Viewer, role: Role) => viewer.roles.includes(role);
const isSupervisor = (viewer: Viewer) => has(viewer, 'SUPERVISOR');
/** The organisation's working role, or its SUPERVISOR, who may act on its work too. */
const works = (viewer: Viewer) => {
  const role = WORKING_ROLE[viewer.organisationType];
  return (role !== undefined && has(viewer, role)) || isSupervisor(viewer);
};
const isOpen = (contact: Pick<Contact, 'status'>) => contact.status === 'LOGGED' || contact.status === 'UNDER_INVESTIGATION';
const isTransporter = (viewer: Viewer) => viewer.organisationType === 'DN' || viewer.organisationType === 'IGT';

/** Who works the viewer's organisation's side now: the investigating agent for the CDSP, else its handler. */
export function currentHolder(viewer: Viewer, contact: Pick<Contact, 'investigatingAgentUserId' | 'handlers'>): string | null {
  if (viewer.organisationType === 'CDSP') return contact.investigatingAgentUserId;
  return contact.handlers.find((handler) => handler.organisationId === viewer.organisationId)?.userId ?? null;
}

export interface ContactActions {
  /** Take it for my organisation's side: a CDSP agent for investigation, anyone else as its handler. */
  take: boolean;
  /** Give or transfer it to a colleague (SUPERVISOR). */
  give: boolean;
  /** VALID or INVALID with a reason (a CDSP agent, once under investigation). */
  resolve: boolean;
  /** With a reason (the originator's organisation). */
  withdraw: boolean;
  /** A data clarification to the originator or the transporter (CDSP). */
  raiseDc: boolean;
  /** An originator clarification (the contact's transporter, once a stakeholder). */
  raiseOc: boolean;
  /** To the transporter for a site visit (a CDSP agent, no visit open). */
  refer: boolean;
}

export type ContactFacts = Pick<
  Contact,
  'status' | 'originatorOrganisationId' | 'transporterOrganisationId' | 'investigatingAgentUserId' | 'handlers'
>;

/**
 * The actions on a contact the viewer may take. Seeing the contact at all means their organisation
 * is involved in it (the API answers 404 otherwise), which the rules for a handler and an OC ask.
 */
export function contactActions(viewer: Viewer, contact: ContactFacts, visits: readonly Pick<SiteVisit, 'status'>[]): ContactActions {
  const open = isOpen(contact);
  const cdsp = viewer.organisationType === 'CDSP';
  const agent = cdsp && has(viewer, 'CDSP_AGENT');
  const holder = currentHolder(viewer, contact);
  // Taking needs the agent's role in the CDSP (or SUPERVISOR); held by someone else, only a SUPERVISOR takes it over.
  const mayTake = cdsp ? agent || isSupervisor(viewer) : true;
  return {
    take: open && mayTake && holder !== viewer.userId && (holder === null || isSupervisor(viewer)),
    give: open && isSupervisor(viewer),
    resolve: contact.status === 'UNDER_INVESTIGATION' && agent,
    withdraw:
      open &&
      viewer.organisationId === contact.originatorOrganisationId &&
      (has(viewer, 'CONTACT_USER') || isSupervisor(viewer)),
    raiseDc: open && cdsp && works(viewer),
    raiseOc: open && isTransporter(viewer) && viewer.organisationId === contact.transporterOrganisationId && works(viewer),
    refer: open && agent && !visits.some(isOpenVisit),
  };
}

/** A visit still in the transporter's hands: another cannot be referred meanwhile. */
export function isOpenVisit(visit: Pick<SiteVisit, 'status'>): boolean {
  return visit.status === 'REFERRED' || visit.status === 'ACCEPTED';
}

export interface ThreadActions {
  /** Write the next message: on my side's turn only. */
  reply: boolean;
  /** Close it with a reason: either side, at any turn. */
  close: boolean;
}

/** What the viewer may do in a thread: only its two sides write in it, with their working role. */
export function threadActions(
  viewer: Viewer,
  contact: Pick<Contact, 'status'>,
  thread: Pick<Thread, 'status' | 'askingOrganisationId' | 'addressedToOrganisationId' | 'waitingOnOrganisationId'>,
): ThreadActions {
  const party =
    thread.askingOrganisationId === viewer.organisationId || thread.addressedToOrganisationId === viewer.organisationId;
  const mayWrite = thread.status === 'OPEN' && party && works(viewer);
  return {
    reply: mayWrite && isOpen(contact) && thread.waitingOnOrganisationId === viewer.organisationId,
    close: mayWrite,
  };
}

export interface VisitActions {
  /** Accept, or decline with a reason: a referred visit. */
  answer: boolean;
  /** Confirmed or not, the visit date, notes: an accepted visit. */
  recordFinding: boolean;
}

/** What the viewer may do with a site visit: only the transporter it is referred to answers it. */
export function visitActions(viewer: Viewer, visit: Pick<SiteVisit, 'status' | 'transporterOrganisationId'>): VisitActions {
  const theTransporter =
    viewer.organisationId === visit.transporterOrganisationId &&
    (has(viewer, 'TRANSPORTER_USER') || isSupervisor(viewer));
  return {
    answer: theTransporter && visit.status === 'REFERRED',
    recordFinding: theTransporter && visit.status === 'ACCEPTED',
  };
}

type User = components['schemas']['UserResponse'];

/**
 * Whom a SUPERVISOR may give the contact to: the organisation's active users who work contacts (its
 * working role, or SUPERVISOR), other than the one who has it. The API takes any active user of the
 * organisation; a user without the working role could not write in its threads.
 */
export function assigneesFor(viewer: Viewer, users: readonly User[], holder: string | null): User[] {
  const role = WORKING_ROLE[viewer.organisationType];
  return users.filter(
    (user) =>
      user.status === 'ACTIVE' &&
      user.userId !== holder &&
      ((role !== undefined && user.roles.includes(role)) || user.roles.includes('SUPERVISOR')),
  );
}

/** The CDSP's work queue (unassigned, mine, overdue) is for those who investigate or give the work. */
export function worksTheQueue(me: Me): boolean {
  const viewer = viewerOf(me);
  return viewer.organisationType === 'CDSP' && works(viewer);
}

/** A transporter's referrals (its site visits) are for those who answer them. */
export function worksReferrals(me: Me): boolean {
  const viewer = viewerOf(me);
  return isTransporter(viewer) && works(viewer);
}
