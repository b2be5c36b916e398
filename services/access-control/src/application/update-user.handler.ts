import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { LSO, type Role } from '../domain/roles';
import { refuseUserChange, type UserChange } from '../domain/user-administration';
import type { UserAccount } from '../domain/user-account';
import type { AdminAuditLog, AdminAuditEntry } from '../infrastructure/admin-audit.log';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountChanges, UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { changeRefused, lsoOnly, userNotFound } from './admin.problems';
import { userView, type UserView } from './user-view';

/**
 * `PATCH /users/{userId}`: the organisation's LSO suspends or reactivates a user, sets their roles,
 * or lifts a sign-in lock. A suspension ends every session of the user at once: their refresh
 * tokens are revoked, and sign-in, refresh and `/me` refuse them from then on.
 */
export class UpdateUserHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly audit: AdminAuditLog,
    private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, userId: string, change: UserChange): Promise<UserView> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    // The role is checked before the user is looked up, so a refusal tells nothing about the user.
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const organisation = await this.organisations.get(actor.organisationId);
    if (!organisation) throw lsoOnly();
    const now = new Date();

    const updated = await this.dataSource.transaction(async (manager): Promise<UserAccount> => {
      const target = await this.users.findForUpdate(manager, userId);
      if (!target || target.organisationId !== actor.organisationId) throw userNotFound();
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
      if (Object.keys(changes).length > 0) await this.users.update(manager, userId, changes);
      if (changes.status === 'SUSPENDED') await this.sessions.revokeAllOfUser(manager, userId, now, 'USER_SUSPENDED');
      for (const entry of entries) {
        await this.audit.record(
          manager,
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
