import { Inject, Injectable } from '@nestjs/common';
import { SessionsEndedV1, type SessionEndReason } from '@cms/contracts';
import { EventOutbox } from '@cms/service-defaults';
import { REFRESH_SESSIONS, type RefreshSessions, type RevokedRefreshToken } from './sessions.port';

/**
 * Ends sessions: revokes every token of them that is not revoked yet, and announces the end in the
 * same transaction (SessionsEnded on `cms.access.v1`, through the outbox), so that every gateway
 * refuses their access tokens from the commit on. Call inside `Transactions.run`. Each method
 * returns how many tokens it revoked.
 */
@Injectable()
export class SessionEnder {
  constructor(
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(EventOutbox) private readonly events: EventOutbox,
  ) {}

  async endFamily(familyId: string, now: Date, reason: SessionEndReason): Promise<number> {
    return this.announce(await this.sessions.revokeFamily(familyId, now), now, reason);
  }

  /** Every session of the user, except one if named. */
  async endAllOfUser(userId: string, now: Date, reason: SessionEndReason, exceptFamilyId?: string): Promise<number> {
    return this.announce(await this.sessions.revokeAllOfUser(userId, now, exceptFamilyId), now, reason);
  }

  /** Announces sessions ended otherwise than by revoking refresh tokens (an API client's tokens). */
  async announceEnded(ended: SessionsEndedV1, now: Date): Promise<void> {
    await this.events.record({ type: SessionsEndedV1.type, subject: ended.userId, data: ended, time: now });
  }

  private async announce(revoked: RevokedRefreshToken[], now: Date, reason: SessionEndReason): Promise<number> {
    // One user per call: every caller names one user's sessions.
    for (const [userId, tokens] of groupBy(revoked, (token) => token.userId)) {
      await this.announceEnded(
        {
          userId,
          organisationId: tokens[0].organisationId,
          sessionIds: [...new Set(tokens.map((token) => token.familyId))],
          reason,
          endedAt: now.toISOString(),
        },
        now,
      );
    }
    return revoked.length;
  }
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
