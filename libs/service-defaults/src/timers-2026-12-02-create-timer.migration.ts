import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 2026-12-02. The `timer` table of the kit's durable timers (timers.ts), in the owning service's
 * own database: one row per timer set and not yet fired, keyed by (kind, key). `next_attempt_at`
 * is `due_at` until a firing fails, then later each time (TimerRunner's backoff); the runner claims
 * rows by it. `due_at` alone serves the due-timers metric. A fired timer's row is deleted.
 */
export class CreateTimer1796169600000 implements MigrationInterface {
  name = 'CreateTimer1796169600000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE timer (
        kind             text        NOT NULL,
        key              text        NOT NULL,
        due_at           timestamptz NOT NULL,
        payload          jsonb       NOT NULL,
        scheduled_at     timestamptz NOT NULL,
        next_attempt_at  timestamptz NOT NULL,
        attempts         integer     NOT NULL DEFAULT 0,
        last_error       text,
        last_failed_at   timestamptz,
        PRIMARY KEY (kind, key)
      )`);
    await runner.query('CREATE INDEX timer_next_attempt_at ON timer (next_attempt_at)');
    await runner.query('CREATE INDEX timer_due_at ON timer (due_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE timer');
  }
}
