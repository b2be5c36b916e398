import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A contact's clock (docs/domain.md "Time limits"): its meter point's LDZ (which working-day
 * calendar counts it), its resolution due date, and since when it has been paused waiting on the
 * originator. Contacts logged before this have no clock (nullable: older replicas keep inserting
 * during a roll-out). The audit of a change no person made (a timer's automatic closure) names no
 * organisation.
 */
export class ContactClock1796160000000 implements MigrationInterface {
  name = 'ContactClock1796160000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE contact
        ADD COLUMN ldz              varchar(2),
        ADD COLUMN due_on           date,
        ADD COLUMN clock_paused_on  date`);
    await runner.query(`CREATE INDEX contact_open_due_on ON contact (due_on) WHERE status IN ('LOGGED', 'UNDER_INVESTIGATION')`);
    await runner.query(`ALTER TABLE contact_audit ALTER COLUMN actor_organisation_id DROP NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX contact_open_due_on');
    await runner.query('ALTER TABLE contact DROP COLUMN ldz, DROP COLUMN due_on, DROP COLUMN clock_paused_on');
  }
}
