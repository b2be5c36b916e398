import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { passwordPolicyViolations } from '../domain/password-policy';
import { decideSignIn, type LockoutPolicy } from '../domain/sign-in-lockout';
import type { AdminAuditLog } from '../infrastructure/admin-audit.log';
import type { PasswordHasher } from '../infrastructure/password-hasher';
import type { PasswordResetTokenRepository } from '../infrastructure/password-reset-token.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { currentPasswordIncorrect, passwordRejected } from './admin.problems';

/**
 * `POST /auth/password`: the signed-in user changes their password, proving the current one. This
 * is also how a user with a temporary password (must-change-password) chooses their own. A wrong
 * current password counts towards the sign-in lockout, so a stolen access token cannot be used to
 * guess the password at leisure. Every other session of the user ends; this one stays, and its
 * next refresh no longer carries the password-change claim.
 */
export class ChangePasswordHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly resetTokens: PasswordResetTokenRepository,
    private readonly passwords: PasswordHasher,
    private readonly audit: AdminAuditLog,
    private readonly lockout: LockoutPolicy,
    private readonly logger: Logger,
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

    const changed = await this.dataSource.transaction(async (manager): Promise<boolean> => {
      const user = await this.users.findForUpdate(manager, actor.userId);
      if (!user) return false;
      const decision = decideSignIn(user, matches && user.passwordHash === actor.passwordHash, now, this.lockout);
      if (!decision.accepted) {
        await this.users.saveSignInCounters(manager, user.userId, decision.next);
        return false;
      }
      await this.users.update(manager, user.userId, {
        passwordHash: newHash,
        mustChangePassword: false,
        failedSignIns: 0,
        lockedUntil: null,
      });
      await this.sessions.revokeAllOfUser(manager, user.userId, now, 'PASSWORD_CHANGED', sessionId);
      await this.resetTokens.spendAll(manager, user.userId, now);
      await this.audit.record(
        manager,
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
