import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The referral feed's own tables (services/site-visits/src/partner-feed): per CRN, the lock row and
 * the contact's outcome once it ended, and the transporters involved in it. Only the feed reads them.
 * The outcome is kept as the partner event's body without its addressee (domain/partner-events.ts).
 */
export class CreatePartnerFeed1796170200000 implements MigrationInterface {
  name = 'CreatePartnerFeed1796170200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE partner_feed_contact (
        crn           varchar(20)  PRIMARY KEY,
        outcome_kind  varchar(9)   CHECK (outcome_kind IN ('RESOLVED', 'WITHDRAWN')),
        outcome       jsonb,
        CHECK ((outcome_kind IS NULL) = (outcome IS NULL))
      )`);
    await runner.query(`
      CREATE TABLE partner_feed_involvement (
        crn              varchar(20)  NOT NULL REFERENCES partner_feed_contact (crn),
        organisation_id  uuid         NOT NULL,
        involved_at      timestamptz  NOT NULL DEFAULT now(),
        PRIMARY KEY (crn, organisation_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE partner_feed_involvement');
    await runner.query('DROP TABLE partner_feed_contact');
  }
}
