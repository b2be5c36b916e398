/**
 * Port: who belongs to an organisation (access-control's user directory), asked synchronously on
 * behalf of the caller of the request being served, before a SUPERVISOR gives work to someone
 * (docs/domain.md "Who uses it": the work goes to "one of its users").
 */
export interface OrganisationMembers {
  /**
   * Whether `userId` is an active user of the organisation: false for an unknown, suspended or
   * other organisation's user (which the directory does not tell apart). A ProblemException when
   * the directory cannot be asked (503) or refuses the caller (401, 403).
   */
  isActiveMember(organisationId: string, userId: string): Promise<boolean>;
}

export const ORGANISATION_MEMBERS = Symbol('ORGANISATION_MEMBERS');
