import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { AdminAuditEntry, AdminAuditLog } from '../application/admin-audit.port';
import { AdminAuditEntity } from './entities/admin-audit.entity';

/** The admin audit trail in `admin_audit`, written through the transaction in progress. */
@Injectable()
export class DatabaseAdminAuditLog implements AdminAuditLog {
  constructor(@Inject(Database) private readonly database: Database) {}

  async record(entry: AdminAuditEntry, now: Date): Promise<void> {
    const row = new AdminAuditEntity();
    row.occurredAt = now;
    row.actorUserId = entry.actorUserId;
    row.action = entry.action;
    row.organisationId = entry.organisationId;
    row.subjectUserId = entry.subjectUserId;
    row.details = entry.details ?? {};
    await this.database.manager.save(AdminAuditEntity, row);
  }
}
