import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import type { Organisation } from '../domain/organisation';
import { sessionExpiry } from '../domain/refresh-session';
import { decideSignIn, type LockoutPolicy, type SignInRejection } from '../domain/sign-in-lockout';
import type { UserAccount } from '../domain/user-account';
import type { AccessTokenSigner } from '../infrastructure/access-token.signer';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import type { PasswordHasher } from '../infrastructure/password-hasher';
import { newRefreshToken, refreshTokenHash } from '../infrastructure/refresh-token';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { invalidCredentials } from './auth.problems';
import { tokenPair, type TokenPair } from './tokens';

type Attempt =
  | { accepted: true; user: UserAccount; organisation: Organisation; sessionId: string; refreshToken: string }
  | { accepted: false; reason: SignInRejection | 'UNKNOWN_USER'; lockedNow: boolean };

/** `POST /auth/login`: user id and password for an access token and a refresh token. */
export class SignInHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly passwords: PasswordHasher,
    private readonly signer: AccessTokenSigner,
    private readonly settings: { lockout: LockoutPolicy; refreshTokenTtlHours: number },
    private readonly logger: Logger,
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
      : await this.dataSource.transaction(async (manager): Promise<Attempt> => {
          // Attempts on one account take turns on its row, so concurrent guesses are all counted.
          const user = await this.users.findForUpdate(manager, userId);
          if (!user) return { accepted: false, reason: 'UNKNOWN_USER', lockedNow: false };
          // A password changed between the read and the lock makes the verification stale.
          const matches = passwordMatches && user.passwordHash === known.passwordHash;
          const decision = decideSignIn(user, matches, now, this.settings.lockout);
          if (decision.next.failedSignIns !== user.failedSignIns || decision.next.lockedUntil !== user.lockedUntil) {
            await this.users.saveSignInCounters(manager, userId, decision.next);
          }
          if (!decision.accepted) return { accepted: false, reason: decision.reason, lockedNow: decision.lockedNow };
          const organisation = await this.organisations.get(user.organisationId, manager);
          if (!organisation) throw new Error(`user ${userId} belongs to no organisation`);
          const refreshToken = newRefreshToken();
          const sessionId = randomUUID();
          await this.sessions.add(
            manager,
            {
              userId,
              familyId: sessionId,
              tokenHash: refreshTokenHash(refreshToken),
              expiresAt: sessionExpiry(now, this.settings.refreshTokenTtlHours),
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
