import type { MigrationInterface, QueryRunner } from 'typeorm';

// Spelled out, not imported: a migration is history and must not change when the code does. The
// same name is CALLER_READER_ROLE in libs/service-defaults/src/caller-scope.ts (the role itself is
// created by CreateInvolvedContact, which runs first).
const CALLER_READER_ROLE = 'cms_contact_reader';

/**
 * `site_visit`: each referral of a contact to its transporter, with what the transporter needs on
 * site (`details`, taken from the contact at referral), its answer (`acceptance`), its `finding`,
 * and its `cancellation` when the contact ended. One open visit (REFERRED or ACCEPTED) per contact:
 * a unique index, so that two agents referring at once cannot both succeed.
 *
 * `site_visit_audit`: the append-only audit of every change (docs/quality.md "Security"), the
 * visit before and after, written in the change's transaction; the database refuses to change or
 * remove a record (as contact-logging's contact_audit).
 *
 * Row-level security: a visit is visible to a reader exactly when its contact is (involved_contact's
 * policy), the second wall behind each query's own filter.
 */
export class CreateSiteVisit1796210000000 implements MigrationInterface {
  name = 'CreateSiteVisit1796210000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE site_visit (
        id                           uuid         PRIMARY KEY,
        crn                          varchar(20)  NOT NULL,
        mprn                         varchar(10)  NOT NULL,
        contact_type                 varchar(3)   NOT NULL CHECK (contact_type IN ('DTL', 'ISO')),
        transporter_organisation_id  uuid         NOT NULL,
        confirm_status               varchar(4)   NOT NULL,
        instructions                 text,
        details                      jsonb        NOT NULL,
        status                       varchar(20)  NOT NULL
          CHECK (status IN ('REFERRED', 'ACCEPTED', 'DECLINED', 'FINDING_REPORTED', 'CANCELLED')),
        version                      integer      NOT NULL CHECK (version >= 1),
        referred_by_user_id          varchar(64)  NOT NULL,
        referred_at                  timestamptz  NOT NULL,
        due_on                       date         NOT NULL,
        acceptance                   jsonb,
        finding                      jsonb,
        cancellation                 jsonb,
        updated_at                   timestamptz  NOT NULL
      )`);
    await runner.query(`CREATE UNIQUE INDEX site_visit_one_open_per_contact ON site_visit (crn) WHERE status IN ('REFERRED', 'ACCEPTED')`);
    await runner.query('CREATE INDEX site_visit_crn ON site_visit (crn, referred_at)');
    // The work lists: a transporter's own, soonest due first; the CDSP's, all of them.
    await runner.query('CREATE INDEX site_visit_transporter_due ON site_visit (transporter_organisation_id, due_on, id)');
    await runner.query('CREATE INDEX site_visit_due ON site_visit (due_on, id)');

    await runner.query(`GRANT SELECT ON site_visit TO ${CALLER_READER_ROLE}`);
    await runner.query('ALTER TABLE site_visit ENABLE ROW LEVEL SECURITY');
    // involved_contact's own policy filters the sub-query: a visit is visible exactly when its contact is.
    await runner.query(`
      CREATE POLICY site_visit_visible_with_contact ON site_visit FOR SELECT TO ${CALLER_READER_ROLE}
        USING (EXISTS (SELECT 1 FROM involved_contact WHERE involved_contact.crn = site_visit.crn))`);

    // No foreign key to site_visit: the audit must outlive whatever later happens to the visit row.
    await runner.query(`
      CREATE TABLE site_visit_audit (
        id                     bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at            timestamptz NOT NULL,
        actor_user_id          varchar(64),
        actor_organisation_id  uuid,
        action                 varchar(40) NOT NULL,
        site_visit_id          uuid        NOT NULL,
        crn                    varchar(20) NOT NULL,
        before                 jsonb,
        after                  jsonb,
        trace_id               char(32)
      )`);
    await runner.query('CREATE INDEX site_visit_audit_crn ON site_visit_audit (crn, occurred_at, id)');
    await runner.query('CREATE INDEX site_visit_audit_occurred ON site_visit_audit (occurred_at, id)');
    await runner.query(`
      CREATE FUNCTION site_visit_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'site_visit_audit is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege',
                HINT = 'Audit records can be added, never changed or removed.';
      END $$`);
    // Statement-level (an UPDATE or DELETE matching no row, and TRUNCATE, are refused too), ENABLE
    // ALWAYS (still fires with session_replication_role = replica).
    await runner.query(`
      CREATE TRIGGER site_visit_audit_is_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON site_visit_audit
        FOR EACH STATEMENT EXECUTE FUNCTION site_visit_audit_is_append_only()`);
    await runner.query('ALTER TABLE site_visit_audit ENABLE ALWAYS TRIGGER site_visit_audit_is_append_only');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE site_visit_audit');
    await runner.query('DROP FUNCTION site_visit_audit_is_append_only()');
    await runner.query('DROP TABLE site_visit');
  }
}
