import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the outbox relay the moment a transaction that wrote outbox rows commits (NOTIFY is
 * delivered on commit, never for a rolled-back transaction), so events leave within milliseconds
 * and the relay need not poll the table many times a second.
 */
export class NotifyOutboxInserts1795392000001 implements MigrationInterface {
  name = 'NotifyOutboxInserts1795392000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE FUNCTION notify_outbox_message() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox_message', '');
        RETURN NULL;
      END $$`);
    await runner.query(`
      CREATE TRIGGER outbox_message_inserted AFTER INSERT ON outbox_message
      FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox_message()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER outbox_message_inserted ON outbox_message');
    await runner.query('DROP FUNCTION notify_outbox_message()');
  }
}
