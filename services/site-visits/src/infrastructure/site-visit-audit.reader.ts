import { Inject, Injectable } from '@nestjs/common';
import { Database, KeysetConditions } from '@cms/service-defaults';
import type { SiteVisitAuditFilter, SiteVisitAuditRow, SiteVisitAuditStore } from '../application/site-visit-audit.port';

/**
 * Reads of `site_visit_audit`, newest first, on the service's own connection (as contact-logging's
 * audit reader): the reader role of row-level security holds no privilege on the audit, so the
 * filter below (`visibleToOrganisationId`, set from the caller in SiteVisitAuditQueries) is the wall
 * here and is passed for anyone but a CDSP administrator.
 */
@Injectable()
export class SiteVisitAuditReader implements SiteVisitAuditStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  list(filter: SiteVisitAuditFilter): Promise<SiteVisitAuditRow[]> {
    const where = new KeysetConditions('a.occurred_at', 'a.id');
    if (filter.visibleToOrganisationId !== undefined) {
      where.add(
        `(a.actor_organisation_id = ?::uuid
          OR EXISTS (SELECT 1 FROM involved_contact c WHERE c.crn = a.crn AND ?::uuid = ANY (c.organisation_ids)))`,
        filter.visibleToOrganisationId,
      );
    }
    if (filter.action !== undefined) where.add('a.action = ?', filter.action);
    if (filter.crn !== undefined) where.add('a.crn = ?', filter.crn);
    if (filter.siteVisitId !== undefined) where.add('a.site_visit_id = ?::uuid', filter.siteVisitId);
    where.keyset(filter);
    return this.database.query<SiteVisitAuditRow>(
      `SELECT a.id::text AS id, a.occurred_at, a.actor_user_id, a.actor_organisation_id, a.action, a.site_visit_id, a.crn,
              a.before, a.after, a.trace_id
         FROM site_visit_audit a
        ${where.where()}
        ${where.newestFirst(filter.limit)}`,
      where.parameters,
    );
  }
}
