import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, SERVICE_CONFIG, Transactions } from '@cms/service-defaults';
import type { AccessControlConfig } from '../access-control.config';
import type { Organisation } from '../domain/organisation';
import { sessionExpiry } from '../domain/refresh-session';
import { decideSignIn, type SignInRejection } from '../domain/sign-in-lockout';
import type { UserAccount } from '../domain/user-account';
import { invalidCredentials } from './auth.problems';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { PASSWORD_HASHING, type PasswordHashing } from './password-hashing.port';
import { SECRETS, type Secrets } from './secrets.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { ACCESS_TOKEN_SIGNING, type AccessTokenSigning } from './token-signing.port';
import { tokenPair, type TokenPair } from './tokens';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

type Attempt =
  | { accepted: true; user: UserAccount; organisation: Organisation; sessionId: string; refreshToken: string }
  | { accepted: false; reason: SignInRejection | 'UNKNOWN_USER'; lockedNow: boolean };

/** `POST /auth/login`: user id and password for an access token and a refresh token. */
@Injectable()
export class SignInHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(PASSWORD_HASHING) private readonly passwords: PasswordHashing,
    @Inject(ACCESS_TOKEN_SIGNING) private readonly signer: AccessTokenSigning,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(SERVICE_CONFIG)
    private readonly config: Pick<AccessControlConfig, 'LOCKOUT_THRESHOLD' | 'LOCKOUT_MINUTES' | 'REFRESH_TOKEN_TTL_HOURS'>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(userId: string, password: string): Promise<TokenPair> {
    const now = new Date();
    const known = await this.users.find(userId);
    // Always one argon2 verification, for unknown, suspended and locked users too, so that the
    // response time does not tell them apart. It runs before the row lock is taken, so slow
    // hashing never holds a database lock.
    const passwordMatches = await this.passwords.verify(known?.passwordHash, password);
    const attempt: Attempt = !known
      ? { accepted: false, reason: 'UNKNOWN_USER', lockedNow: false }
      : await this.transactions.run(async (): Promise<Attempt> => {
          // Attempts on one account take turns on its row, so concurrent guesses are all counted.
          const user = await this.users.findForUpdate(userId);
          if (!user) return { accepted: false, reason: 'UNKNOWN_USER', lockedNow: false };
          // A password changed between the read and the lock makes the verification stale.
          const matches = passwordMatches && user.passwordHash === known.passwordHash;
          const decision = decideSignIn(user, matches, now, {
            maxConsecutiveFailures: this.config.LOCKOUT_THRESHOLD,
            lockoutMinutes: this.config.LOCKOUT_MINUTES,
          });
          if (decision.next.failedSignIns !== user.failedSignIns || decision.next.lockedUntil !== user.lockedUntil) {
            await this.users.saveSignInCounters(userId, decision.next);
          }
          if (!decision.accepted) return { accepted: false, reason: decision.reason, lockedNow: decision.lockedNow };
          const organisation = await this.organisations.get(user.organisationId);
          if (!organisation) throw new Error(`user ${userId} belongs to no organisation`);
          const refreshToken = this.secrets.newRefreshToken();
          const sessionId = randomUUID();
          await this.sessions.add(
            {
              userId,
              familyId: sessionId,
              tokenHash: this.secrets.refreshTokenHash(refreshToken),
              expiresAt: sessionExpiry(now, this.config.REFRESH_TOKEN_TTL_HOURS),
            },
            now,
          );
          return { accepted: true, user, organisation, sessionId, refreshToken };
        });

    if (!attempt.accepted) {
      // The attempted id of an unknown user is not logged: people sometimes type a password there.
      this.logger.info(
        { event: 'sign-in.rejected', reason: attempt.reason, ...(known ? { userId } : {}), lockedNow: attempt.lockedNow },
        attempt.lockedNow ? 'sign-in rejected; account locked after repeated failures' : 'sign-in rejected',
      );
      throw invalidCredentials();
    }
    this.logger.info({ event: 'sign-in.accepted', userId, sessionId: attempt.sessionId }, 'signed in');
    return tokenPair(this.signer, attempt.user, attempt.organisation, attempt.sessionId, attempt.refreshToken, now);
  }
}
