import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { AdminAuditFilter, AdminAuditReader, AdminAuditRow } from '../application/admin-audit.port';

/** Reads of `admin_audit` (append-only; written by DatabaseAdminAuditLog), newest first. */
@Injectable()
export class DatabaseAdminAuditReader implements AdminAuditReader {
  constructor(@Inject(Database) private readonly database: Database) {}

  list(filter: AdminAuditFilter): Promise<AdminAuditRow[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace('?', `$${parameters.length}`));
    };
    if (filter.organisationId !== undefined) add('a.organisation_id = ?', filter.organisationId);
    if (filter.action !== undefined) add('a.action = ?', filter.action);
    if (filter.from !== undefined) add('a.occurred_at >= ?', filter.from);
    if (filter.to !== undefined) add('a.occurred_at < ?', filter.to);
    if (filter.before !== undefined) {
      parameters.push(filter.before.occurredAt, filter.before.id);
      conditions.push(`(a.occurred_at, a.id) < ($${parameters.length - 1}, $${parameters.length}::bigint)`);
    }
    parameters.push(filter.limit);
    return this.database.query<AdminAuditRow>(
      `SELECT a.id::text AS id, a.occurred_at, a.actor_user_id, u.organisation_id AS actor_organisation_id,
              a.organisation_id, a.action, a.subject_user_id, a.details
         FROM admin_audit a LEFT JOIN user_account u ON u.user_id = a.actor_user_id
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${parameters.length}`,
      parameters,
    );
  }
}
