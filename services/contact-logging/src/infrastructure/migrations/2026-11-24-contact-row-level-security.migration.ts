import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Row-level security: the database's own wall behind the application's `visible_to` filter, so a
 * read that forgets the filter still sees only what the caller's organisation may see (domain.md,
 * "Transparency": nobody else can see that a contact exists).
 *
 * Who the policies bind. PostgreSQL never applies RLS to a superuser, nor to a table's owner unless
 * the table has FORCE ROW LEVEL SECURITY. The service connects as a superuser today (`npm start`,
 * docker compose and the tests all hand it the server's admin URL), so FORCE would change nothing.
 * Instead every read on behalf of a caller runs as `cms_contact_reader` (`SET LOCAL ROLE`, for that
 * transaction only; see libs/service-defaults' caller-scope.ts): a role that can log in nowhere, owns nothing, holds
 * SELECT and nothing else, and to which RLS always applies. The policies read the caller from the
 * transaction-local settings `cms.organisation_id` and `cms.organisation_type`; unset, they match
 * nothing. Writes, and the one cross-organisation rule check (one open contact per meter point),
 * run as the service's own role, which owns the tables and is not bound by them: no FORCE, so no
 * write has to pretend to be a caller.
 *
 * The role is cluster-wide: created here when missing (which needs CREATEROLE; where the service's
 * role lacks it, a DBA creates `cms_contact_reader` and grants it to that role WITH SET TRUE).
 */
// Spelled out, not imported: a migration is history and must not change when the code does. The
// same name is CALLER_READER_ROLE in libs/service-defaults/src/caller-scope.ts.
const CALLER_READER_ROLE = 'cms_contact_reader';

export class ContactRowLevelSecurity1795478700000 implements MigrationInterface {
  name = 'ContactRowLevelSecurity1795478700000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${CALLER_READER_ROLE}') THEN
          BEGIN
            CREATE ROLE ${CALLER_READER_ROLE} NOLOGIN NOSUPERUSER NOBYPASSRLS NOINHERIT;
          EXCEPTION WHEN duplicate_object OR unique_violation THEN
            NULL; -- another database on this server created it at the same moment
          END;
        END IF;
        -- A superuser may SET ROLE to any role; any other service role needs the membership.
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND NOT pg_has_role(current_user, '${CALLER_READER_ROLE}', 'SET') THEN
          GRANT ${CALLER_READER_ROLE} TO CURRENT_USER WITH INHERIT FALSE, SET TRUE;
        END IF;
      END $$`);
    await runner.query(`GRANT SELECT ON contact, contact_history, rejected_submission TO ${CALLER_READER_ROLE}`);

    await runner.query(`ALTER TABLE contact ENABLE ROW LEVEL SECURITY`);
    await runner.query(`
      CREATE POLICY contact_visible_to_caller ON contact FOR SELECT TO ${CALLER_READER_ROLE}
        USING (current_setting('cms.organisation_type', true) = 'CDSP'
               OR nullif(current_setting('cms.organisation_id', true), '')::uuid = ANY (visible_to))`);

    // A history entry is visible exactly when its contact is: the sub-query on contact is itself
    // filtered by contact's policy.
    await runner.query(`ALTER TABLE contact_history ENABLE ROW LEVEL SECURITY`);
    await runner.query(`
      CREATE POLICY contact_history_visible_with_contact ON contact_history FOR SELECT TO ${CALLER_READER_ROLE}
        USING (EXISTS (SELECT 1 FROM contact WHERE contact.crn = contact_history.crn))`);

    // A rejected submission has no CRN and no other party: only the organisation that sent it.
    await runner.query(`ALTER TABLE rejected_submission ENABLE ROW LEVEL SECURITY`);
    await runner.query(`
      CREATE POLICY rejected_submission_visible_to_submitter ON rejected_submission FOR SELECT TO ${CALLER_READER_ROLE}
        USING (nullif(current_setting('cms.organisation_id', true), '')::uuid = organisation_id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP POLICY rejected_submission_visible_to_submitter ON rejected_submission');
    await runner.query('ALTER TABLE rejected_submission DISABLE ROW LEVEL SECURITY');
    await runner.query('DROP POLICY contact_history_visible_with_contact ON contact_history');
    await runner.query('ALTER TABLE contact_history DISABLE ROW LEVEL SECURITY');
    await runner.query('DROP POLICY contact_visible_to_caller ON contact');
    await runner.query('ALTER TABLE contact DISABLE ROW LEVEL SECURITY');
    // The role is shared by every contact-logging database on the server: it is left in place.
    await runner.query(`REVOKE SELECT ON contact, contact_history, rejected_submission FROM ${CALLER_READER_ROLE}`);
  }
}
