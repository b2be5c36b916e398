import type { Role } from './roles';

export const USER_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;
export type UserStatus = (typeof USER_STATUSES)[number];

/** Longest user id accepted anywhere (sign-in, creation). */
export const USER_ID_MAX_LENGTH = 64;

/**
 * A person who signs in to CMS on behalf of one organisation. The user id is chosen at creation
 * and never changes (docs/domain.md "Who uses it"); the LSO of the organisation manages the rest.
 */
export interface UserAccount {
  userId: string;
  organisationId: string;
  displayName: string;
  email: string;
  roles: Role[];
  passwordHash: string;
  status: UserStatus;
  /** Consecutive failed sign-ins since the last success or the last lock. */
  failedSignIns: number;
  /** Sign-in is refused until this instant; null or past when not locked. */
  lockedUntil: Date | null;
  createdAt: Date;
}
