import type { OrganisationType } from '@cms/gas-market';

/** Local Security Officer: creates and suspends the organisation's users, sets roles, resets passwords. */
export const LSO = 'LSO';
/** Shipper staff: raise DTL and ISO contacts, answer clarifications, withdraw. */
export const CONTACT_USER = 'CONTACT_USER';
/** DN or IGT staff: accept site visits, report findings, ask originator clarifications. */
export const TRANSPORTER_USER = 'TRANSPORTER_USER';
/** CDSP agent: investigate, ask data clarifications, refer site visits, resolve. */
export const CDSP_AGENT = 'CDSP_AGENT';
/** CDSP administrator: reference data and configuration. */
export const CDSP_ADMIN = 'CDSP_ADMIN';
/**
 * Gives and transfers the organisation's work (contacts, clarifications, site visits) to its users,
 * and sees who they are (docs/domain.md "Who uses it": "a `SUPERVISOR` of that organisation").
 */
export const SUPERVISOR = 'SUPERVISOR';

export const ROLES = [LSO, CONTACT_USER, TRANSPORTER_USER, CDSP_AGENT, CDSP_ADMIN, SUPERVISOR] as const;
export type Role = (typeof ROLES)[number];

/**
 * Which organisation types may hold each role: every organisation has an LSO (docs/domain.md
 * "Who uses it"); the working roles follow what each type does in CMS. DMSPs, MRAs and UIPs hold
 * accounts and work no DTL or ISO contact: their users are their LSO's, to sign in and look up.
 */
const ORGANISATION_TYPES_BY_ROLE: Record<Role, readonly OrganisationType[]> = {
  [LSO]: ['SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP'],
  [CONTACT_USER]: ['SHIPPER'],
  [TRANSPORTER_USER]: ['DN', 'IGT'],
  [CDSP_AGENT]: ['CDSP'],
  [CDSP_ADMIN]: ['CDSP'],
  // Every organisation type that works contacts queues its work (docs/domain.md "Who uses it").
  [SUPERVISOR]: ['SHIPPER', 'DN', 'IGT', 'CDSP'],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** The roles in `roles` that a user of an organisation of this type may not hold (empty when all are fine). */
export function rolesNotAllowedFor(organisationType: OrganisationType, roles: readonly string[]): string[] {
  return roles.filter((role) => !isRole(role) || !ORGANISATION_TYPES_BY_ROLE[role].includes(organisationType));
}
