import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { actingUser } from './acting-user';
import { SessionEnder } from './session-ender';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `DELETE /me/sessions`: the signed-in user signs out everywhere (issue 14, "sign-out everywhere"):
 * every session of theirs ends, this one included, on every device. Announced in the same
 * transaction (SessionsEnded, reason SIGNED_OUT), so that every gateway refuses their access tokens
 * from the commit on, as when they sign out of one session.
 */
@Injectable()
export class SignOutEverywhereHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined): Promise<void> {
    const user = await actingUser(this.users, this.sessions, caller, sessionId);
    const now = new Date();
    const revoked = await this.transactions.run(() => this.sessionEnder.endAllOfUser(user.userId, now, 'SIGNED_OUT'));
    this.logger.info({ event: 'sign-out.everywhere', userId: user.userId, revoked }, 'signed out everywhere');
  }
}
