import { Inject, Injectable } from '@nestjs/common';
import { Database, KeysetConditions } from '@cms/service-defaults';
import type { AdminAuditFilter, AdminAuditReader, AdminAuditRow } from '../application/admin-audit.port';

/** Reads of `admin_audit` (append-only; written by DatabaseAdminAuditLog), newest first. */
@Injectable()
export class DatabaseAdminAuditReader implements AdminAuditReader {
  constructor(@Inject(Database) private readonly database: Database) {}

  list(filter: AdminAuditFilter): Promise<AdminAuditRow[]> {
    const where = new KeysetConditions('a.occurred_at', 'a.id');
    if (filter.organisationId !== undefined) where.add('a.organisation_id = ?', filter.organisationId);
    if (filter.action !== undefined) where.add('a.action = ?', filter.action);
    where.keyset(filter);
    return this.database.query<AdminAuditRow>(
      `SELECT a.id::text AS id, a.occurred_at, a.actor_user_id, u.organisation_id AS actor_organisation_id,
              a.organisation_id, a.action, a.subject_user_id, a.details
         FROM admin_audit a LEFT JOIN user_account u ON u.user_id = a.actor_user_id
        ${where.where()}
        ${where.newestFirst(filter.limit)}`,
      where.parameters,
    );
  }
}
