import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { SECRETS, type Secrets } from './secrets.port';
import { SessionEnder } from './session-ender';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';

/**
 * `POST /auth/logout`: ends the session the refresh token belongs to (every token of it). Holding
 * the refresh token is the proof of being signed in to that session. The answer is the same
 * whether or not the token was known, so the route cannot be used to test tokens.
 */
@Injectable()
export class SignOutHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(presented: string): Promise<void> {
    const now = new Date();
    await this.transactions.run(async () => {
      const session = await this.sessions.findByTokenHashForUpdate(this.secrets.refreshTokenHash(presented));
      if (!session) return;
      const revoked = await this.sessionEnder.endFamily(session.familyId, now, 'SIGNED_OUT');
      this.logger.info({ event: 'sign-out', userId: session.userId, sessionId: session.familyId, revoked }, 'signed out');
    });
  }
}
