import { Inject, Injectable } from '@nestjs/common';
import { auditAnonymisationFunction } from '@cms/persistence';
import { Database } from '@cms/service-defaults';
import type { ContactRetentionStore, EndedContact, RetainedContact } from '../application/contact-retention.port';
import {
  KEPT_SUBMISSION_FIELDS,
  PERSONAL_CONTACT_DETAILS,
  PERSONAL_CONTACT_FIELDS,
  PERSONAL_TIMELINE_DETAILS,
  type ContactType,
} from '../domain';

/** The columns of the contact's free-text fields (domain/retention.ts). */
const PERSONAL_COLUMNS: Readonly<Record<(typeof PERSONAL_CONTACT_FIELDS)[number], string>> = {
  outcomeNote: 'outcome_note',
  withdrawalReason: 'withdrawal_reason',
};

/** The same personal data in an audit record's copy of the contact row (`to_jsonb(contact)`). */
const PERSONAL_AUDIT_PATHS: readonly string[] = [
  ...PERSONAL_CONTACT_DETAILS.map((path) => `details.${path}`),
  ...PERSONAL_CONTACT_FIELDS.map((field) => PERSONAL_COLUMNS[field]),
];

/** Who the audit names for a change no person made (as contact.repository.ts). */
const SYSTEM_ACTOR = 'system';

/**
 * Retention on contact-logging's tables, through the kit's `Database` (the timer's transaction).
 * Every replacement is done by the database (`cms_redacted`, the retention migration), so the
 * marker is written where the paths say and nowhere else, and nothing is read out to do it.
 */
@Injectable()
export class ContactRetentionRepository implements ContactRetentionStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async lock(crn: string): Promise<RetainedContact | null> {
    const [row] = await this.database.query<{ crn: string; contact_type: ContactType; closed_at: Date | null; visible_to: string[] }>(
      'SELECT crn, contact_type, closed_at, visible_to FROM contact WHERE crn = $1 FOR UPDATE',
      [crn],
    );
    return row ? { crn: row.crn, contactType: row.contact_type, closedAt: row.closed_at, visibleTo: row.visible_to } : null;
  }

  async anonymiseContact({ crn, at, marker, traceId }: { crn: string; at: Date; marker: string; traceId: string | null }): Promise<void> {
    const personalColumns = PERSONAL_CONTACT_FIELDS.map((field) => PERSONAL_COLUMNS[field]);
    // The contact, its ANONYMISED timeline entry and audit record, as every change of it is written
    // (contact.repository.ts applyChange); the record's copies are anonymised with the others below.
    await this.database.query(
      `WITH before AS (
         SELECT to_jsonb(contact) AS row FROM contact WHERE crn = $1
       ), changed AS (
         UPDATE contact
            SET details = cms_redacted(details, $2, $3),
                ${personalColumns.map((column) => `${column} = CASE WHEN ${column} IS NULL THEN NULL ELSE $3 END`).join(',\n                ')},
                version = version + 1,
                updated_at = $4
          WHERE crn = $1 RETURNING *
       ), entry AS (
         INSERT INTO contact_history (crn, occurred_at, action, actor_user_id, actor_organisation_id, detail)
         SELECT crn, $4, 'ANONYMISED', NULL, NULL, '{}' FROM changed
       )
       INSERT INTO contact_audit (occurred_at, actor_user_id, actor_organisation_id, action, crn, before, after, trace_id)
       SELECT $4, '${SYSTEM_ACTOR}', NULL, 'ANONYMISED', crn, (SELECT row FROM before), to_jsonb(changed), $5 FROM changed`,
      [crn, PERSONAL_CONTACT_DETAILS, marker, at, traceId],
    );
    // Each timeline entry's free text, by the kind of entry.
    await this.database.query(
      `UPDATE contact_history
          SET detail = cms_redacted(detail, ARRAY(SELECT jsonb_array_elements_text($2::jsonb -> action)), $3)
        WHERE crn = $1 AND $2::jsonb ? action`,
      [crn, JSON.stringify(PERSONAL_TIMELINE_DETAILS), marker],
    );
    await this.database.query(`SELECT ${auditAnonymisationFunction('contact_audit')}($1, $2, $3)`, [crn, PERSONAL_AUDIT_PATHS, marker]);
  }

  async anonymiseRejectedSubmissions(refusedBefore: Date, at: Date, marker: string): Promise<number> {
    // A refused body may be anything (not even an object), with fields the rules do not know: every
    // string in it goes but the fields kept, by key (never by a path, which a key's own dots would split).
    const [{ count }] = await this.database.query<{ count: number }>(
      `WITH anonymised AS (
         UPDATE rejected_submission
            SET submission = CASE jsonb_typeof(submission)
                  WHEN 'object' THEN (SELECT coalesce(jsonb_object_agg(key, CASE WHEN key = ANY($2) THEN item ELSE cms_redacted_strings(item, $3) END), '{}')
                                        FROM jsonb_each(submission) AS entry(key, item))
                  ELSE cms_redacted_strings(submission, $3) END,
                anonymised_at = $4
          WHERE submitted_at < $1 AND anonymised_at IS NULL
          RETURNING 1
       )
       SELECT count(*)::int AS count FROM anonymised`,
      [refusedBefore, KEPT_SUBMISSION_FIELDS, marker, at],
    );
    return count;
  }

  async endedWithoutTimer(timerKind: string, afterCrn: string, limit: number): Promise<EndedContact[]> {
    // The kit's `timer` table (TransactionalTimers) is in this database: its key for this kind is the CRN.
    const rows = await this.database.query<{ crn: string; contact_type: ContactType; closed_at: Date }>(
      `SELECT c.crn, c.contact_type, c.closed_at FROM contact c
        WHERE c.crn > $2 AND c.closed_at IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM timer t WHERE t.kind = $1 AND t.key = c.crn)
          AND NOT EXISTS (SELECT 1 FROM contact_history h WHERE h.crn = c.crn AND h.action = 'ANONYMISED')
        ORDER BY c.crn
        LIMIT $3`,
      [timerKind, afterCrn, limit],
    );
    return rows.map((row) => ({ crn: row.crn, contactType: row.contact_type, closedAt: row.closed_at }));
  }

  async daysWithRefusalsKept(): Promise<Date[]> {
    const rows = await this.database.query<{ day: Date }>(
      `SELECT DISTINCT date_trunc('day', submitted_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS day
         FROM rejected_submission WHERE anonymised_at IS NULL ORDER BY day`,
    );
    return rows.map((row) => row.day);
  }
}
