import type { MigrationInterface, QueryRunner } from 'typeorm';

// Spelled out, not imported: a migration is history and must not change when the code does. The
// same name is CALLER_READER_ROLE in libs/service-defaults/src/caller-scope.ts.
const CALLER_READER_ROLE = 'cms_contact_reader';

/**
 * `involved_contact`: a service's copy of the contacts it works on (see involved-contact.ts), one
 * row per CRN, in the service's own database. Column sizes follow the event schemas
 * (libs/contracts): whatever they let through must fit, or a valid event would be dead-lettered.
 *
 * Row-level security, the second wall behind each query's own filter: reads on behalf of a caller
 * run as `cms_contact_reader` (readAsCaller, libs/service-defaults), which sees a contact only when
 * the caller's organisation is involved, and the CDSP every one. A service's own tables of contact
 * data put their policy on this table (`EXISTS (SELECT 1 FROM involved_contact …)`), so a row is
 * visible exactly when its contact is. The role is cluster-wide and created here when missing (as
 * contact-logging's row-level-security migration does; see there for why no FORCE).
 */
export class CreateInvolvedContact1796200000000 implements MigrationInterface {
  name = 'CreateInvolvedContact1796200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE involved_contact (
        crn                          varchar(20)  PRIMARY KEY,
        mprn                         varchar(10)  NOT NULL,
        contact_type                 varchar(3)   NOT NULL CHECK (contact_type IN ('DTL', 'ISO')),
        requested_status             varchar(4)   NOT NULL,
        originator_organisation_id   uuid         NOT NULL,
        logged_by_user_id            varchar(64)  NOT NULL,
        transporter_organisation_id  uuid         NOT NULL,
        ldz                          varchar(2),
        organisation_ids             uuid[]       NOT NULL,
        status                       varchar(20)  NOT NULL
          CHECK (status IN ('LOGGED', 'UNDER_INVESTIGATION', 'RESOLVED', 'WITHDRAWN')),
        investigating_agent_user_id  varchar(64),
        logged_at                    timestamptz  NOT NULL,
        ended_at                     timestamptz
      )`);
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
        IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
           AND NOT pg_has_role(current_user, '${CALLER_READER_ROLE}', 'SET') THEN
          GRANT ${CALLER_READER_ROLE} TO CURRENT_USER WITH INHERIT FALSE, SET TRUE;
        END IF;
      END $$`);
    await runner.query(`GRANT SELECT ON involved_contact TO ${CALLER_READER_ROLE}`);
    await runner.query('ALTER TABLE involved_contact ENABLE ROW LEVEL SECURITY');
    await runner.query(`
      CREATE POLICY involved_contact_visible_to_caller ON involved_contact FOR SELECT TO ${CALLER_READER_ROLE}
        USING (current_setting('cms.organisation_type', true) = 'CDSP'
               OR nullif(current_setting('cms.organisation_id', true), '')::uuid = ANY (organisation_ids))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE involved_contact');
  }
}
