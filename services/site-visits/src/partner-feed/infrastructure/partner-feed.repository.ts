import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { PartnerFeedStore } from '../application/partner-feed-store.port';
import { PERSONAL_OUTCOME_FIELDS, type ContactOutcome } from '../domain/partner-events';

/** The referral feed's tables (see the migration), through the kit's `Database`: inside the consumer's transaction. */
@Injectable()
export class PartnerFeedRepository implements PartnerFeedStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async lockContact(crn: string): Promise<void> {
    await this.database.query('INSERT INTO partner_feed_contact (crn) VALUES ($1) ON CONFLICT (crn) DO NOTHING', [crn]);
    await this.database.query('SELECT 1 FROM partner_feed_contact WHERE crn = $1 FOR UPDATE', [crn]);
  }

  async addInvolved(crn: string, organisationId: string): Promise<boolean> {
    const inserted = await this.database.query<{ crn: string }>(
      `INSERT INTO partner_feed_involvement (crn, organisation_id) VALUES ($1, $2)
       ON CONFLICT (crn, organisation_id) DO NOTHING RETURNING crn`,
      [crn, organisationId],
    );
    return inserted.length === 1;
  }

  async involved(crn: string): Promise<string[]> {
    const rows = await this.database.query<{ organisation_id: string }>(
      'SELECT organisation_id FROM partner_feed_involvement WHERE crn = $1 ORDER BY involved_at, organisation_id',
      [crn],
    );
    return rows.map((row) => row.organisation_id);
  }

  async saveOutcome(crn: string, outcome: ContactOutcome): Promise<boolean> {
    // In a WITH, so the answer is the rows (TypeORM answers a bare UPDATE with [rows, count]).
    const updated = await this.database.query<{ crn: string }>(
      `WITH updated AS (
         UPDATE partner_feed_contact SET outcome_kind = $2, outcome = $3
          WHERE crn = $1 AND outcome_kind IS NULL RETURNING crn
       )
       SELECT crn FROM updated`,
      [crn, outcome.kind, JSON.stringify(outcome.data)],
    );
    return updated.length === 1;
  }

  async outcome(crn: string): Promise<ContactOutcome | undefined> {
    const [row] = await this.database.query<{ outcome_kind: ContactOutcome['kind'] | null; outcome: ContactOutcome['data'] | null }>(
      'SELECT outcome_kind, outcome FROM partner_feed_contact WHERE crn = $1',
      [crn],
    );
    if (!row?.outcome_kind || !row.outcome) return undefined;
    return { kind: row.outcome_kind, data: row.outcome } as ContactOutcome;
  }

  async anonymiseOutcome(crn: string, marker: string): Promise<void> {
    await this.database.query(
      `UPDATE partner_feed_contact
          SET outcome = cms_redacted(outcome, ARRAY(SELECT jsonb_array_elements_text($2::jsonb -> outcome_kind)), $3)
        WHERE crn = $1 AND outcome IS NOT NULL`,
      [crn, JSON.stringify(PERSONAL_OUTCOME_FIELDS), marker],
    );
  }
}
