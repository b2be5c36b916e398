import { Injectable } from '@nestjs/common';
import { Database, KeysetConditions } from '@cms/service-defaults';
import type { ContactAuditFilter, ContactAuditRow, ContactAuditStore } from '../application/contact-audit.port';

/**
 * Reads of `contact_audit`, newest first. Runs as the service's own connection, NOT through
 * `readAsCaller`: the reader role `cms_contact_reader` of the row-level-security migration holds no
 * privilege on `contact_audit` (and the table has no policy), so the application filter below
 * (`visibleToOrganisationId`, set by the caller's organisation in ContactAuditQueries) is the only
 * wall here and must always be passed for anyone but a CDSP administrator.
 */
@Injectable()
export class ContactAuditReader implements ContactAuditStore {
  constructor(private readonly database: Database) {}

  list(filter: ContactAuditFilter): Promise<ContactAuditRow[]> {
    const where = new KeysetConditions('a.occurred_at', 'a.id');
    if (filter.visibleToOrganisationId !== undefined) {
      where.add(
        `(a.actor_organisation_id = ?::uuid
          OR EXISTS (SELECT 1 FROM contact c WHERE c.crn = a.crn AND ?::uuid = ANY (c.visible_to)))`,
        filter.visibleToOrganisationId,
      );
    }
    if (filter.action !== undefined) where.add('a.action = ?', filter.action);
    if (filter.crn !== undefined) where.add('a.crn = ?', filter.crn);
    where.keyset(filter);
    return this.database.query<ContactAuditRow>(
      `SELECT a.id::text AS id, a.occurred_at, a.actor_user_id, a.actor_organisation_id, a.action, a.crn,
              a.before, a.after, a.trace_id
         FROM contact_audit a
        ${where.where()}
        ${where.newestFirst(filter.limit)}`,
      where.parameters,
    );
  }
}
