import type { RefreshSession } from '../domain/refresh-session';

export interface NewRefreshSession {
  userId: string;
  familyId: string;
  tokenHash: Buffer;
  expiresAt: Date;
}

/** A refresh token just revoked: its session (family), its user and the user's organisation. */
export interface RevokedRefreshToken {
  familyId: string;
  userId: string;
  organisationId: string;
}

/**
 * Port: the refresh sessions (a session is a family of refresh tokens, each replacing the last).
 * Inside `Transactions.run` every method takes part in the transaction; the `ForUpdate` read locks
 * the row until it ends. Revoking does not announce: use SessionEnder, which does both.
 */
export interface RefreshSessions {
  /** Stores a new refresh token of a session; returns its id. */
  add(session: NewRefreshSession, now: Date): Promise<string>;
  /** The token with this hash, its row locked until the transaction ends: concurrent refreshes take turns. */
  findByTokenHashForUpdate(tokenHash: Buffer): Promise<RefreshSession | undefined>;
  findByTokenHash(tokenHash: Buffer): Promise<RefreshSession | undefined>;
  markReplaced(id: string, replacedBy: string, now: Date): Promise<void>;
  /** Whether the session still has a live token: it was neither signed out, revoked, nor has it expired. */
  isFamilyLive(familyId: string, now: Date): Promise<boolean>;
  /** Revokes every token of the session not revoked yet; returns those it revoked. */
  revokeFamily(familyId: string, now: Date): Promise<RevokedRefreshToken[]>;
  /** Revokes every token of the user's sessions not revoked yet, except one session if named; returns those it revoked. */
  revokeAllOfUser(userId: string, now: Date, exceptFamilyId?: string): Promise<RevokedRefreshToken[]>;
}

export const REFRESH_SESSIONS = Symbol('REFRESH_SESSIONS');
