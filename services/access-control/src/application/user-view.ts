import type { Role } from '../domain/roles';
import { isLocked } from '../domain/sign-in-lockout';
import type { UserAccount, UserStatus } from '../domain/user-account';

/** A user as an LSO sees them: never the password hash. */
export interface UserView {
  userId: string;
  organisationId: string;
  displayName: string;
  email: string;
  roles: Role[];
  status: UserStatus;
  mustChangePassword: boolean;
  /** Sign-in is paused after repeated failures until this instant; null when not locked. */
  lockedUntil: string | null;
  createdAt: string;
}

export function userView(user: UserAccount, now = new Date()): UserView {
  return {
    userId: user.userId,
    organisationId: user.organisationId,
    displayName: user.displayName,
    email: user.email,
    roles: user.roles,
    status: user.status,
    mustChangePassword: user.mustChangePassword,
    lockedUntil: isLocked(user, now) ? user.lockedUntil!.toISOString() : null,
    createdAt: user.createdAt.toISOString(),
  };
}

/** A user just created, with the temporary password the LSO hands over: shown once, never stored in clear. */
export interface CreatedUser {
  user: UserView;
  temporaryPassword: string;
}
