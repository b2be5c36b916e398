import type { KeysetFilter } from '@cms/service-defaults';

/** Every action the administrative audit records: the API's list of them (GET /audit) is this one. */
export const ADMIN_ACTIONS = [
  'ORGANISATION_CREATED',
  'USER_CREATED',
  'USER_SUSPENDED',
  'USER_REACTIVATED',
  'USER_ROLES_CHANGED',
  'USER_UNLOCKED',
  'USER_DELETED',
  'PROFILE_CHANGED',
  'PASSWORD_CHANGED',
  'PASSWORD_RESET_REQUESTED',
  'PASSWORD_RESET_COMPLETED',
  'API_CLIENT_REGISTERED',
  'API_CLIENT_REVOKED',
  'API_CLIENT_SECRET_ROTATED',
  'SIGNING_KEY_ROTATED',
] as const;

export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export interface AdminAuditEntry {
  actorUserId: string | null;
  action: AdminAction;
  organisationId: string | null;
  subjectUserId: string | null;
  details?: Record<string, unknown>;
}

/**
 * Port: the append-only audit trail of administrative actions (docs/quality.md "Security").
 * Recorded inside `Transactions.run`, in the transaction of the change, so there is never a change
 * without its record. Never holds a password or a token.
 */
export interface AdminAuditLog {
  record(entry: AdminAuditEntry, now: Date): Promise<void>;
}

export const ADMIN_AUDIT_LOG = Symbol('ADMIN_AUDIT_LOG');

export interface AdminAuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string | null;
  /** The actor's organisation, from user_account (a user never changes organisation); null if anonymous. */
  actor_organisation_id: string | null;
  organisation_id: string | null;
  action: string;
  subject_user_id: string | null;
  details: Record<string, unknown>;
}

export interface AdminAuditFilter extends KeysetFilter {
  /** Only records of this organisation (the organisation acted upon); all when absent. */
  organisationId?: string;
  action?: string;
}

/** Port: reads of the admin audit trail, newest first. */
export interface AdminAuditReader {
  list(filter: AdminAuditFilter): Promise<AdminAuditRow[]>;
}

export const ADMIN_AUDIT_READER = Symbol('ADMIN_AUDIT_READER');
