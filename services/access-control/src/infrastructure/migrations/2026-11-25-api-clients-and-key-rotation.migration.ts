import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * API clients of partner systems (OAuth 2 client credentials), their secrets stored as SHA-256
 * hashes only; and signing keys that are published before they start signing, so a rotation needs
 * no downtime.
 */
export class ApiClientsAndKeyRotation1795564900000 implements MigrationInterface {
  name = 'ApiClientsAndKeyRotation1795564900000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE api_client (
        client_id        uuid        PRIMARY KEY,
        organisation_id  uuid        NOT NULL REFERENCES organisation (id),
        name             text        NOT NULL CONSTRAINT api_client_name_length CHECK (char_length(name) BETWEEN 1 AND 100),
        scopes           text[]      NOT NULL CONSTRAINT api_client_has_scopes CHECK (cardinality(scopes) >= 1),
        secret_hash      bytea       NOT NULL CONSTRAINT api_client_secret_hash_sha256 CHECK (octet_length(secret_hash) = 32),
        created_at       timestamptz NOT NULL DEFAULT now(),
        created_by       text        NOT NULL,
        revoked_at       timestamptz,
        revoked_by       text
      )`);
    await runner.query(`CREATE INDEX api_client_by_organisation ON api_client (organisation_id, created_at) WHERE revoked_at IS NULL`);

    // A key waiting to sign: published in the JWKS at once, signing from activates_at.
    await runner.query(`ALTER TABLE signing_key ADD COLUMN activates_at timestamptz`);
    await runner.query(`
      ALTER TABLE signing_key ADD CONSTRAINT signing_key_pending_has_activation
        CHECK (active OR retired_at IS NOT NULL OR activates_at IS NOT NULL)`);
    // At most one key waits at a time.
    await runner.query(`CREATE UNIQUE INDEX signing_key_one_pending ON signing_key ((true)) WHERE NOT active AND retired_at IS NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX signing_key_one_pending');
    await runner.query('ALTER TABLE signing_key DROP CONSTRAINT signing_key_pending_has_activation');
    await runner.query('ALTER TABLE signing_key DROP COLUMN activates_at');
    await runner.query('DROP TABLE api_client');
  }
}
