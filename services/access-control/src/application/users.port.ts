import type { Role } from '../domain/roles';
import type { SignInCounters } from '../domain/sign-in-lockout';
import type { UserAccount, UserStatus } from '../domain/user-account';

export interface NewUserAccount {
  userId: string;
  organisationId: string;
  displayName: string;
  email: string;
  roles: Role[];
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface UserAccountChanges {
  status?: UserStatus;
  displayName?: string;
  email?: string;
  telephone?: string | null;
  roles?: Role[];
  passwordHash?: string;
  mustChangePassword?: boolean;
  failedSignIns?: number;
  lockedUntil?: Date | null;
  passwordResetRequestedAt?: Date;
}

/**
 * Port: the user accounts. Inside `Transactions.run` every method takes part in the transaction;
 * the `ForUpdate` reads lock the row until it ends.
 */
export interface UserAccounts {
  find(userId: string): Promise<UserAccount | undefined>;
  /** Reads the account and locks its row until the transaction ends: sign-in attempts take turns. */
  findForUpdate(userId: string): Promise<UserAccount | undefined>;
  saveSignInCounters(userId: string, counters: SignInCounters): Promise<void>;
  /** A page of an organisation's users by user id, after the given one; deleted users are not listed. */
  listByOrganisation(organisationId: string, after: string | undefined, limit: number): Promise<UserAccount[]>;
  /** Adds the account; a taken user id fails with a unique violation of `user_account_pkey` and leaves the transaction usable. */
  insert(user: NewUserAccount, now: Date): Promise<void>;
  update(userId: string, changes: UserAccountChanges): Promise<void>;
  /** When the last reset email was sent to the user; row locked by the caller's findForUpdate. */
  passwordResetRequestedAt(userId: string): Promise<Date | null>;
}

export const USER_ACCOUNTS = Symbol('USER_ACCOUNTS');
