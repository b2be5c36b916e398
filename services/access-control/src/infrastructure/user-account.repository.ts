import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { SignInCounters } from '../domain/sign-in-lockout';
import type { Role } from '../domain/roles';
import type { UserAccount, UserStatus } from '../domain/user-account';
import { UserAccountEntity } from './entities/user-account.entity';

export class UserAccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(userId: string, manager: EntityManager = this.dataSource.manager): Promise<UserAccount | undefined> {
    return (await manager.findOne(UserAccountEntity, { where: { userId } }))?.toDomain();
  }

  /** Reads the account and locks its row until the transaction ends: sign-in attempts take turns. */
  async findForUpdate(manager: EntityManager, userId: string): Promise<UserAccount | undefined> {
    return (await manager.findOne(UserAccountEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } }))?.toDomain();
  }

  async saveSignInCounters(manager: EntityManager, userId: string, counters: SignInCounters): Promise<void> {
    await manager.update(UserAccountEntity, { userId }, { failedSignIns: counters.failedSignIns, lockedUntil: counters.lockedUntil });
  }

  /** A page of an organisation's users by user id, after the given one. */
  async listByOrganisation(organisationId: string, after: string | undefined, limit: number): Promise<UserAccount[]> {
    const rows = await this.dataSource.manager.find(UserAccountEntity, {
      where: after === undefined ? { organisationId } : { organisationId, userId: MoreThan(after) },
      order: { userId: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.toDomain());
  }

  async insert(manager: EntityManager, user: NewUserAccount, now: Date): Promise<void> {
    await manager.insert(UserAccountEntity, {
      ...user,
      status: 'ACTIVE',
      failedSignIns: 0,
      lockedUntil: null,
      createdAt: now,
      passwordResetRequestedAt: null,
    });
  }

  async update(manager: EntityManager, userId: string, changes: UserAccountChanges): Promise<void> {
    await manager.update(UserAccountEntity, { userId }, changes);
  }

  /** When the last reset email was sent to the user; row locked by the caller's findForUpdate. */
  async passwordResetRequestedAt(manager: EntityManager, userId: string): Promise<Date | null> {
    const row = await manager.findOne(UserAccountEntity, {
      select: { userId: true, passwordResetRequestedAt: true },
      where: { userId },
    });
    return row?.passwordResetRequestedAt ?? null;
  }
}

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
  roles?: Role[];
  passwordHash?: string;
  mustChangePassword?: boolean;
  failedSignIns?: number;
  lockedUntil?: Date | null;
  passwordResetRequestedAt?: Date;
}
