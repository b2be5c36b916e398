import type { DataSource, EntityManager } from 'typeorm';
import type { SignInCounters } from '../domain/sign-in-lockout';
import type { UserAccount } from '../domain/user-account';
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
}
