import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { refreshTokenHash } from '../infrastructure/refresh-token';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';

/**
 * `POST /auth/logout`: ends the session the refresh token belongs to (every token of it). Holding
 * the refresh token is the proof of being signed in to that session. The answer is the same
 * whether or not the token was known, so the route cannot be used to test tokens.
 */
export class SignOutHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: RefreshSessionRepository,
    private readonly logger: Logger,
  ) {}

  async execute(presented: string): Promise<void> {
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const session = await this.sessions.findByTokenHashForUpdate(manager, refreshTokenHash(presented));
      if (!session) return;
      const revoked = await this.sessions.revokeFamily(manager, session.familyId, now, 'SIGNED_OUT');
      this.logger.info({ event: 'sign-out', userId: session.userId, sessionId: session.familyId, revoked }, 'signed out');
    });
  }
}
