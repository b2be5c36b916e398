import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import type { DataSource, EntityManager } from 'typeorm';
import type { Organisation } from '../domain/organisation';
import { LSO, type Role } from '../domain/roles';
import { refuseRoles } from '../domain/user-administration';
import type { UserAccount } from '../domain/user-account';
import type { AdminAuditLog } from '../infrastructure/admin-audit.log';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import type { PasswordHasher } from '../infrastructure/password-hasher';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import { newTemporaryPassword } from '../infrastructure/temporary-password';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { changeRefused, isUniqueViolation, lsoOnly, userIdTaken } from './admin.problems';
import { userView, type CreatedUser } from './user-view';

export interface NewUser {
  userId: string;
  displayName: string;
  email: string;
  roles: Role[];
}

/**
 * Adds a user with a fresh temporary password, marked must-change-password, and its audit record,
 * inside the caller's transaction. Shared by user creation and organisation creation (first LSO).
 * The password is hashed before the transaction is opened, so slow hashing holds no lock.
 */
export async function prepareNewUser(
  passwords: PasswordHasher,
  userId: string,
): Promise<{ temporaryPassword: string; passwordHash: string }> {
  const temporaryPassword = newTemporaryPassword(userId);
  return { temporaryPassword, passwordHash: await passwords.hash(temporaryPassword) };
}

export async function addUser(
  manager: EntityManager,
  users: UserAccountRepository,
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
    // A savepoint, so a taken user id leaves the surrounding transaction usable.
    await manager.transaction((inner) =>
      users.insert(
        inner,
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
      ),
    );
  } catch (error) {
    if (isUniqueViolation(error, 'user_account_pkey')) throw userIdTaken(user.userId);
    throw error;
  }
  await audit.record(
    manager,
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
export class CreateUserHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly passwords: PasswordHasher,
    private readonly audit: AdminAuditLog,
    private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, user: NewUser): Promise<CreatedUser> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const organisation = await this.organisations.get(actor.organisationId);
    if (!organisation) throw lsoOnly();
    const refusal = refuseRoles(organisation.type, user.roles);
    if (refusal) throw changeRefused(refusal);
    if (await this.users.find(user.userId)) throw userIdTaken(user.userId);

    const { temporaryPassword, passwordHash } = await prepareNewUser(this.passwords, user.userId);
    const now = new Date();
    const created = await this.dataSource.transaction((manager) =>
      addUser(manager, this.users, this.audit, actor.userId, organisation, user, passwordHash, now),
    );
    this.logger.info(
      { event: 'user.created', userId: user.userId, by: actor.userId, organisationId: organisation.id },
      'user created',
    );
    return { user: userView(created, now), temporaryPassword };
  }
}
