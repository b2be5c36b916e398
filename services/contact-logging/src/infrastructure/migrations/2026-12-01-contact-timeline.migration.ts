import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The one-screen history fed by the other services' events (docs/domain.md "Transparency"): what a
 * contact waits on (each open DC, OC and SV, whose turn it is, due when), and timeline entries no
 * person made (the register's status change, a reminder), which have no actor.
 */
export class ContactTimeline1796159400000 implements MigrationInterface {
  name = 'ContactTimeline1796159400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE contact_history ALTER COLUMN actor_user_id DROP NOT NULL, ALTER COLUMN actor_organisation_id DROP NOT NULL`);
    await runner.query(`
      CREATE TABLE contact_waiting_on (
        crn                         varchar(20) NOT NULL REFERENCES contact (crn),
        item_id                     uuid        NOT NULL,
        item_type                   varchar(2)  NOT NULL CHECK (item_type IN ('DC', 'OC', 'SV')),
        waiting_on_organisation_id  uuid        NOT NULL,
        due_on                      date        NOT NULL,
        addressed_to                varchar(12) CHECK (addressed_to IN ('ORIGINATOR', 'STAKEHOLDER')),
        since                       timestamptz NOT NULL,
        PRIMARY KEY (crn, item_id)
      )`);
    await runner.query(`CREATE INDEX contact_waiting_on_organisation ON contact_waiting_on (waiting_on_organisation_id, due_on)`);
    // Read as the caller like the contact's history: visible exactly when its contact is.
    await runner.query(`GRANT SELECT ON contact_waiting_on TO cms_contact_reader`);
    await runner.query(`ALTER TABLE contact_waiting_on ENABLE ROW LEVEL SECURITY`);
    await runner.query(`
      CREATE POLICY contact_waiting_on_visible_with_contact ON contact_waiting_on FOR SELECT TO cms_contact_reader
        USING (EXISTS (SELECT 1 FROM contact WHERE contact.crn = contact_waiting_on.crn))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE contact_waiting_on');
    await runner.query(`DELETE FROM contact_history WHERE actor_user_id IS NULL OR actor_organisation_id IS NULL`);
    await runner.query(`ALTER TABLE contact_history ALTER COLUMN actor_user_id SET NOT NULL, ALTER COLUMN actor_organisation_id SET NOT NULL`);
  }
}
