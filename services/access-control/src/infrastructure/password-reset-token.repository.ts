import { Inject, Injectable } from '@nestjs/common';
import { IsNull } from 'typeorm';
import { Database } from '@cms/service-defaults';
import type { PasswordResetTokens } from '../application/password-reset-tokens.port';
import type { PasswordResetToken } from '../domain/password-reset';
import { PasswordResetTokenEntity } from './entities/password-reset-token.entity';

@Injectable()
export class PasswordResetTokenRepository implements PasswordResetTokens {
  constructor(@Inject(Database) private readonly database: Database) {}

  async replace(userId: string, tokenHash: Buffer, expiresAt: Date, now: Date): Promise<void> {
    const { manager } = this.database;
    await manager.update(PasswordResetTokenEntity, { userId, usedAt: IsNull() }, { usedAt: now });
    await manager.insert(PasswordResetTokenEntity, { tokenHash, userId, createdAt: now, expiresAt, usedAt: null });
  }

  async find(tokenHash: Buffer): Promise<PasswordResetToken | undefined> {
    return (await this.database.manager.findOne(PasswordResetTokenEntity, { where: { tokenHash } }))?.toDomain();
  }

  async findForUpdate(tokenHash: Buffer): Promise<PasswordResetToken | undefined> {
    return (
      await this.database.manager.findOne(PasswordResetTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } })
    )?.toDomain();
  }

  async spendAll(userId: string, now: Date): Promise<void> {
    await this.database.manager.update(PasswordResetTokenEntity, { userId, usedAt: IsNull() }, { usedAt: now });
  }
}
