import { Inject, Injectable } from '@nestjs/common';
import { Database, readAsCaller } from '@cms/service-defaults';
import type { ReadingCaller, SiteVisitListFilter, SiteVisitReads } from '../application/site-visit-reads.port';
import type { SiteVisit } from '../domain';
import { SITE_VISIT_COLUMNS, siteVisitOf, type SiteVisitRow } from './site-visit.row';

/** The caller's own filter on `site_visit` ($1 its organisation): involved in the visit's contact, or the CDSP. */
const INVOLVED = `($2::text = 'CDSP' OR EXISTS (SELECT 1 FROM involved_contact c WHERE c.crn = site_visit.crn AND $1::uuid = ANY (c.organisation_ids)))`;

/**
 * Reads of site visits on behalf of a caller: each runs as the caller (readAsCaller, row-level
 * security on site_visit and involved_contact) and filters on the caller itself as well.
 */
@Injectable()
export class SiteVisitReader implements SiteVisitReads {
  constructor(@Inject(Database) private readonly database: Database) {}

  find(caller: ReadingCaller, id: string): Promise<SiteVisit | undefined> {
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const [row] = (await manager.query(`SELECT ${SITE_VISIT_COLUMNS} FROM site_visit WHERE ${INVOLVED} AND id = $3`, [
        caller.organisationId,
        caller.organisationType,
        id,
      ])) as SiteVisitRow[];
      return row && siteVisitOf(row);
    });
  }

  ofContact(caller: ReadingCaller, crn: string): Promise<SiteVisit[] | undefined> {
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const parameters = [caller.organisationId, caller.organisationType, crn];
      const [contact] = (await manager.query(
        `SELECT 1 FROM involved_contact WHERE crn = $3 AND ($2::text = 'CDSP' OR $1::uuid = ANY (organisation_ids))`,
        parameters,
      )) as unknown[];
      if (!contact) return undefined;
      const rows = (await manager.query(
        `SELECT ${SITE_VISIT_COLUMNS} FROM site_visit WHERE ${INVOLVED} AND crn = $3 ORDER BY referred_at, id`,
        parameters,
      )) as SiteVisitRow[];
      return rows.map(siteVisitOf);
    });
  }

  /** A DN or IGT lists the visits referred to it; any other organisation those of contacts it is involved in; the CDSP all. */
  list(caller: ReadingCaller, filter: SiteVisitListFilter): Promise<SiteVisit[]> {
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const parameters: unknown[] = [caller.organisationId, caller.organisationType];
      const conditions = [INVOLVED];
      const add = (sql: string, ...values: unknown[]) => {
        const first = parameters.length + 1;
        parameters.push(...values);
        conditions.push(sql.replace(/\?(\d)/g, (_match, n: string) => `$${first + Number(n)}`));
      };
      if (caller.organisationType === 'DN' || caller.organisationType === 'IGT') add('transporter_organisation_id = ?0::uuid', caller.organisationId);
      if (filter.status !== undefined) add('status = ?0', filter.status);
      if (filter.dueFrom !== undefined) add('due_on >= ?0::date', filter.dueFrom);
      if (filter.dueTo !== undefined) add('due_on <= ?0::date', filter.dueTo);
      if (filter.after !== undefined) add('(due_on, id) > (?0::date, ?1::uuid)', filter.after.dueOn, filter.after.id);
      parameters.push(filter.limit);
      const rows = (await manager.query(
        `SELECT ${SITE_VISIT_COLUMNS} FROM site_visit WHERE ${conditions.join(' AND ')} ORDER BY due_on, id LIMIT $${parameters.length}`,
        parameters,
      )) as SiteVisitRow[];
      return rows.map(siteVisitOf);
    });
  }
}
