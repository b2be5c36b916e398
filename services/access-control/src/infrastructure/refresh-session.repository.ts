import { randomUUID } from 'node:crypto';
import { IsNull, MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { SessionEndReason, SessionsEndedV1 } from '@cms/contracts';
import type { RefreshSession } from '../domain/refresh-session';
import { RefreshSessionEntity } from './entities/refresh-session.entity';
import { announceSessionsEnded } from './sessions-ended.announcement';

export interface NewRefreshSession {
  userId: string;
  familyId: string;
  tokenHash: Buffer;
  expiresAt: Date;
}

export class RefreshSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores a new refresh token of a session; returns its id. */
  async add(manager: EntityManager, session: NewRefreshSession, now: Date): Promise<string> {
    const id = randomUUID();
    await manager.insert(RefreshSessionEntity, { id, ...session, createdAt: now, revokedAt: null, replacedBy: null });
    return id;
  }

  /** The token with this hash, its row locked until the transaction ends: concurrent refreshes take turns. */
  async findByTokenHashForUpdate(manager: EntityManager, tokenHash: Buffer): Promise<RefreshSession | undefined> {
    const row = await manager.findOne(RefreshSessionEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } });
    return row?.toDomain();
  }

  async findByTokenHash(tokenHash: Buffer): Promise<RefreshSession | undefined> {
    return (await this.dataSource.manager.findOne(RefreshSessionEntity, { where: { tokenHash } }))?.toDomain();
  }

  async markReplaced(manager: EntityManager, id: string, replacedBy: string, now: Date): Promise<void> {
    await manager.update(RefreshSessionEntity, { id }, { revokedAt: now, replacedBy });
  }

  /**
   * Ends a session: revokes every token of it that is not revoked yet, and announces the end in the
   * same transaction (SessionsEnded), so that its access tokens are refused at once. Returns how many
   * tokens it revoked.
   */
  async revokeFamily(manager: EntityManager, familyId: string, now: Date, reason: SessionEndReason): Promise<number> {
    return this.endSessions(manager, 'family_id = $1', [familyId], now, reason);
  }

  /** Whether the session still has a live token: it was neither signed out, revoked, nor has it expired. */
  async isFamilyLive(familyId: string, now: Date): Promise<boolean> {
    return this.dataSource.manager.exists(RefreshSessionEntity, {
      where: { familyId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
    });
  }

  /** Ends every session of the user, except one if named (as revokeFamily); returns how many tokens it revoked. */
  async revokeAllOfUser(manager: EntityManager, userId: string, now: Date, reason: SessionEndReason, exceptFamilyId?: string): Promise<number> {
    return exceptFamilyId === undefined
      ? this.endSessions(manager, 'user_id = $1', [userId], now, reason)
      : this.endSessions(manager, 'user_id = $1 AND family_id <> $2', [userId, exceptFamilyId], now, reason);
  }

  private async endSessions(manager: EntityManager, which: string, values: unknown[], now: Date, reason: SessionEndReason): Promise<number> {
    const nowParameter = `$${values.length + 1}`;
    const revoked: { family_id: string; user_id: string; organisation_id: string }[] = await manager.query(
      `WITH revoked AS (
         UPDATE refresh_session SET revoked_at = ${nowParameter} WHERE ${which} AND revoked_at IS NULL RETURNING family_id, user_id
       )
       SELECT revoked.family_id, revoked.user_id, user_account.organisation_id
         FROM revoked JOIN user_account ON user_account.user_id = revoked.user_id`,
      [...values, now],
    );
    // One user per call: every caller names one user's sessions.
    for (const [userId, rows] of groupBy(revoked, (row) => row.user_id)) {
      const ended: SessionsEndedV1 = {
        userId,
        organisationId: rows[0].organisation_id,
        sessionIds: [...new Set(rows.map((row) => row.family_id))],
        reason,
        endedAt: now.toISOString(),
      };
      await announceSessionsEnded(manager, ended, now);
    }
    return revoked.length;
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
