import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { passwordPolicyViolations } from '../domain/password-policy';
import { isResetTokenUsable } from '../domain/password-reset';
import type { AdminAuditLog } from '../infrastructure/admin-audit.log';
import type { PasswordHasher } from '../infrastructure/password-hasher';
import { passwordResetTokenHash } from '../infrastructure/password-reset-token';
import type { PasswordResetTokenRepository } from '../infrastructure/password-reset-token.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { invalidResetToken, passwordRejected } from './admin.problems';

/**
 * `POST /auth/password-reset/complete`: the emailed token and a new password. The token is spent;
 * every session of the user ends (whoever might have had the old password is signed out), and any
 * sign-in lock and must-change-password mark are cleared. A password the policy refuses leaves the
 * token unspent, so the user can try another.
 */
export class CompletePasswordResetHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly resetTokens: PasswordResetTokenRepository,
    private readonly passwords: PasswordHasher,
    private readonly audit: AdminAuditLog,
    private readonly logger: Logger,
  ) {}

  async execute(token: string, newPassword: string): Promise<void> {
    const tokenHash = passwordResetTokenHash(token);
    const found = await this.resetTokens.find(tokenHash);
    if (!found || !isResetTokenUsable(found, new Date())) throw invalidResetToken();
    const violations = passwordPolicyViolations(newPassword, found.userId);
    if (violations.length > 0) throw passwordRejected(violations, 'newPassword');
    const newHash = await this.passwords.hash(newPassword);

    const now = new Date();
    const userId = await this.dataSource.transaction(async (manager): Promise<string | undefined> => {
      // Locked and checked again: of two uses at once, only the first succeeds.
      const current = await this.resetTokens.findForUpdate(manager, tokenHash);
      if (!current || !isResetTokenUsable(current, now)) return undefined;
      const user = await this.users.findForUpdate(manager, current.userId);
      if (!user) return undefined;
      await this.users.update(manager, user.userId, {
        passwordHash: newHash,
        mustChangePassword: false,
        failedSignIns: 0,
        lockedUntil: null,
      });
      await this.resetTokens.spendAll(manager, user.userId, now);
      const revoked = await this.sessions.revokeAllOfUser(manager, user.userId, now, 'PASSWORD_RESET');
      await this.audit.record(
        manager,
        {
          actorUserId: user.userId,
          action: 'PASSWORD_RESET_COMPLETED',
          organisationId: user.organisationId,
          subjectUserId: user.userId,
          details: { sessionsRevoked: revoked },
        },
        now,
      );
      return user.userId;
    });
    if (userId === undefined) throw invalidResetToken();
    this.logger.info({ event: 'password-reset.completed', userId }, 'password reset completed; every session ended');
  }
}
