import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts by email (docs/domain.md "Alerts").
 *
 * `email_recipient`: a user who set their preferences, with the address access-control gave for
 * them then, and their organisation and roles as their token said (who an organisation's alert is for).
 * `email_preference`: per user and alert kind, IMMEDIATE or DAILY_DIGEST (no row: in-app only).
 * `email_digest_item`: alerts waiting for their user's next digest.
 */
export class CreateEmailPreference1796300000001 implements MigrationInterface {
  name = 'CreateEmailPreference1796300000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE email_recipient (
        user_id            varchar(64)  PRIMARY KEY,
        organisation_id    uuid         NOT NULL,
        organisation_type  varchar(10)  NOT NULL,
        roles              text[]       NOT NULL,
        email              varchar(254) NOT NULL,
        updated_at         timestamptz  NOT NULL
      )`);
    await runner.query('CREATE INDEX email_recipient_of_organisation ON email_recipient (organisation_id)');
    await runner.query(`
      CREATE TABLE email_preference (
        user_id   varchar(64) NOT NULL REFERENCES email_recipient (user_id) ON DELETE CASCADE,
        kind      varchar(40) NOT NULL,
        delivery  varchar(12) NOT NULL CHECK (delivery IN ('IMMEDIATE', 'DAILY_DIGEST')),
        PRIMARY KEY (user_id, kind)
      )`);
    await runner.query(`
      CREATE TABLE email_digest_item (
        user_id   varchar(64) NOT NULL,
        alert_id  bigint      NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, alert_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE email_digest_item');
    await runner.query('DROP TABLE email_preference');
    await runner.query('DROP TABLE email_recipient');
  }
}
