import type { components } from '../api/schema';
import { displayNameProblems, emailProblems, userIdProblems, type FieldProblem } from '../account/account-rules';

export type Role = components['schemas']['UserResponse']['roles'][number];
export type Scope = components['schemas']['ApiClientResponse']['scopes'][number];
export type OrganisationType = components['schemas']['OrganisationResponse']['type'];
export type User = components['schemas']['UserResponse'];

/** Each role in words, for the LSO choosing them (services/access-control domain/roles.ts says what each does). */
export const ROLE_NAMES: Record<Role, { name: string; hint: string }> = {
  LSO: {
    name: 'Local Security Officer',
    hint: 'Creates and suspends users, sets their roles, resets passwords, manages API clients.',
  },
  CONTACT_USER: { name: 'Contact user', hint: 'Logs DTL and ISO contacts, answers clarifications, withdraws.' },
  TRANSPORTER_USER: {
    name: 'Transporter user',
    hint: 'Accepts site visits, records findings, asks originator clarifications.',
  },
  CDSP_AGENT: {
    name: 'CDSP agent',
    hint: 'Investigates contacts, asks data clarifications, refers site visits, resolves.',
  },
  CDSP_ADMIN: { name: 'CDSP administrator', hint: 'Reference data and configuration.' },
  SUPERVISOR: { name: 'Supervisor', hint: "Gives and transfers the organisation's work to its users." },
};

/**
 * The roles an organisation of each type may hold, to offer only those (the same table as
 * access-control's, which refuses any other with ROLE_NOT_ALLOWED, shown by the field).
 */
const ROLES_BY_ORGANISATION_TYPE: Record<OrganisationType, readonly Role[]> = {
  SHIPPER: ['LSO', 'CONTACT_USER', 'SUPERVISOR'],
  DN: ['LSO', 'TRANSPORTER_USER', 'SUPERVISOR'],
  IGT: ['LSO', 'TRANSPORTER_USER', 'SUPERVISOR'],
  CDSP: ['LSO', 'CDSP_AGENT', 'CDSP_ADMIN', 'SUPERVISOR'],
  DMSP: ['LSO'],
  MRA: ['LSO'],
  UIP: ['LSO'],
};

export function rolesFor(organisationType: OrganisationType): readonly Role[] {
  return ROLES_BY_ORGANISATION_TYPE[organisationType];
}

/** The scopes a partner system of each type may hold (access-control's api-client-scopes.ts; SCOPE_NOT_ALLOWED otherwise). */
const SHIPPER_SCOPES: readonly Scope[] = [
  'contacts:read',
  'contacts:write',
  'clarifications:read',
  'clarifications:write',
  'site-visits:read',
  'meter-points:read',
  'addresses:read',
  'notifications:read',
];
const TRANSPORTER_SCOPES: readonly Scope[] = [
  'contacts:read',
  'clarifications:read',
  'clarifications:write',
  'site-visits:read',
  'site-visits:write',
  'meter-points:read',
  'notifications:read',
  'referral-feed:read',
];
const ACCOUNT_HOLDER_SCOPES: readonly Scope[] = ['meter-points:read', 'notifications:read'];
const SCOPES_BY_ORGANISATION_TYPE: Record<OrganisationType, readonly Scope[]> = {
  SHIPPER: SHIPPER_SCOPES,
  DN: TRANSPORTER_SCOPES,
  IGT: TRANSPORTER_SCOPES,
  // The CDSP may hold what a shipper may (access-control's table gives both the same scopes).
  CDSP: SHIPPER_SCOPES,
  DMSP: ACCOUNT_HOLDER_SCOPES,
  MRA: ACCOUNT_HOLDER_SCOPES,
  UIP: ACCOUNT_HOLDER_SCOPES,
};

export function scopesFor(organisationType: OrganisationType): readonly Scope[] {
  return SCOPES_BY_ORGANISATION_TYPE[organisationType];
}

/** An API client's name: what the partner system is, 1 to 100 characters (API_CLIENT_NAME_MAX_LENGTH). */
export const API_CLIENT_NAME_MAX_LENGTH = 100;

export function apiClientProblems(name: string, scopes: readonly string[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!name.trim()) problems.push({ field: 'name', message: 'Enter what the partner system is.' });
  else if (name.trim().length > API_CLIENT_NAME_MAX_LENGTH)
    problems.push({ field: 'name', message: `The name must be ${API_CLIENT_NAME_MAX_LENGTH} characters or fewer.` });
  if (scopes.length === 0) problems.push({ field: 'scopes', message: 'Choose at least one scope.' });
  return problems;
}

export interface NewUserValues {
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
}

export function newUserProblems(values: NewUserValues): FieldProblem[] {
  return [
    ...userIdProblems(values.userId),
    ...displayNameProblems(values.displayName),
    ...emailProblems(values.email),
    ...(values.roles.length === 0 ? [{ field: 'roles', message: 'Choose at least one role.' }] : []),
  ];
}

/** What an LSO reads of a user's state at a glance: active, suspended, signing in locked, a password to choose. */
export function userStateWords(user: Pick<User, 'status' | 'lockedUntil' | 'mustChangePassword'>, now: Date): string[] {
  const words = [user.status === 'ACTIVE' ? 'Active' : 'Suspended'];
  if (user.lockedUntil && new Date(user.lockedUntil) > now) words.push('Sign-in locked');
  if (user.mustChangePassword) words.push('Has a temporary password');
  return words;
}

/** The same roles, whatever their order: nothing to send. */
export function sameRoles(a: readonly Role[], b: readonly Role[]): boolean {
  return a.length === b.length && a.every((role) => b.includes(role));
}

/** A problem's `field` as the form's own: `roles.0` and `roles` both go by the roles. */
export function formFieldOf(apiField: string | undefined): string | undefined {
  if (!apiField) return undefined;
  return apiField.split(/[.[]/)[0];
}

/** Who administers users and API clients: a Local Security Officer (the API decides; this only shows the way in). */
export function administersUsers(me: { roles: readonly string[] }): boolean {
  return me.roles.includes('LSO');
}
