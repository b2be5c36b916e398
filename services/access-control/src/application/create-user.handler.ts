import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import type { Organisation } from '../domain/organisation';
import { LSO, type Role } from '../domain/roles';
import { refuseRoles } from '../domain/user-administration';
import type { UserAccount } from '../domain/user-account';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { changeRefused, isUniqueViolation, lsoOnly, userIdTaken } from './admin.problems';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { PASSWORD_HASHING, type PasswordHashing } from './password-hashing.port';
import { SECRETS, type Secrets } from './secrets.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { userView, type CreatedUser } from './user-view';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

export interface NewUser {
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
}

/**
 * Adds a user with a fresh temporary password, marked must-change-password, and its audit record,
 * inside the caller's transaction (`Transactions.run`). Shared by user creation and organisation creation (first LSO).
 * The password is hashed before the transaction is opened, so slow hashing holds no lock.
 */
export async function prepareNewUser(
  passwords: PasswordHashing,
  secrets: Secrets,
  userId: string,
): Promise<{ temporaryPassword: string; passwordHash: string }> {
  const temporaryPassword = secrets.newTemporaryPassword(userId);
  return { temporaryPassword, passwordHash: await passwords.hash(temporaryPassword) };
}

export async function addUser(
  users: UserAccounts,
  audit: AdminAuditLog,
  actorUserId: string,
  organisation: Organisation,
  user: NewUser,
  passwordHash: string,
  now: Date,
): Promise<UserAccount> {
  const account: UserAccount = {
    userId: user.userId,
    displayName: user.displayName,
    email: user.email,
    telephone: null,
    roles: user.roles,
    organisationId: organisation.id,
    passwordHash,
    status: 'ACTIVE',
    failedSignIns: 0,
    lockedUntil: null,
    createdAt: now,
    mustChangePassword: true,
  };
  try {
    await users.insert(
      {
        userId: account.userId,
        organisationId: account.organisationId,
        displayName: account.displayName,
        email: account.email,
        roles: account.roles,
        passwordHash,
        mustChangePassword: true,
      },
      now,
    );
  } catch (error) {
    if (isUniqueViolation(error, 'user_account_pkey')) throw userIdTaken(user.userId);
    throw error;
  }
  await audit.record(
    {
      actorUserId,
      action: 'USER_CREATED',
      organisationId: organisation.id,
      subjectUserId: user.userId,
      details: { roles: user.roles },
    },
    now,
  );
  return account;
}

/** `POST /users`: an LSO creates a user in their own organisation. */
@Injectable()
export class CreateUserHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(PASSWORD_HASHING) private readonly passwords: PasswordHashing,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, user: NewUser): Promise<CreatedUser> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const organisation = await this.organisations.get(actor.organisationId);
    if (!organisation) throw lsoOnly();
    const refusal = refuseRoles(organisation.type, user.roles);
    if (refusal) throw changeRefused(refusal);
    if (await this.users.find(user.userId)) throw userIdTaken(user.userId);

    const { temporaryPassword, passwordHash } = await prepareNewUser(this.passwords, this.secrets, user.userId);
    const now = new Date();
    const created = await this.transactions.run(() =>
      addUser(this.users, this.audit, actor.userId, organisation, user, passwordHash, now),
    );
    this.logger.info(
      { event: 'user.created', userId: user.userId, by: actor.userId, organisationId: organisation.id },
      'user created',
    );
    return { user: userView(created, now), temporaryPassword };
  }
}
