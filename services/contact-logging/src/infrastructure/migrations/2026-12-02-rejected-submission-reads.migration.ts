import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reading rejected submissions for reporting (docs/api.md, `GET /rejected-submissions`: the CDSP
 * reads all of them, any other organisation its own), newest first, in keyset pages.
 *
 * - The row-level-security policy lets a CDSP caller read every row, as the contact's policy does;
 *   any other caller still reads only its own organisation's.
 * - `record_number` orders rows recorded at the same instant, so that a page can end between them
 *   (the keyset is `(submitted_at, record_number)`). An identity column, so that a replica of the
 *   previous release, which does not name it, still records rejections during the roll-out.
 * - Indexes for the newest-first reads: all (the CDSP), by organisation, by MPRN; each also serves
 *   the time bounds and the keyset position.
 *
 * No index for the rejection-code filter, by measurement (200,000 rows, 30 organisations, read as
 * `cms_contact_reader`): these reads run under row-level security, where PostgreSQL uses an index
 * only for a condition whose operator is LEAKPROOF, and no jsonb or array operator is (`@>`, `?|`,
 * `@@`, `&&`). A GIN index on `rejections` or on an expression of its codes was never chosen (a
 * sequential scan, about 400 ms), and a side table of codes with a B-tree (leakproof `=`) was
 * planned badly because the policy's selectivity is misestimated (about 0.5% for a CDSP caller, who
 * reads every row), up to 1 s. The code is a filter on what the other indexes find: an
 * organisation's submissions about 20 ms, a month of every organisation's about 10 ms, every
 * organisation's at all times about 210 ms; everything else under 1 ms.
 */
export class RejectedSubmissionReads1796205600000 implements MigrationInterface {
  name = 'RejectedSubmissionReads1796205600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER POLICY rejected_submission_visible_to_submitter ON rejected_submission RENAME TO rejected_submission_visible_to_caller`);
    await runner.query(`
      ALTER POLICY rejected_submission_visible_to_caller ON rejected_submission
        USING (current_setting('cms.organisation_type', true) = 'CDSP'
               OR nullif(current_setting('cms.organisation_id', true), '')::uuid = organisation_id)`);

    await runner.query(`ALTER TABLE rejected_submission ADD COLUMN record_number bigint GENERATED ALWAYS AS IDENTITY`);
    await runner.query(`DROP INDEX rejected_submission_org`);
    await runner.query(`CREATE INDEX rejected_submission_newest_first ON rejected_submission (submitted_at DESC, record_number DESC)`);
    await runner.query(
      `CREATE INDEX rejected_submission_by_organisation ON rejected_submission (organisation_id, submitted_at DESC, record_number DESC)`,
    );
    await runner.query(`CREATE INDEX rejected_submission_by_mprn ON rejected_submission (mprn, submitted_at DESC, record_number DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX rejected_submission_by_mprn');
    await runner.query('DROP INDEX rejected_submission_by_organisation');
    await runner.query('DROP INDEX rejected_submission_newest_first');
    await runner.query(`CREATE INDEX rejected_submission_org ON rejected_submission (organisation_id, submitted_at DESC)`);
    await runner.query('ALTER TABLE rejected_submission DROP COLUMN record_number');
    await runner.query(`
      ALTER POLICY rejected_submission_visible_to_caller ON rejected_submission
        USING (nullif(current_setting('cms.organisation_id', true), '')::uuid = organisation_id)`);
    await runner.query(`ALTER POLICY rejected_submission_visible_to_caller ON rejected_submission RENAME TO rejected_submission_visible_to_submitter`);
  }
}
