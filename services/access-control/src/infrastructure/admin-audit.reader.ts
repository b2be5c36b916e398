import type { DataSource } from 'typeorm';

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

export interface AdminAuditFilter {
  /** Only records of this organisation (the organisation acted upon); all when absent. */
  organisationId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: records strictly older than this (occurred_at, id). */
  before?: { occurredAt: Date; id: string };
  limit: number;
}

/** Reads of `admin_audit` (append-only; written by AdminAuditLog), newest first. */
export class AdminAuditReader {
  constructor(private readonly dataSource: DataSource) {}

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
    return this.dataSource.query(
      `SELECT a.id::text AS id, a.occurred_at, a.actor_user_id, u.organisation_id AS actor_organisation_id,
              a.organisation_id, a.action, a.subject_user_id, a.details
         FROM admin_audit a LEFT JOIN user_account u ON u.user_id = a.actor_user_id
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${parameters.length}`,
      parameters,
    );
  }
}
