import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { Transactions } from '@cms/service-defaults';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccountChanges, type UserAccounts } from './users.port';
import { WhoAmIHandler, type Me } from './who-am-i.handler';

export interface ProfileChange {
  displayName?: string;
  email?: string;
  telephone?: string | null;
}

/**
 * `PATCH /me`: a user changes their own name, email and telephone (docs/domain.md "Who uses it");
 * their user id, organisation and roles are their LSO's to change. The audit records which fields
 * changed and by whom, not the values: it is append-only, and personal data must be erasable.
 */
@Injectable()
export class UpdateProfileHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(WhoAmIHandler) private readonly whoAmI: WhoAmIHandler,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, change: ProfileChange): Promise<Me> {
    const user = await actingUser(this.users, this.sessions, caller, sessionId);
    const changes: UserAccountChanges = {};
    if (change.displayName !== undefined && change.displayName.trim() !== user.displayName) changes.displayName = change.displayName.trim();
    if (change.email !== undefined && change.email.trim() !== user.email) changes.email = change.email.trim();
    if (change.telephone !== undefined) {
      const telephone = change.telephone === null ? null : change.telephone.trim();
      if (telephone !== user.telephone) changes.telephone = telephone;
    }
    const fields = Object.keys(changes);
    if (fields.length > 0) {
      const now = new Date();
      await this.transactions.run(async () => {
        await this.users.update(user.userId, changes);
        await this.audit.record({ action: 'PROFILE_CHANGED', actorUserId: user.userId, organisationId: user.organisationId, subjectUserId: user.userId, details: { fields } }, now);
      });
    }
    return this.whoAmI.execute(caller, sessionId);
  }
}
