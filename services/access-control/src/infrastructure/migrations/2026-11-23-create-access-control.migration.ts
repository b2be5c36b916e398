import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organisations, their users, refresh-token sessions and the token-signing keys.
 * The checks repeat the domain rules so that no other writer can store what the domain forbids.
 */
export class CreateAccessControl1795392100000 implements MigrationInterface {
  name = 'CreateAccessControl1795392100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE organisation (
        id          uuid PRIMARY KEY,
        short_code  text        NOT NULL CONSTRAINT organisation_short_code_format CHECK (short_code ~ '^[A-Z]{3}$'),
        name        text        NOT NULL CONSTRAINT organisation_name_length CHECK (char_length(name) BETWEEN 1 AND 200),
        type        text        NOT NULL CONSTRAINT organisation_type_known CHECK (type IN ('SHIPPER', 'DN', 'IGT', 'CDSP')),
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT organisation_short_code_unique UNIQUE (short_code)
      )`);
    await runner.query(`CREATE INDEX organisation_by_type_and_name ON organisation (type, name)`);

    await runner.query(`
      CREATE TABLE user_account (
        user_id          text        PRIMARY KEY CONSTRAINT user_account_user_id_length CHECK (char_length(user_id) BETWEEN 1 AND 64),
        organisation_id  uuid        NOT NULL REFERENCES organisation (id),
        display_name     text        NOT NULL CONSTRAINT user_account_display_name_length CHECK (char_length(display_name) BETWEEN 1 AND 200),
        email            text        NOT NULL CONSTRAINT user_account_email_length CHECK (char_length(email) BETWEEN 3 AND 254),
        roles            text[]      NOT NULL DEFAULT '{}',
        password_hash    text        NOT NULL,
        status           text        NOT NULL DEFAULT 'ACTIVE' CONSTRAINT user_account_status_known CHECK (status IN ('ACTIVE', 'SUSPENDED')),
        failed_sign_ins  integer     NOT NULL DEFAULT 0 CONSTRAINT user_account_failed_sign_ins_positive CHECK (failed_sign_ins >= 0),
        locked_until     timestamptz,
        created_at       timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`CREATE INDEX user_account_by_organisation ON user_account (organisation_id)`);
    // A user id never changes once created (docs/domain.md "Who uses it").
    await runner.query(`
      CREATE FUNCTION user_account_user_id_is_fixed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.user_id IS DISTINCT FROM OLD.user_id THEN
          RAISE EXCEPTION 'user_id never changes (was %)', OLD.user_id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER user_account_user_id_is_fixed BEFORE UPDATE OF user_id ON user_account
        FOR EACH ROW EXECUTE FUNCTION user_account_user_id_is_fixed()`);

    await runner.query(`
      CREATE TABLE refresh_session (
        id           uuid        PRIMARY KEY,
        user_id      text        NOT NULL REFERENCES user_account (user_id),
        token_hash   bytea       NOT NULL CONSTRAINT refresh_session_token_hash_sha256 CHECK (octet_length(token_hash) = 32),
        family_id    uuid        NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        expires_at   timestamptz NOT NULL,
        revoked_at   timestamptz,
        replaced_by  uuid        REFERENCES refresh_session (id),
        CONSTRAINT refresh_session_token_hash_unique UNIQUE (token_hash)
      )`);
    await runner.query(`CREATE INDEX refresh_session_by_family ON refresh_session (family_id)`);
    await runner.query(`CREATE INDEX refresh_session_by_user ON refresh_session (user_id)`);
    await runner.query(`CREATE INDEX refresh_session_by_expiry ON refresh_session (expires_at)`);

    // private_jwk is stored in plain text for now; see SigningKeyEntity.
    await runner.query(`
      CREATE TABLE signing_key (
        kid          text        PRIMARY KEY,
        algorithm    text        NOT NULL,
        private_jwk  jsonb       NOT NULL,
        public_jwk   jsonb       NOT NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        active       boolean     NOT NULL DEFAULT true,
        retired_at   timestamptz,
        CONSTRAINT signing_key_retired_is_inactive CHECK (NOT (active AND retired_at IS NOT NULL))
      )`);
    // At most one key signs at a time; a second replica's insert at first start fails instead of
    // adding a second active key.
    await runner.query(`CREATE UNIQUE INDEX signing_key_one_active ON signing_key ((true)) WHERE active`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE signing_key');
    await runner.query('DROP TABLE refresh_session');
    await runner.query('DROP TABLE user_account');
    await runner.query('DROP FUNCTION user_account_user_id_is_fixed()');
    await runner.query('DROP TABLE organisation');
  }
}
