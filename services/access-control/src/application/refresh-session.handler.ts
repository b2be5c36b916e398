import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import type { Organisation } from '../domain/organisation';
import { decideRefresh, rotatedExpiry } from '../domain/refresh-session';
import type { UserAccount } from '../domain/user-account';
import { invalidRefreshToken } from './auth.problems';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { SECRETS, type Secrets } from './secrets.port';
import { SessionEnder } from './session-ender';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { ACCESS_TOKEN_SIGNING, type AccessTokenSigning } from './token-signing.port';
import { tokenPair, type TokenPair } from './tokens';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

type Outcome =
  | { rotated: true; user: UserAccount; organisation: Organisation; sessionId: string; refreshToken: string }
  | { rotated: false; reason: 'UNKNOWN' | 'REUSED' | 'EXPIRED' | 'USER_CANNOT_SIGN_IN'; userId?: string; familyId?: string };

/**
 * `POST /auth/refresh`: a refresh token for a new access token and a new refresh token. The token
 * presented is revoked (rotation); presenting it again revokes the whole session.
 */
@Injectable()
export class RefreshSessionHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(ACCESS_TOKEN_SIGNING) private readonly signer: AccessTokenSigning,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(presented: string): Promise<TokenPair> {
    const now = new Date();
    // The transaction commits whatever it decided, including the revocation of a reused family;
    // the rejection is raised only after the commit.
    const outcome = await this.transactions.run(async (): Promise<Outcome> => {
      const current = await this.sessions.findByTokenHashForUpdate(this.secrets.refreshTokenHash(presented));
      if (!current) return { rotated: false, reason: 'UNKNOWN' };
      const { userId, familyId } = current;
      const decision = decideRefresh(current, now);
      if (decision === 'REUSED') {
        await this.sessionEnder.endFamily(familyId, now, 'REFRESH_TOKEN_REUSED');
        return { rotated: false, reason: 'REUSED', userId, familyId };
      }
      if (decision === 'EXPIRED') return { rotated: false, reason: 'EXPIRED', userId, familyId };
      // Roles and organisation are read afresh: a change by the LSO shows in the next access token.
      const user = await this.users.find(userId);
      const organisation = user && (await this.organisations.get(user.organisationId));
      if (!user || !organisation || user.status !== 'ACTIVE') {
        await this.sessionEnder.endFamily(familyId, now, 'USER_SUSPENDED');
        return { rotated: false, reason: 'USER_CANNOT_SIGN_IN', userId, familyId };
      }
      const refreshToken = this.secrets.newRefreshToken();
      const replacement = await this.sessions.add(
        { userId, familyId, tokenHash: this.secrets.refreshTokenHash(refreshToken), expiresAt: rotatedExpiry(current) },
        now,
      );
      await this.sessions.markReplaced(current.id, replacement, now);
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
