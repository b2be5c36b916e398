/**
 * A contact as a service that works on it (clarifications, site visits, notifications) knows it:
 * its own copy, kept from the events of `cms.contacts.v1` (contact-logging owns the contact and
 * decides who is involved). Plain values and rules, no framework.
 */
export interface InvolvedContact {
  crn: string;
  mprn: string;
  contactType: 'DTL' | 'ISO';
  /** The meter point status the originator asks for (LI or DE). */
  requestedStatus: string;
  originatorOrganisationId: string;
  loggedByUserId: string;
  /** The meter point's transporter, a DN or an IGT. */
  transporterOrganisationId: string;
  /** Its LDZ, when the register knew it: the working-day calendar of the contact's time limits. */
  ldz: string | null;
  /**
   * Every organisation that may see the contact (docs/domain.md "Transparency"): the originator's,
   * the CDSP's, the transporter once referred or addressed by a DC. It only grows.
   */
  organisationIds: string[];
  status: InvolvedContactStatus;
  /** The CDSP agent investigating it, once one took it. */
  investigatingAgentUserId: string | null;
  loggedAt: Date;
  /** When it was resolved or withdrawn. */
  endedAt: Date | null;
}

export type InvolvedContactStatus = 'LOGGED' | 'UNDER_INVESTIGATION' | 'RESOLVED' | 'WITHDRAWN';

/** Who asks, as the verified token says. */
export interface OrganisationOfCaller {
  organisationId: string;
  organisationType: string;
}

/**
 * Whether the caller's organisation is involved in the contact: the CDSP always (its agents
 * investigate every contact), any other organisation when the contact names it. Anyone else must
 * not learn that the contact exists.
 */
export function involves(contact: Pick<InvolvedContact, 'organisationIds'>, caller: OrganisationOfCaller): boolean {
  return caller.organisationType === 'CDSP' || contact.organisationIds.includes(caller.organisationId);
}

/** Logged or under investigation: work on it (a question, a visit) may still start. */
export function isOpen(contact: Pick<InvolvedContact, 'status'>): boolean {
  return contact.status === 'LOGGED' || contact.status === 'UNDER_INVESTIGATION';
}

/** The organisations after some join: the old ones in their order, then the new ones, each once. */
export function withOrganisations(current: readonly string[], joining: readonly string[]): string[] {
  return [...new Set([...current, ...joining])];
}
