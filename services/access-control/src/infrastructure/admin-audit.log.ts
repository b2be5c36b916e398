import type { EntityManager } from 'typeorm';
import { AdminAuditEntity } from './entities/admin-audit.entity';

export type AdminAction =
  | 'ORGANISATION_CREATED'
  | 'USER_CREATED'
  | 'USER_SUSPENDED'
  | 'USER_REACTIVATED'
  | 'USER_ROLES_CHANGED'
  | 'USER_UNLOCKED'
  | 'PASSWORD_CHANGED'
  | 'PASSWORD_RESET_REQUESTED'
  | 'PASSWORD_RESET_COMPLETED'
  | 'API_CLIENT_REGISTERED'
  | 'API_CLIENT_REVOKED'
  | 'SIGNING_KEY_ROTATED';

export interface AdminAuditEntry {
  actorUserId: string | null;
  action: AdminAction;
  organisationId: string | null;
  subjectUserId: string | null;
  details?: Record<string, unknown>;
}

/**
 * The append-only audit trail of administrative actions (docs/quality.md "Security"). Written in
 * the same transaction as the change, so there is never a change without its record. Never holds
 * a password or a token.
 */
export class AdminAuditLog {
  async record(manager: EntityManager, entry: AdminAuditEntry, now: Date): Promise<void> {
    const row = new AdminAuditEntity();
    row.occurredAt = now;
    row.actorUserId = entry.actorUserId;
    row.action = entry.action;
    row.organisationId = entry.organisationId;
    row.subjectUserId = entry.subjectUserId;
    row.details = entry.details ?? {};
    await manager.save(AdminAuditEntity, row);
  }
}
