import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contacts, their history timeline and rejected submissions.
 * Every contact row carries the organisations that may see it (`visible_to`); queries filter on
 * it with the caller's organisation taken from the verified token.
 */
export class CreateContacts1795392300000 implements MigrationInterface {
  name = 'CreateContacts1795392300000';

  async up(runner: QueryRunner): Promise<void> {
    // CRNs come from a sequence: never reused, gaps allowed (a rolled-back transaction burns one).
    await runner.query(`CREATE SEQUENCE contact_crn_seq START 1`);
    await runner.query(`
      CREATE TABLE contact (
        crn                          varchar(20) PRIMARY KEY,
        contact_type                 varchar(3)  NOT NULL CHECK (contact_type IN ('DTL', 'ISO')),
        mprn                         varchar(10) NOT NULL,
        status                       varchar(24) NOT NULL
                                     CHECK (status IN ('LOGGED', 'UNDER_INVESTIGATION', 'RESOLVED', 'WITHDRAWN')),
        requested_status             varchar(2)  NOT NULL,
        originator_organisation_id   uuid        NOT NULL,
        originator_user_id           text        NOT NULL,
        transporter_organisation_id  uuid        NOT NULL,
        registered_shipper_organisation_id uuid,
        visible_to                   uuid[]      NOT NULL,
        details                      jsonb       NOT NULL,
        outcome                      varchar(8),
        outcome_reason               text,
        logged_at                    timestamptz NOT NULL,
        updated_at                   timestamptz NOT NULL,
        version                      integer     NOT NULL DEFAULT 1
      )`);
    // At most one open DTL/ISO contact per meter point, enforced by the database itself so that two
    // submissions racing for the same MPRN cannot both be accepted.
    await runner.query(`
      CREATE UNIQUE INDEX contact_one_open_per_mprn ON contact (mprn)
       WHERE status IN ('LOGGED', 'UNDER_INVESTIGATION')`);
    await runner.query(`CREATE INDEX contact_visible_to ON contact USING gin (visible_to)`);
    await runner.query(`CREATE INDEX contact_logged_at ON contact (logged_at DESC, crn DESC)`);
    await runner.query(`CREATE INDEX contact_mprn ON contact (mprn)`);
    await runner.query(`
      CREATE TABLE contact_history (
        id                     bigserial   PRIMARY KEY,
        crn                    varchar(20) NOT NULL REFERENCES contact (crn),
        occurred_at            timestamptz NOT NULL,
        action                 varchar(40) NOT NULL,
        actor_user_id          text        NOT NULL,
        actor_organisation_id  uuid        NOT NULL,
        detail                 jsonb       NOT NULL DEFAULT '{}'
      )`);
    await runner.query(`CREATE INDEX contact_history_crn ON contact_history (crn, occurred_at, id)`);
    await runner.query(`
      CREATE TABLE rejected_submission (
        id               uuid        PRIMARY KEY,
        submitted_at     timestamptz NOT NULL,
        user_id          text        NOT NULL,
        organisation_id  uuid        NOT NULL,
        mprn             varchar(10),
        submission       jsonb       NOT NULL,
        rejections       jsonb       NOT NULL
      )`);
    await runner.query(`CREATE INDEX rejected_submission_org ON rejected_submission (organisation_id, submitted_at DESC)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rejected_submission');
    await runner.query('DROP TABLE contact_history');
    await runner.query('DROP TABLE contact');
    await runner.query('DROP SEQUENCE contact_crn_seq');
  }
}
