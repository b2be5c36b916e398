import type { DataSource } from 'typeorm';

export interface ContactAuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string;
  actor_organisation_id: string;
  action: string;
  crn: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  trace_id: string | null;
}

export interface ContactAuditFilter {
  /**
   * Only the records an organisation may read: those it acted in, and those of contacts it can see
   * (its id in the contact's `visible_to`); every record when absent.
   */
  visibleToOrganisationId?: string;
  action?: string;
  crn?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: records strictly older than this (occurred_at, id). */
  before?: { occurredAt: Date; id: string };
  limit: number;
}

/**
 * Reads of `contact_audit`, newest first. Runs as the service's own connection, NOT through
 * `readAsCaller`: the reader role `cms_contact_reader` of the row-level-security migration holds no
 * privilege on `contact_audit` (and the table has no policy), so the application filter below
 * (`visibleToOrganisationId`, set by the caller's organisation in ContactAuditQueries) is the only
 * wall here and must always be passed for anyone but a CDSP administrator.
 */
export class ContactAuditReader {
  constructor(private readonly dataSource: DataSource) {}

  list(filter: ContactAuditFilter): Promise<ContactAuditRow[]> {
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      parameters.push(value);
      conditions.push(sql.replace(/\?/g, `$${parameters.length}`));
    };
    if (filter.visibleToOrganisationId !== undefined) {
      add(
        `(a.actor_organisation_id = ?::uuid
          OR EXISTS (SELECT 1 FROM contact c WHERE c.crn = a.crn AND ?::uuid = ANY (c.visible_to)))`,
        filter.visibleToOrganisationId,
      );
    }
    if (filter.action !== undefined) add('a.action = ?', filter.action);
    if (filter.crn !== undefined) add('a.crn = ?', filter.crn);
    if (filter.from !== undefined) add('a.occurred_at >= ?', filter.from);
    if (filter.to !== undefined) add('a.occurred_at < ?', filter.to);
    if (filter.before !== undefined) {
      parameters.push(filter.before.occurredAt, filter.before.id);
      conditions.push(`(a.occurred_at, a.id) < ($${parameters.length - 1}, $${parameters.length}::bigint)`);
    }
    parameters.push(filter.limit);
    return this.dataSource.query(
      `SELECT a.id::text AS id, a.occurred_at, a.actor_user_id, a.actor_organisation_id, a.action, a.crn,
              a.before, a.after, a.trace_id
         FROM contact_audit a
        ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
        ORDER BY a.occurred_at DESC, a.id DESC LIMIT $${parameters.length}`,
      parameters,
    );
  }
}
