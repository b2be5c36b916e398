import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for reading the contact audit newest first (`GET /audit/contacts`): all of it (CDSP
 * administrator), and by the actor's organisation (an LSO).
 */
export class ContactAuditReadIndexes1795565400000 implements MigrationInterface {
  name = 'ContactAuditReadIndexes1795565400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE INDEX contact_audit_newest_first ON contact_audit (occurred_at DESC, id DESC)`);
    await runner.query(
      `CREATE INDEX contact_audit_by_actor_organisation ON contact_audit (actor_organisation_id, occurred_at DESC, id DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX contact_audit_by_actor_organisation');
    await runner.query('DROP INDEX contact_audit_newest_first');
  }
}
