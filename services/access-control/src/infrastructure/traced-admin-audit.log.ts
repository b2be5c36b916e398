import type { EntityManager } from 'typeorm';
import { currentTraceId } from '@cms/observability';
import { AdminAuditLog, type AdminAuditEntry } from './admin-audit.log';

/**
 * The admin audit log, with the trace id of the request that made the change (the `admin_audit`
 * table has no column for it, so it is kept in `details.traceId`; the audit API reads it from there).
 */
export class TracedAdminAuditLog extends AdminAuditLog {
  override async record(manager: EntityManager, entry: AdminAuditEntry, now: Date): Promise<void> {
    const traceId = currentTraceId();
    await super.record(manager, traceId ? { ...entry, details: { ...entry.details, traceId } } : entry, now);
  }
}
