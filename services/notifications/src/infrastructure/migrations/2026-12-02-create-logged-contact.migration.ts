import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The contacts this service heard of, one row per CRN, as their ContactLogged events described them.
 * Column sizes are the event schema's (libs/contracts, ContactLoggedV1): whatever the schema lets
 * through must fit, or the consumer would dead-letter a valid event. `organisation_ids` holds who may
 * see the contact (docs/domain.md, "Transparency"); every read filters on it.
 */
export class CreateLoggedContact1796171029813 implements MigrationInterface {
  name = 'CreateLoggedContact1796171029813';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE logged_contact (
        crn               varchar(20)  PRIMARY KEY,
        contact_type      varchar(3)   NOT NULL CHECK (contact_type IN ('DTL', 'ISO')),
        mprn              varchar(10)  NOT NULL,
        logged_at         timestamptz  NOT NULL,
        organisation_ids  uuid[]       NOT NULL,
        recorded_at       timestamptz  NOT NULL DEFAULT now()
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE logged_contact');
  }
}
