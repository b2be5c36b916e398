import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Organisation } from '../domain/organisation';
import { decideRefresh, rotatedExpiry } from '../domain/refresh-session';
import type { UserAccount } from '../domain/user-account';
import type { AccessTokenSigner } from '../infrastructure/access-token.signer';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import { newRefreshToken, refreshTokenHash } from '../infrastructure/refresh-token';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { invalidRefreshToken } from './auth.problems';
import { tokenPair, type TokenPair } from './tokens';

type Outcome =
  | { rotated: true; user: UserAccount; organisation: Organisation; sessionId: string; refreshToken: string }
  | { rotated: false; reason: 'UNKNOWN' | 'REUSED' | 'EXPIRED' | 'USER_CANNOT_SIGN_IN'; userId?: string; familyId?: string };

/**
 * `POST /auth/refresh`: a refresh token for a new access token and a new refresh token. The token
 * presented is revoked (rotation); presenting it again revokes the whole session.
 */
export class RefreshSessionHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly signer: AccessTokenSigner,
    private readonly logger: Logger,
  ) {}

  async execute(presented: string): Promise<TokenPair> {
    const now = new Date();
    // The transaction commits whatever it decided, including the revocation of a reused family;
    // the rejection is raised only after the commit.
    const outcome = await this.dataSource.transaction(async (manager): Promise<Outcome> => {
      const current = await this.sessions.findByTokenHashForUpdate(manager, refreshTokenHash(presented));
      if (!current) return { rotated: false, reason: 'UNKNOWN' };
      const { userId, familyId } = current;
      const decision = decideRefresh(current, now);
      if (decision === 'REUSED') {
        await this.sessions.revokeFamily(manager, familyId, now, 'REFRESH_TOKEN_REUSED');
        return { rotated: false, reason: 'REUSED', userId, familyId };
      }
      if (decision === 'EXPIRED') return { rotated: false, reason: 'EXPIRED', userId, familyId };
      // Roles and organisation are read afresh: a change by the LSO shows in the next access token.
      const user = await this.users.find(userId, manager);
      const organisation = user && (await this.organisations.get(user.organisationId, manager));
      if (!user || !organisation || user.status !== 'ACTIVE') {
        await this.sessions.revokeFamily(manager, familyId, now, 'USER_SUSPENDED');
        return { rotated: false, reason: 'USER_CANNOT_SIGN_IN', userId, familyId };
      }
      const refreshToken = newRefreshToken();
      const replacement = await this.sessions.add(
        manager,
        { userId, familyId, tokenHash: refreshTokenHash(refreshToken), expiresAt: rotatedExpiry(current) },
        now,
      );
      await this.sessions.markReplaced(manager, current.id, replacement, now);
      return { rotated: true, user, organisation, sessionId: familyId, refreshToken };
    });

    if (!outcome.rotated) {
      const { reason, userId, familyId } = outcome;
      if (reason === 'REUSED') {
        this.logger.warn({ event: 'refresh.reuse-detected', userId, sessionId: familyId }, 'a replaced refresh token was presented again; session revoked');
      } else {
        this.logger.info({ event: 'refresh.rejected', reason, userId, sessionId: familyId }, 'refresh rejected');
      }
      throw invalidRefreshToken();
    }
    return tokenPair(this.signer, outcome.user, outcome.organisation, outcome.sessionId, outcome.refreshToken, now);
  }
}
