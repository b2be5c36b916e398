import { randomUUID } from 'node:crypto';
import { IsNull, MoreThan, Not, type DataSource, type EntityManager } from 'typeorm';
import type { RefreshSession } from '../domain/refresh-session';
import { RefreshSessionEntity } from './entities/refresh-session.entity';

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

  /** Revokes every token of the session that is not revoked yet; returns how many. */
  async revokeFamily(manager: EntityManager, familyId: string, now: Date): Promise<number> {
    const result = await manager.update(RefreshSessionEntity, { familyId, revokedAt: IsNull() }, { revokedAt: now });
    return result.affected ?? 0;
  }

  /** Whether the session still has a live token: it was neither signed out, revoked, nor has it expired. */
  async isFamilyLive(familyId: string, now: Date): Promise<boolean> {
    return this.dataSource.manager.exists(RefreshSessionEntity, {
      where: { familyId, revokedAt: IsNull(), expiresAt: MoreThan(now) },
    });
  }

  /** Revokes every live token of every session of the user, except one session if named; returns how many. */
  async revokeAllOfUser(manager: EntityManager, userId: string, now: Date, exceptFamilyId?: string): Promise<number> {
    const where =
      exceptFamilyId === undefined
        ? { userId, revokedAt: IsNull() }
        : { userId, revokedAt: IsNull(), familyId: Not(exceptFamilyId) };
    const result = await manager.update(RefreshSessionEntity, where, { revokedAt: now });
    return result.affected ?? 0;
  }
}
