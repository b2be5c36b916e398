import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { LSO } from '../domain/roles';
import { DELETED_USER } from '../domain/user-account';
import { refuseUserDeletion } from '../domain/user-administration';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { changeRefused, lsoOnly, userNotFound } from './admin.problems';
import { SessionEnder } from './session-ender';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `DELETE /users/{userId}`: the organisation's LSO deletes a user (docs/domain.md "Who uses it").
 * In one transaction: the account can no longer sign in, every session of it ends at once (its
 * tokens refused by every gateway from the commit on), its name, email and telephone are replaced
 * (DELETED_USER), and the audit keeps who did it. The row stays, so the user id is never reused.
 */
@Injectable()
export class DeleteUserHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, userId: string): Promise<void> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    // The role is checked before the user is looked up, so a refusal tells nothing about the user.
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const now = new Date();
    await this.transactions.run(async () => {
      const target = await this.users.findForUpdate(userId);
      if (!target || target.organisationId !== actor.organisationId || target.status === 'DELETED') throw userNotFound();
      const refusal = refuseUserDeletion(actor.userId, target);
      if (refusal) throw changeRefused(refusal);
      await this.users.update(userId, { ...DELETED_USER, status: 'DELETED', mustChangePassword: false, failedSignIns: 0, lockedUntil: null });
      await this.sessionEnder.endAllOfUser(userId, now, 'USER_DELETED');
      await this.audit.record(
        { action: 'USER_DELETED', actorUserId: actor.userId, organisationId: actor.organisationId, subjectUserId: userId, details: { previousStatus: target.status } },
        now,
      );
    });
    this.logger.info({ event: 'user.deleted', userId, by: actor.userId }, 'user deleted');
  }
}
