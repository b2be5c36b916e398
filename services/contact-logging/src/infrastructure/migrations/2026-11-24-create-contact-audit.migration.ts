import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The append-only audit of every contact state change (docs/quality.md "Security"): who, which
 * organisation, what, the contact's state before and after, and the trace id, written in the same
 * transaction as the change. The database itself refuses to change or remove a record.
 */
export class CreateContactAudit1795479000000 implements MigrationInterface {
  name = 'CreateContactAudit1795479000000';

  async up(runner: QueryRunner): Promise<void> {
    // No foreign key to contact: the audit must outlive whatever later happens to the contact row.
    await runner.query(`
      CREATE TABLE contact_audit (
        id                     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at            timestamptz NOT NULL,
        actor_user_id          text        NOT NULL,
        actor_organisation_id  uuid        NOT NULL,
        action                 varchar(40) NOT NULL,
        crn                    varchar(20) NOT NULL,
        before                 jsonb,
        after                  jsonb,
        trace_id               char(32)
      )`);
    await runner.query(`CREATE INDEX contact_audit_crn ON contact_audit (crn, occurred_at, id)`);
    await runner.query(`
      CREATE FUNCTION contact_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'contact_audit is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Audit records can be added, never changed or removed.';
      END $$`);
    // Statement-level, so even an UPDATE or DELETE that matches no row is refused, and TRUNCATE
    // (which fires no row triggers) too. ENABLE ALWAYS: still fires with session_replication_role
    // = replica, the usual way to slip past triggers.
    await runner.query(`
      CREATE TRIGGER contact_audit_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON contact_audit
        FOR EACH STATEMENT EXECUTE FUNCTION contact_audit_is_append_only()`);
    await runner.query(`ALTER TABLE contact_audit ENABLE ALWAYS TRIGGER contact_audit_is_append_only`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE contact_audit');
    await runner.query('DROP FUNCTION contact_audit_is_append_only()');
  }
}
