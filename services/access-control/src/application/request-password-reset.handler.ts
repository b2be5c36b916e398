import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, SERVICE_CONFIG, Transactions } from '@cms/service-defaults';
import type { AccessControlConfig } from '../access-control.config';
import { mayEmailResetAgain, resetTokenExpiry } from '../domain/password-reset';
import { LSO } from '../domain/roles';
import type { UserAccount } from '../domain/user-account';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { userNotFound } from './admin.problems';
import { MAILER, type Mailer } from './mail.port';
import { PASSWORD_RESET_TOKENS, type PasswordResetTokens } from './password-reset-tokens.port';
import { SECRETS, type Secrets } from './secrets.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

export interface PasswordResetSettings {
  ttlMinutes: number;
  emailIntervalSeconds: number;
  /** The web page that completes the reset; the link is this with `?token=…`. */
  resetUrlBase: string;
}

/**
 * `POST /users/{userId}/password-reset`: emails the user a single-use link to choose a new
 * password (OWASP Forgot Password Cheat Sheet).
 *
 * - By the user's LSO (signed in): the user must be of the LSO's organisation (else 404, as for a
 *   user that does not exist).
 * - Anonymously (forgotten password), or by a signed-in user who is not an LSO: always 202, and
 *   all the work, including whether the user exists, happens after the answer, so neither the
 *   answer nor its timing tells whether the user id exists. At most one email per user id per
 *   PASSWORD_RESET_EMAIL_INTERVAL_SECONDS; suspended users get none.
 *
 * The email is sent after the answer in both cases. Work still running when the service stops is
 * waited for.
 */
@Injectable()
export class RequestPasswordResetHandler implements OnModuleDestroy {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly settings: PasswordResetSettings;

  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(PASSWORD_RESET_TOKENS) private readonly resetTokens: PasswordResetTokens,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(SERVICE_CONFIG)
    config: Pick<AccessControlConfig, 'PASSWORD_RESET_TTL_MINUTES' | 'PASSWORD_RESET_EMAIL_INTERVAL_SECONDS' | 'PASSWORD_RESET_URL_BASE'>,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.settings = {
      ttlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
      emailIntervalSeconds: config.PASSWORD_RESET_EMAIL_INTERVAL_SECONDS,
      resetUrlBase: config.PASSWORD_RESET_URL_BASE,
    };
  }

  /** A signed-in caller: their LSO flow if they are an LSO, else the forgotten-password flow. */
  async bySignedInUser(caller: Caller, sessionId: string | undefined, userId: string): Promise<void> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) return this.anonymously(userId);
    const now = new Date();
    const issued = await this.transactions.run(async () => {
      const target = await this.users.findForUpdate(userId);
      if (!target || target.organisationId !== actor.organisationId) throw userNotFound();
      const token = await this.issue(target, now);
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: 'PASSWORD_RESET_REQUESTED',
          organisationId: target.organisationId,
          subjectUserId: userId,
        },
        now,
      );
      return { target, token };
    });
    this.logger.info(
      { event: 'password-reset.requested', userId, by: actor.userId },
      'password reset requested by LSO',
    );
    this.inBackground(() => this.sendEmail(issued.target, issued.token, actor.userId));
  }

  /** The forgotten-password flow: returns at once; the rest happens after the answer. */
  anonymously(userId: string): Promise<void> {
    this.inBackground(async () => {
      const now = new Date();
      const issued = await this.transactions.run(async () => {
        const target = await this.users.findForUpdate(userId);
        if (!target || target.status !== 'ACTIVE') return undefined;
        const last = await this.users.passwordResetRequestedAt(userId);
        if (!mayEmailResetAgain(last, now, this.settings.emailIntervalSeconds)) return 'RATE_LIMITED' as const;
        const token = await this.issue(target, now);
        await this.audit.record(
          {
            actorUserId: null,
            action: 'PASSWORD_RESET_REQUESTED',
            organisationId: target.organisationId,
            subjectUserId: userId,
          },
          now,
        );
        return { target, token };
      });
      if (issued === undefined) {
        // The id asked for is not logged: it may be a mistyped password, or not a user at all.
        this.logger.info(
          { event: 'password-reset.ignored' },
          'forgotten-password request for no active user; nothing sent',
        );
        return;
      }
      if (issued === 'RATE_LIMITED') {
        this.logger.info(
          { event: 'password-reset.rate-limited', userId },
          'forgotten-password request within the interval; nothing sent',
        );
        return;
      }
      this.logger.info({ event: 'password-reset.requested', userId }, 'password reset requested (forgotten password)');
      await this.sendEmail(issued.target, issued.token, undefined);
    });
    return Promise.resolve();
  }

  /** Waits for emails still being prepared or sent (called as the service stops, and by tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async onModuleDestroy(): Promise<void> {
    await this.drain();
    this.mailer.close();
  }

  private async issue(target: UserAccount, now: Date): Promise<string> {
    const token = this.secrets.newPasswordResetToken();
    await this.resetTokens.replace(
      target.userId,
      this.secrets.passwordResetTokenHash(token),
      resetTokenExpiry(now, this.settings.ttlMinutes),
      now,
    );
    await this.users.update(target.userId, { passwordResetRequestedAt: now });
    return token;
  }

  private async sendEmail(user: UserAccount, token: string, lsoUserId: string | undefined): Promise<void> {
    const link = new URL(this.settings.resetUrlBase);
    link.searchParams.set('token', token);
    const why = lsoUserId ? `Your Local Security Officer (${lsoUserId}) has asked` : 'Someone (we hope you) has asked';
    await this.mailer.send({
      to: user.email,
      subject: 'Reset your CMS password',
      text: [
        `Hello ${user.displayName},`,
        '',
        `${why} for the password of your CMS user id ${user.userId} to be reset.`,
        `Open this link within ${this.settings.ttlMinutes} minutes to choose a new password. It works once.`,
        '',
        link.toString(),
        '',
        'If you did not expect this email, ignore it: your password stays as it is.',
      ].join('\n'),
    });
    this.logger.info(
      { event: 'password-reset.emailed', userId: user.userId },
      'password reset email handed to the mailer',
    );
  }

  private inBackground(work: () => Promise<void>): void {
    const running = work().catch((error: unknown) => {
      this.logger.error(
        { err: error, event: 'password-reset.failed' },
        'password reset email could not be prepared or sent',
      );
    });
    this.inFlight.add(running);
    void running.finally(() => this.inFlight.delete(running));
  }
}
