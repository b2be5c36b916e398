import { isOrganisationType, type OrganisationType } from '@cms/gas-market';
import { isShortCode } from '../domain/organisation';
import { passwordPolicyMessage, passwordPolicyViolations } from '../domain/password-policy';
import { isRole, rolesNotAllowedFor, type Role } from '../domain/roles';
import { isValidUserId } from '../domain/user-account';

/** An organisation to be present (the seed command's file). */
export interface SeedOrganisation {
  id: string;
  shortCode: string;
  name: string;
  type: OrganisationType;
}

/** A user to be present, with the password they sign in with until they change it. */
export interface SeedUser {
  userId: string;
  displayName: string;
  email: string;
  /** Of an organisation of the same file, or one already in the database. */
  organisationShortCode: string;
  roles: Role[];
  password: string;
}

export interface AccessSeed {
  organisations: SeedOrganisation[];
  users: SeedUser[];
}

/** A seed file that breaks the rules: every problem found, one per line in the message. */
export class AccessSeedRefused extends Error {
  constructor(readonly problems: string[]) {
    super(`the seed is refused:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads a seed (parsed JSON) and holds it to the rules users and organisations are held to when an
 * administrator creates them: short codes, organisation types, user ids, roles allowed for the
 * organisation's type, and the password policy. Refuses the whole seed (AccessSeedRefused) if
 * anything breaks a rule, naming every problem.
 */
export function readAccessSeed(raw: unknown): AccessSeed {
  const problems: string[] = [];
  const record = isObject(raw) ? raw : {};
  if (!isObject(raw) || !Array.isArray(record.organisations) || !Array.isArray(record.users)) {
    throw new AccessSeedRefused(['it must be a JSON object with the arrays "organisations" and "users"']);
  }
  const organisations: SeedOrganisation[] = [];
  const typeByShortCode = new Map<string, OrganisationType>();
  record.organisations.forEach((item: unknown, index: number) => {
    const at = `organisations[${index}]`;
    if (!isObject(item)) return problems.push(`${at}: not an object`);
    const { id, shortCode, name, type } = item;
    const before = problems.length;
    if (typeof id !== 'string' || !UUID.test(id)) problems.push(`${at}.id: not a UUID`);
    if (typeof shortCode !== 'string' || !isShortCode(shortCode)) problems.push(`${at}.shortCode: not three capital letters`);
    else if (typeByShortCode.has(shortCode)) problems.push(`${at}.shortCode: ${shortCode} appears twice`);
    if (typeof name !== 'string' || name.trim() === '') problems.push(`${at}.name: missing`);
    if (typeof type !== 'string' || !isOrganisationType(type)) problems.push(`${at}.type: not an organisation type`);
    if (problems.length > before) return;
    typeByShortCode.set(shortCode as string, type as OrganisationType);
    organisations.push({ id: id as string, shortCode: shortCode as string, name: name as string, type: type as OrganisationType });
  });

  const users: SeedUser[] = [];
  const userIds = new Set<string>();
  record.users.forEach((item: unknown, index: number) => {
    const at = `users[${index}]`;
    if (!isObject(item)) return problems.push(`${at}: not an object`);
    const { userId, displayName, email, organisationShortCode, roles, password } = item;
    const before = problems.length;
    if (typeof userId !== 'string' || !isValidUserId(userId)) {
      problems.push(`${at}.userId: 3 to 64 lowercase letters, digits, dots, underscores and hyphens`);
    } else if (userIds.has(userId)) {
      problems.push(`${at}.userId: ${userId} appears twice`);
    }
    if (typeof displayName !== 'string' || displayName.trim() === '') problems.push(`${at}.displayName: missing`);
    if (typeof email !== 'string' || !email.includes('@')) problems.push(`${at}.email: not an email address`);
    if (typeof organisationShortCode !== 'string' || !isShortCode(organisationShortCode)) {
      problems.push(`${at}.organisationShortCode: not three capital letters`);
    }
    if (!Array.isArray(roles) || roles.length === 0 || !roles.every(isRole)) {
      problems.push(`${at}.roles: a non-empty list of known roles`);
    } else {
      const type = typeof organisationShortCode === 'string' ? typeByShortCode.get(organisationShortCode) : undefined;
      const refused = type === undefined ? [] : rolesNotAllowedFor(type, roles);
      if (refused.length > 0) problems.push(`${at}.roles: ${refused.join(', ')} not allowed for a ${type} organisation`);
    }
    if (typeof password !== 'string') {
      problems.push(`${at}.password: missing`);
    } else if (typeof userId === 'string') {
      for (const violation of passwordPolicyViolations(password, userId)) {
        problems.push(`${at}.password: ${passwordPolicyMessage(violation)}`);
      }
    }
    if (problems.length > before) return;
    userIds.add(userId as string);
    users.push({
      userId: userId as string,
      displayName: displayName as string,
      email: email as string,
      organisationShortCode: organisationShortCode as string,
      roles: roles as Role[],
      password: password as string,
    });
  });
  if (problems.length > 0) throw new AccessSeedRefused(problems);
  return { organisations, users };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
