import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { keysetFilter, keysetPage, ProblemException, type AuditRecordItem, type KeysetPage, type KeysetPageRequest } from '@cms/service-defaults';
import { CDSP_ADMIN, LSO } from '../domain/roles';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_READER, type AdminAuditReader, type AdminAuditRow } from './admin-audit.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

export interface AdminAuditItem extends AuditRecordItem {
  actor: { userId: string | null; organisationId: string | null };
}

export type AdminAuditPage = KeysetPage<AdminAuditItem>;

export interface AdminAuditQuery extends KeysetPageRequest {
  organisationId?: string;
  action?: string;
  limit: number;
}

/**
 * `GET /audit`: the administrative actions, newest first. An LSO reads the records of its own
 * organisation, meaning the organisation acted upon (`admin_audit.organisation_id`: the user
 * created, suspended or reset, the API client registered, the organisation created), whoever the
 * actor was; a CDSP administrator reads every record and may narrow to one organisation; anyone
 * else is refused. Roles are read afresh (a suspended LSO is refused at once).
 */
@Injectable()
export class ListAdminAuditHandler {
  constructor(
    @Inject(ADMIN_AUDIT_READER) private readonly audit: AdminAuditReader,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, query: AdminAuditQuery): Promise<AdminAuditPage> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    const isCdspAdmin = actor.roles.includes(CDSP_ADMIN) && caller.organisationType === 'CDSP';
    let organisationId: string | undefined;
    if (isCdspAdmin) {
      organisationId = query.organisationId;
    } else if (actor.roles.includes(LSO)) {
      // Another organisation's audit is answered as if the organisation did not exist, as for users.
      if (query.organisationId !== undefined && query.organisationId !== actor.organisationId) throw ProblemException.notFound();
      organisationId = actor.organisationId;
    } else {
      throw ProblemException.forbidden('Only a Local Security Officer (LSO) or a CDSP administrator may read the audit.');
    }
    const rows = await this.audit.list({ organisationId, action: query.action, ...keysetFilter(query, query.limit) });
    return keysetPage(rows, query.limit, (row) => ({ occurredAt: row.occurred_at, id: row.id }), itemOf);
  }
}

function itemOf(row: AdminAuditRow): AdminAuditItem {
  const { traceId, ...details } = row.details;
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { userId: row.actor_user_id, organisationId: row.actor_organisation_id },
    organisationId: row.organisation_id,
    action: row.action,
    ...beforeAndAfter(row, details),
    traceId: typeof traceId === 'string' ? traceId : null,
  };
}

/**
 * `admin_audit` keeps what changed in `details`; the before and after states follow from the
 * action where it names one (a status, roles, a lock), otherwise there is no before and the
 * details are what was created or done.
 */
function beforeAndAfter(
  row: AdminAuditRow,
  details: Record<string, unknown>,
): { before: Record<string, unknown> | null; after: Record<string, unknown> | null } {
  const subject = row.subject_user_id === null ? {} : { userId: row.subject_user_id };
  switch (row.action) {
    case 'USER_SUSPENDED':
      return { before: { ...subject, status: 'ACTIVE' }, after: { ...subject, status: 'SUSPENDED' } };
    case 'USER_REACTIVATED':
      return { before: { ...subject, status: 'SUSPENDED' }, after: { ...subject, status: 'ACTIVE' } };
    case 'USER_ROLES_CHANGED':
      return { before: { ...subject, roles: details.from ?? null }, after: { ...subject, roles: details.to ?? null } };
    case 'USER_DELETED':
      return { before: { ...subject, status: details.previousStatus ?? null }, after: { ...subject, status: 'DELETED' } };
    case 'USER_UNLOCKED':
      return { before: { ...subject, lockedUntil: details.lockedUntil ?? null }, after: { ...subject, lockedUntil: null } };
    default:
      return { before: null, after: { ...subject, ...details } };
  }
}
