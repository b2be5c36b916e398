/** A DTL or ISO contact as this service knows it: what its ContactLogged event said of it. */
export interface LoggedContact {
  crn: string;
  contactType: 'DTL' | 'ISO';
  mprn: string;
  loggedAt: Date;
  /** The organisations that may see the contact (the originator's, the CDSP's), as the event named them. */
  organisationIds: string[];
}

/**
 * Whether an organisation may see the contact. Nobody but the organisations involved may learn that
 * a contact exists (docs/domain.md, "Transparency"). The event names them: this service never works
 * out who is involved, it keeps to what contact-logging said.
 */
export function isVisibleTo(contact: Pick<LoggedContact, 'organisationIds'>, organisationId: string): boolean {
  return contact.organisationIds.includes(organisationId);
}
