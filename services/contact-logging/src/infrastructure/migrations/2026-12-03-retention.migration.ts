import type { MigrationInterface, QueryRunner } from 'typeorm';
import { anonymisableAuditDown, anonymisableAuditUp, redactionFunctionsDown, redactionFunctionsUp, type AnonymisableAudit } from '@cms/persistence';

const CONTACT_AUDIT: AnonymisableAudit = { table: 'contact_audit', jsonColumns: ['before', 'after'], appendOnlyFunction: 'contact_audit_is_append_only' };

/**
 * Retention (README "Retention"): what replacing a contact's personal data with a marker needs.
 * - `cms_redacted(value, paths, marker)`: the replacement inside jsonb (details, timeline entries, audit copies).
 * - `contact_audit` stays append-only for everything but the sweep: `anonymise_contact_audit(crn,
 *   paths, marker)`, owned by a role nothing else can become, is the one path that may change a
 *   record, and only to put the marker where the paths say (libs/persistence, anonymisableAuditUp).
 * - `rejected_submission.anonymised_at`: when a refused body was anonymised, and an index of those
 *   still to be, oldest first, for the daily sweep.
 */
export class Retention1796256000000 implements MigrationInterface {
  name = 'Retention1796256000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of [...redactionFunctionsUp(), ...anonymisableAuditUp(CONTACT_AUDIT)]) await runner.query(statement);
    await runner.query('ALTER TABLE rejected_submission ADD COLUMN anonymised_at timestamptz');
    await runner.query('CREATE INDEX rejected_submission_to_anonymise ON rejected_submission (submitted_at) WHERE anonymised_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX rejected_submission_to_anonymise');
    await runner.query('ALTER TABLE rejected_submission DROP COLUMN anonymised_at');
    for (const statement of [...anonymisableAuditDown(CONTACT_AUDIT), ...redactionFunctionsDown()]) await runner.query(statement);
  }
}
