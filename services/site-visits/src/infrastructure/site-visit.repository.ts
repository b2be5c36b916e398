import { Inject, Injectable } from '@nestjs/common';
import { auditAnonymisationFunction } from '@cms/persistence';
import { Database } from '@cms/service-defaults';
import type { SiteVisitChange, SiteVisitStore } from '../application/site-visit-store.port';
import { PERSONAL_SITE_VISIT_DATA, type SiteVisit } from '../domain';
import { SITE_VISIT_COLUMNS, siteVisitOf, type SiteVisitRow } from './site-visit.row';

const INSERT_AUDIT = `
  INSERT INTO site_visit_audit (occurred_at, actor_user_id, actor_organisation_id, action, site_visit_id, crn, before, after, trace_id)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`;

/**
 * The site visits in PostgreSQL, for commands: the service's own connection (not bound by the
 * row-level security of reads), through the kit's `Database`, so each statement takes part in the
 * transaction in progress with the audit record, the timers and the outbox row.
 */
@Injectable()
export class SiteVisitRepository implements SiteVisitStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async find(id: string): Promise<SiteVisit | undefined> {
    const [row] = await this.database.query<SiteVisitRow>(`SELECT ${SITE_VISIT_COLUMNS} FROM site_visit WHERE id = $1`, [id]);
    return row && siteVisitOf(row);
  }

  async lock(id: string): Promise<SiteVisit | undefined> {
    const [row] = await this.database.query<SiteVisitRow>(`SELECT ${SITE_VISIT_COLUMNS} FROM site_visit WHERE id = $1 FOR UPDATE`, [id]);
    return row && siteVisitOf(row);
  }

  async lockOpenOf(crn: string): Promise<SiteVisit | undefined> {
    const [row] = await this.database.query<SiteVisitRow>(
      `SELECT ${SITE_VISIT_COLUMNS} FROM site_visit WHERE crn = $1 AND status IN ('REFERRED', 'ACCEPTED') FOR UPDATE`,
      [crn],
    );
    return row && siteVisitOf(row);
  }

  async insert(visit: SiteVisit, change: SiteVisitChange): Promise<void> {
    await this.database.query(
      `INSERT INTO site_visit (id, crn, mprn, contact_type, transporter_organisation_id, confirm_status, instructions, details, status,
                               version, referred_by_user_id, referred_at, due_on, acceptance, finding, cancellation, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [
        visit.id,
        visit.crn,
        visit.mprn,
        visit.contactType,
        visit.transporterOrganisationId,
        visit.confirmStatus,
        visit.instructions,
        JSON.stringify(visit.details),
        visit.status,
        visit.version,
        visit.referredByUserId,
        visit.referredAt,
        visit.dueOn,
        json(visit.acceptance),
        json(visit.finding),
        json(visit.cancellation),
        visit.updatedAt,
      ],
    );
    await this.audit(null, visit, change);
  }

  async update(before: SiteVisit, after: SiteVisit, change: SiteVisitChange): Promise<void> {
    await this.database.query(
      `UPDATE site_visit
          SET status = $2, version = $3, acceptance = $4, finding = $5, cancellation = $6, updated_at = $7
        WHERE id = $1`,
      [after.id, after.status, after.version, json(after.acceptance), json(after.finding), json(after.cancellation), after.updatedAt],
    );
    await this.audit(before, after, change);
  }

  async anonymiseContact(crn: string, marker: string): Promise<void> {
    // The visit's row holds `instructions` as text and the rest as jsonb columns named by each path's first key.
    const within = (column: string) => PERSONAL_SITE_VISIT_DATA.filter((path) => path.startsWith(`${column}.`)).map((path) => path.slice(column.length + 1));
    await this.database.query(
      `UPDATE site_visit
          SET instructions = CASE WHEN instructions IS NULL THEN NULL ELSE $2 END,
              details = cms_redacted(details, $3, $2),
              acceptance = cms_redacted(acceptance, $4, $2),
              finding = cms_redacted(finding, $5, $2)
        WHERE crn = $1`,
      [crn, marker, within('details'), within('acceptance'), within('finding')],
    );
    // The audit records copy the visit whole (before and after): through the one path their append-only rule allows.
    await this.database.query(`SELECT ${auditAnonymisationFunction('site_visit_audit')}($1, $2, $3)`, [crn, PERSONAL_SITE_VISIT_DATA, marker]);
  }

  private async audit(before: SiteVisit | null, after: SiteVisit, change: SiteVisitChange): Promise<void> {
    await this.database.query(INSERT_AUDIT, [
      after.updatedAt,
      change.actorUserId,
      change.actorOrganisationId,
      change.action,
      after.id,
      after.crn,
      json(before),
      json(after),
      change.traceId,
    ]);
  }
}

function json(value: object | null): string | null {
  return value === null ? null : JSON.stringify(value);
}
