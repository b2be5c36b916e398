import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The transactional outbox (events written in the same transaction as the state change) and the
 * inbox (event ids a consumer has applied, written in the same transaction as the effect).
 */
export class CreateOutboxAndInbox1795392000000 implements MigrationInterface {
  name = 'CreateOutboxAndInbox1795392000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE outbox_message (
        id            uuid PRIMARY KEY,
        topic         text        NOT NULL,
        message_key   text        NOT NULL,
        headers       jsonb       NOT NULL,
        payload       text        NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
        published_at  timestamptz,
        attempts      integer     NOT NULL DEFAULT 0,
        last_error    text
      )`);
    await runner.query(
      `CREATE INDEX outbox_message_pending ON outbox_message (created_at, id) WHERE published_at IS NULL`,
    );
    await runner.query(`
      CREATE TABLE inbox_message (
        consumer_group text        NOT NULL,
        event_id       uuid        NOT NULL,
        topic          text        NOT NULL,
        event_type     text        NOT NULL,
        processed_at   timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (consumer_group, event_id)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox_message');
    await runner.query('DROP TABLE outbox_message');
  }
}
