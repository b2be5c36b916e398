import { Injectable } from '@nestjs/common';
import { currentTraceId } from '@cms/observability';
import type { AdminAuditEntry } from '../application/admin-audit.port';
import { DatabaseAdminAuditLog } from './admin-audit.log';

/**
 * The admin audit log, with the trace id of the request that made the change (the `admin_audit`
 * table has no column for it, so it is kept in `details.traceId`; the audit API reads it from there).
 */
@Injectable()
export class TracedAdminAuditLog extends DatabaseAdminAuditLog {
  override async record(entry: AdminAuditEntry, now: Date): Promise<void> {
    const traceId = currentTraceId();
    await super.record(traceId ? { ...entry, details: { ...entry.details, traceId } } : entry, now);
  }
}
