import { IsNull, type DataSource, type EntityManager } from 'typeorm';
import type { PasswordResetToken } from '../domain/password-reset';
import { PasswordResetTokenEntity } from './entities/password-reset-token.entity';

export class PasswordResetTokenRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a new token; any earlier unspent token of the user is spent, so only the latest email works. */
  async replace(manager: EntityManager, userId: string, tokenHash: Buffer, expiresAt: Date, now: Date): Promise<void> {
    await manager.update(PasswordResetTokenEntity, { userId, usedAt: IsNull() }, { usedAt: now });
    await manager.insert(PasswordResetTokenEntity, { tokenHash, userId, createdAt: now, expiresAt, usedAt: null });
  }

  async find(tokenHash: Buffer): Promise<PasswordResetToken | undefined> {
    return (await this.dataSource.manager.findOne(PasswordResetTokenEntity, { where: { tokenHash } }))?.toDomain();
  }

  /** The token with this hash, its row locked until the transaction ends: two uses at once take turns. */
  async findForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<PasswordResetToken | undefined> {
    return (
      await manager.findOne(PasswordResetTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } })
    )?.toDomain();
  }

  /** Spends every unspent token of the user (the one used, and any other outstanding). */
  async spendAll(manager: EntityManager, userId: string, now: Date): Promise<void> {
    await manager.update(PasswordResetTokenEntity, { userId, usedAt: IsNull() }, { usedAt: now });
  }
}
