import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 2026-11-24. The `idempotent_request` table: one row per write sent with an Idempotency-Key, in the
 * owning service's own database. A row without `status_code` is in progress (claimed until
 * `locked_until`); a row with one holds the first answer, replayed to retries until `expires_at`.
 */
export class CreateIdempotentRequest1795478400000 implements MigrationInterface {
  name = 'CreateIdempotentRequest1795478400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE idempotent_request (
        organisation_id   text         NOT NULL,
        user_id           text         NOT NULL,
        idempotency_key   varchar(255) NOT NULL,
        method            varchar(10)  NOT NULL,
        path              text         NOT NULL,
        request_hash      char(64)     NOT NULL,
        status_code       smallint,
        response_headers  jsonb,
        response_body     text,
        created_at        timestamptz  NOT NULL DEFAULT now(),
        locked_until      timestamptz  NOT NULL,
        expires_at        timestamptz  NOT NULL,
        PRIMARY KEY (organisation_id, user_id, idempotency_key, method, path)
      )`);
    await runner.query(`CREATE INDEX idempotent_request_expires_at ON idempotent_request (expires_at)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotent_request');
  }
}
