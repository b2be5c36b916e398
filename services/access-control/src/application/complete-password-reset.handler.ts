import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { passwordPolicyViolations } from '../domain/password-policy';
import { isResetTokenUsable } from '../domain/password-reset';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { invalidResetToken, passwordRejected } from './admin.problems';
import { PASSWORD_HASHING, type PasswordHashing } from './password-hashing.port';
import { PASSWORD_RESET_TOKENS, type PasswordResetTokens } from './password-reset-tokens.port';
import { SECRETS, type Secrets } from './secrets.port';
import { SessionEnder } from './session-ender';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `POST /auth/password-reset/complete`: the emailed token and a new password. The token is spent;
 * every session of the user ends (whoever might have had the old password is signed out), and any
 * sign-in lock and must-change-password mark are cleared. A password the policy refuses leaves the
 * token unspent, so the user can try another.
 */
@Injectable()
export class CompletePasswordResetHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(PASSWORD_RESET_TOKENS) private readonly resetTokens: PasswordResetTokens,
    @Inject(PASSWORD_HASHING) private readonly passwords: PasswordHashing,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(token: string, newPassword: string): Promise<void> {
    const tokenHash = this.secrets.passwordResetTokenHash(token);
    const found = await this.resetTokens.find(tokenHash);
    if (!found || !isResetTokenUsable(found, new Date())) throw invalidResetToken();
    const violations = passwordPolicyViolations(newPassword, found.userId);
    if (violations.length > 0) throw passwordRejected(violations, 'newPassword');
    const newHash = await this.passwords.hash(newPassword);

    const now = new Date();
    const userId = await this.transactions.run(async (): Promise<string | undefined> => {
      // Locked and checked again: of two uses at once, only the first succeeds.
      const current = await this.resetTokens.findForUpdate(tokenHash);
      if (!current || !isResetTokenUsable(current, now)) return undefined;
      const user = await this.users.findForUpdate(current.userId);
      if (!user) return undefined;
      await this.users.update(user.userId, {
        passwordHash: newHash,
        mustChangePassword: false,
        failedSignIns: 0,
        lockedUntil: null,
      });
      await this.resetTokens.spendAll(user.userId, now);
      const revoked = await this.sessionEnder.endAllOfUser(user.userId, now, 'PASSWORD_RESET');
      await this.audit.record(
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
