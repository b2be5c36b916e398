/**
 * A sign-in session, held by the client as a refresh token. Each refresh replaces the token with a
 * new one (rotation); all the tokens of one sign-in share a family. Presenting a token that was
 * already replaced means a copy of it is in someone else's hands, so the whole family is revoked
 * (OAuth 2.0 Security BCP, RFC 9700 §4.14.2, "refresh token rotation").
 */
export interface RefreshSession {
  id: string;
  userId: string;
  familyId: string;
  expiresAt: Date;
  revokedAt: Date | null;
  replacedBy: string | null;
}

export type RefreshDecision = 'ROTATE' | 'REUSED' | 'EXPIRED';

export function decideRefresh(session: Pick<RefreshSession, 'expiresAt' | 'revokedAt'>, now: Date): RefreshDecision {
  if (session.revokedAt !== null) return 'REUSED';
  if (session.expiresAt.getTime() <= now.getTime()) return 'EXPIRED';
  return 'ROTATE';
}

/** When a session that starts now ends. */
export function sessionExpiry(now: Date, refreshTokenTtlHours: number): Date {
  return new Date(now.getTime() + refreshTokenTtlHours * 3_600_000);
}

/**
 * A rotated token keeps the expiry of the token it replaces: a session lasts REFRESH_TOKEN_TTL_HOURS
 * from sign-in however often it is refreshed, so a stolen session cannot be kept alive for ever.
 */
export function rotatedExpiry(session: Pick<RefreshSession, 'expiresAt'>): Date {
  return session.expiresAt;
}
