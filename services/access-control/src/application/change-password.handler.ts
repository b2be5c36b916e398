import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, SERVICE_CONFIG, Transactions } from '@cms/service-defaults';
import type { AccessControlConfig } from '../access-control.config';
import { passwordPolicyViolations } from '../domain/password-policy';
import { decideSignIn } from '../domain/sign-in-lockout';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { currentPasswordIncorrect, passwordRejected } from './admin.problems';
import { PASSWORD_HASHING, type PasswordHashing } from './password-hashing.port';
import { PASSWORD_RESET_TOKENS, type PasswordResetTokens } from './password-reset-tokens.port';
import { SessionEnder } from './session-ender';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `POST /auth/password`: the signed-in user changes their password, proving the current one. This
 * is also how a user with a temporary password (must-change-password) chooses their own. A wrong
 * current password counts towards the sign-in lockout, so a stolen access token cannot be used to
 * guess the password at leisure. Every other session of the user ends; this one stays, and its
 * next refresh no longer carries the password-change claim.
 */
@Injectable()
export class ChangePasswordHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(PASSWORD_RESET_TOKENS) private readonly resetTokens: PasswordResetTokens,
    @Inject(PASSWORD_HASHING) private readonly passwords: PasswordHashing,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(SERVICE_CONFIG) private readonly config: Pick<AccessControlConfig, 'LOCKOUT_THRESHOLD' | 'LOCKOUT_MINUTES'>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(
    caller: Caller,
    sessionId: string | undefined,
    currentPassword: string,
    newPassword: string,
  ): Promise<void> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    const violations = passwordPolicyViolations(newPassword, actor.userId);
    if (violations.length > 0) throw passwordRejected(violations, 'newPassword');
    const matches = await this.passwords.verify(actor.passwordHash, currentPassword);
    const newHash = await this.passwords.hash(newPassword);
    const now = new Date();

    const changed = await this.transactions.run(async (): Promise<boolean> => {
      const user = await this.users.findForUpdate(actor.userId);
      if (!user) return false;
      const decision = decideSignIn(user, matches && user.passwordHash === actor.passwordHash, now, {
        maxConsecutiveFailures: this.config.LOCKOUT_THRESHOLD,
        lockoutMinutes: this.config.LOCKOUT_MINUTES,
      });
      if (!decision.accepted) {
        await this.users.saveSignInCounters(user.userId, decision.next);
        return false;
      }
      await this.users.update(user.userId, {
        passwordHash: newHash,
        mustChangePassword: false,
        failedSignIns: 0,
        lockedUntil: null,
      });
      await this.sessionEnder.endAllOfUser(user.userId, now, 'PASSWORD_CHANGED', sessionId);
      await this.resetTokens.spendAll(user.userId, now);
      await this.audit.record(
        {
          actorUserId: user.userId,
          action: 'PASSWORD_CHANGED',
          organisationId: user.organisationId,
          subjectUserId: user.userId,
        },
        now,
      );
      return true;
    });
    if (!changed) {
      this.logger.info(
        { event: 'password-change.rejected', userId: actor.userId },
        'password change rejected: current password not correct',
      );
      throw currentPasswordIncorrect();
    }
    this.logger.info({ event: 'password-change.accepted', userId: actor.userId }, 'password changed');
  }
}
