import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { LSO, type Role } from '../domain/roles';
import { refuseUserChange, type UserChange } from '../domain/user-administration';
import type { UserAccount } from '../domain/user-account';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditEntry, type AdminAuditLog } from './admin-audit.port';
import { changeRefused, lsoOnly, userNotFound } from './admin.problems';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { SessionEnder } from './session-ender';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { userView, type UserView } from './user-view';
import { USER_ACCOUNTS, type UserAccountChanges, type UserAccounts } from './users.port';

/**
 * `PATCH /users/{userId}`: the organisation's LSO suspends or reactivates a user, sets their roles,
 * or lifts a sign-in lock. A suspension ends every session of the user at once: their refresh
 * tokens are revoked, and sign-in, refresh and `/me` refuse them from then on.
 */
@Injectable()
export class UpdateUserHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, userId: string, change: UserChange): Promise<UserView> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    // The role is checked before the user is looked up, so a refusal tells nothing about the user.
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const organisation = await this.organisations.get(actor.organisationId);
    if (!organisation) throw lsoOnly();
    const now = new Date();

    const updated = await this.transactions.run(async (): Promise<UserAccount> => {
      const target = await this.users.findForUpdate(userId);
      if (!target || target.organisationId !== actor.organisationId || target.status === 'DELETED') throw userNotFound();
      const refusal = refuseUserChange(actor.userId, target, organisation.type, change);
      if (refusal) throw changeRefused(refusal);

      const changes: UserAccountChanges = {};
      const entries: Omit<AdminAuditEntry, 'actorUserId' | 'organisationId' | 'subjectUserId'>[] = [];
      if (change.status !== undefined && change.status !== target.status) {
        changes.status = change.status;
        entries.push({ action: change.status === 'SUSPENDED' ? 'USER_SUSPENDED' : 'USER_REACTIVATED' });
      }
      if (change.roles !== undefined) {
        const roles = [...new Set(change.roles)] as Role[];
        if (roles.length !== target.roles.length || roles.some((role) => !target.roles.includes(role))) {
          changes.roles = roles;
          entries.push({ action: 'USER_ROLES_CHANGED', details: { from: target.roles, to: roles } });
        }
      }
      if (change.unlock) {
        changes.failedSignIns = 0;
        changes.lockedUntil = null;
        entries.push({ action: 'USER_UNLOCKED', details: { lockedUntil: target.lockedUntil?.toISOString() ?? null } });
      }
      if (Object.keys(changes).length > 0) await this.users.update(userId, changes);
      if (changes.status === 'SUSPENDED') await this.sessionEnder.endAllOfUser(userId, now, 'USER_SUSPENDED');
      for (const entry of entries) {
        await this.audit.record(
          { ...entry, actorUserId: actor.userId, organisationId: organisation.id, subjectUserId: userId },
          now,
        );
      }
      return { ...target, ...changes } as UserAccount;
    });
    this.logger.info({ event: 'user.updated', userId, by: actor.userId, change }, 'user updated');
    return userView(updated, now);
  }
}
