import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Parking and retention for the outbox. `parked_at` marks a row the relay gave up on after
 * repeated failures of its own (it waits for an operator to requeue it); the pending index now
 * leaves parked rows out, so the relay's query stays fast however many are parked. Two small
 * partial indexes serve the rest: parked rows (the operator's list and the parked-rows metric),
 * and published rows by publication time (retention deletes the oldest first).
 */
export class ParkOutboxMessages1796083200000 implements MigrationInterface {
  name = 'ParkOutboxMessages1796083200000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE outbox_message ADD COLUMN parked_at timestamptz');
    await runner.query('DROP INDEX outbox_message_pending');
    await runner.query(
      'CREATE INDEX outbox_message_pending ON outbox_message (created_at, id) WHERE published_at IS NULL AND parked_at IS NULL',
    );
    await runner.query('CREATE INDEX outbox_message_parked ON outbox_message (created_at, id) WHERE parked_at IS NOT NULL');
    await runner.query('CREATE INDEX outbox_message_published ON outbox_message (published_at) WHERE published_at IS NOT NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX outbox_message_published');
    await runner.query('DROP INDEX outbox_message_parked');
    await runner.query('DROP INDEX outbox_message_pending');
    await runner.query('CREATE INDEX outbox_message_pending ON outbox_message (created_at, id) WHERE published_at IS NULL');
    await runner.query('ALTER TABLE outbox_message DROP COLUMN parked_at');
  }
}
