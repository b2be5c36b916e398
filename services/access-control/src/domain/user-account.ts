import type { Role } from './roles';

/** The statuses an LSO sets (PATCH /users/{userId}); deletion is its own command. */
export const USER_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
/** A deleted account stays, so that its user id is never reused, with its personal details replaced (DELETED_USER). */
export type UserStatus = (typeof USER_STATUSES)[number] | 'DELETED';

/** Longest user id accepted anywhere (sign-in, creation). */
export const USER_ID_MAX_LENGTH = 64;
export const USER_ID_MIN_LENGTH = 3;
/** What a new user id may be: 3 to 64 lowercase letters, digits, dots, underscores and hyphens. */
export const USER_ID_PATTERN = /^[a-z0-9._-]{3,64}$/;

export function isValidUserId(value: string): boolean {
  return USER_ID_PATTERN.test(value);
}

/**
 * A person who signs in to CMS on behalf of one organisation. The user id is chosen at creation
 * and never changes (docs/domain.md "Who uses it"); the LSO of the organisation manages the rest.
 */
export interface UserAccount {
  userId: string;
  organisationId: string;
  displayName: string;
  email: string;
  /** Their own telephone number, when they gave one. */
  telephone: string | null;
  roles: Role[];
  passwordHash: string;
  status: UserStatus;
  /** Consecutive failed sign-ins since the last success or the last lock. */
  failedSignIns: number;
  /** Sign-in is refused until this instant; null or past when not locked. */
  lockedUntil: Date | null;
  /**
   * The password was set by someone else (a temporary password from the LSO): the user may sign in
   * but must choose their own password before doing anything else.
   */
  mustChangePassword: boolean;
  createdAt: Date;
}

/**
 * What is left of a deleted user's personal details: nothing that names or reaches the person. The
 * password hash is one no password matches (argon2 hashes start `$argon2`), so nothing signs in.
 */
export const DELETED_USER = Object.freeze({
  displayName: 'Deleted user',
  email: 'deleted.user@invalid',
  telephone: null,
  passwordHash: '!deleted',
  roles: [] as Role[],
});

/** Longest telephone number a user may give (international format with spaces). */
export const TELEPHONE_MAX_LENGTH = 30;
/** A telephone number as people write them: digits, spaces, an optional leading +, brackets and hyphens. */
export const TELEPHONE_PATTERN = /^\+?[0-9 ()-]{6,30}$/;
