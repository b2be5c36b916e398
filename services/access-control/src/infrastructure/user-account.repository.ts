import { Inject, Injectable } from '@nestjs/common';
import { MoreThan, Not } from 'typeorm';
import { Database } from '@cms/service-defaults';
import type { NewUserAccount, UserAccountChanges, UserAccounts } from '../application/users.port';
import type { SignInCounters } from '../domain/sign-in-lockout';
import type { UserAccount } from '../domain/user-account';
import { UserAccountEntity } from './entities/user-account.entity';

@Injectable()
export class UserAccountRepository implements UserAccounts {
  constructor(@Inject(Database) private readonly database: Database) {}

  async find(userId: string): Promise<UserAccount | undefined> {
    return (await this.database.manager.findOne(UserAccountEntity, { where: { userId } }))?.toDomain();
  }

  async findForUpdate(userId: string): Promise<UserAccount | undefined> {
    return (
      await this.database.manager.findOne(UserAccountEntity, { where: { userId }, lock: { mode: 'pessimistic_write' } })
    )?.toDomain();
  }

  async saveSignInCounters(userId: string, counters: SignInCounters): Promise<void> {
    await this.database.manager.update(
      UserAccountEntity,
      { userId },
      { failedSignIns: counters.failedSignIns, lockedUntil: counters.lockedUntil },
    );
  }

  async listByOrganisation(organisationId: string, after: string | undefined, limit: number): Promise<UserAccount[]> {
    const rows = await this.database.manager.find(UserAccountEntity, {
      where: { organisationId, status: Not('DELETED'), ...(after === undefined ? {} : { userId: MoreThan(after) }) },
      order: { userId: 'ASC' },
      take: limit,
    });
    return rows.map((row) => row.toDomain());
  }

  async insert(user: NewUserAccount, now: Date): Promise<void> {
    // A savepoint, so a taken user id leaves the surrounding transaction usable.
    await this.database.manager.transaction((inner) =>
      inner.insert(UserAccountEntity, {
        ...user,
        status: 'ACTIVE',
        failedSignIns: 0,
        lockedUntil: null,
        createdAt: now,
        passwordResetRequestedAt: null,
      }),
    );
  }

  async update(userId: string, changes: UserAccountChanges): Promise<void> {
    await this.database.manager.update(UserAccountEntity, { userId }, changes);
  }

  async passwordResetRequestedAt(userId: string): Promise<Date | null> {
    const row = await this.database.manager.findOne(UserAccountEntity, {
      select: { userId: true, passwordResetRequestedAt: true },
      where: { userId },
    });
    return row?.passwordResetRequestedAt ?? null;
  }
}
