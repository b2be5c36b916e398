import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { IsNull, MoreThan } from 'typeorm';
import { Database } from '@cms/service-defaults';
import type { NewRefreshSession, RefreshSessions, RevokedRefreshToken } from '../application/sessions.port';
import type { RefreshSession } from '../domain/refresh-session';
import { RefreshSessionEntity } from './entities/refresh-session.entity';

@Injectable()
export class RefreshSessionRepository implements RefreshSessions {
  constructor(@Inject(Database) private readonly database: Database) {}

  async add(session: NewRefreshSession, now: Date): Promise<string> {
    const id = randomUUID();
    await this.database.manager.insert(RefreshSessionEntity, { id, ...session, createdAt: now, revokedAt: null, replacedBy: null });
    return id;
  }

  async findByTokenHashForUpdate(tokenHash: Buffer): Promise<RefreshSession | undefined> {
    const row = await this.database.manager.findOne(RefreshSessionEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
    return row?.toDomain();
  }

  async findByTokenHash(tokenHash: Buffer): Promise<RefreshSession | undefined> {
    return (await this.database.manager.findOne(RefreshSessionEntity, { where: { tokenHash } }))?.toDomain();
  }

  async markReplaced(id: string, replacedBy: string, now: Date): Promise<void> {
    await this.database.manager.update(RefreshSessionEntity, { id }, { revokedAt: now, replacedBy });
  }

  async isFamilyLive(familyId: string, now: Date): Promise<boolean> {
    return this.database.manager.exists(RefreshSessionEntity, {
      where: { familyId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
    });
  }

  revokeFamily(familyId: string, now: Date): Promise<RevokedRefreshToken[]> {
    return this.revoke('family_id = $1', [familyId], now);
  }

  revokeAllOfUser(userId: string, now: Date, exceptFamilyId?: string): Promise<RevokedRefreshToken[]> {
    return exceptFamilyId === undefined
      ? this.revoke('user_id = $1', [userId], now)
      : this.revoke('user_id = $1 AND family_id <> $2', [userId, exceptFamilyId], now);
  }

  private async revoke(which: string, values: unknown[], now: Date): Promise<RevokedRefreshToken[]> {
    const nowParameter = `$${values.length + 1}`;
    const revoked = await this.database.query<{ family_id: string; user_id: string; organisation_id: string }>(
      `WITH revoked AS (
         UPDATE refresh_session SET revoked_at = ${nowParameter} WHERE ${which} AND revoked_at IS NULL RETURNING family_id, user_id
       )
       SELECT revoked.family_id, revoked.user_id, user_account.organisation_id
         FROM revoked JOIN user_account ON user_account.user_id = revoked.user_id`,
      [...values, now],
    );
    return revoked.map((row) => ({ familyId: row.family_id, userId: row.user_id, organisationId: row.organisation_id }));
  }
}
