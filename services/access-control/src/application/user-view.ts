import type { Role } from '../domain/roles';
import { isLocked } from '../domain/sign-in-lockout';
import type { UserAccount, UserStatus } from '../domain/user-account';
import type { UserDirectoryAccess } from '../domain/user-directory';

/** A user as a SUPERVISOR of their organisation sees them: whom work can be given to (domain/user-directory.ts). */
export interface ColleagueView {
  userId: string;
  organisationId: string;
  displayName: string;
  roles: Role[];
  status: UserStatus;
}

/** A user as an LSO sees them: never the password hash. */
export interface UserView extends ColleagueView {
  email: string;
  mustChangePassword: boolean;
  /** Sign-in is paused after repeated failures until this instant; null when not locked. */
  lockedUntil: string | null;
  createdAt: string;
}

export function userView(user: UserAccount, now = new Date()): UserView {
  return {
    ...colleagueView(user),
    email: user.email,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: isLocked(user, now) ? user.lockedUntil!.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}

export function colleagueView(user: UserAccount): ColleagueView {
  return {
    userId: user.userId,
    organisationId: user.organisationId,
    displayName: user.displayName,
    roles: user.roles,
    status: user.status,
  };
}

/** The user as a reader with this access sees them. */
export function viewFor(access: Extract<UserDirectoryAccess, 'ACCOUNT' | 'COLLEAGUE'>, user: UserAccount, now: Date): UserView | ColleagueView {
  return access === 'ACCOUNT' ? userView(user, now) : colleagueView(user);
}

/** A user just created, with the temporary password the LSO hands over: shown once, never stored in clear. */
export interface CreatedUser {
  user: UserView;
  temporaryPassword: string;
}
