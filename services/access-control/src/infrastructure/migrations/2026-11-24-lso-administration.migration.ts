import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * LSO administration: users who must change a password someone else set, forgotten-password
 * reset tokens (hashes only), and the append-only audit trail of administrative actions
 * (docs/quality.md "Security").
 */
export class LsoAdministration1795478500000 implements MigrationInterface {
  name = 'LsoAdministration1795478500000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE user_account ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    // When the last reset email went to this user: at most one per interval, whoever asks.
    await runner.query(`ALTER TABLE user_account ADD COLUMN password_reset_requested_at timestamptz`);

    await runner.query(`
      CREATE TABLE password_reset_token (
        token_hash  bytea       PRIMARY KEY CONSTRAINT password_reset_token_hash_sha256 CHECK (octet_length(token_hash) = 32),
        user_id     text        NOT NULL REFERENCES user_account (user_id),
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz
      )`);
    await runner.query(`CREATE INDEX password_reset_token_by_user ON password_reset_token (user_id)`);

    await runner.query(`
      CREATE TABLE admin_audit (
        id               bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at      timestamptz NOT NULL DEFAULT now(),
        actor_user_id    text,
        action           text        NOT NULL,
        organisation_id  uuid,
        subject_user_id  text,
        details          jsonb       NOT NULL DEFAULT '{}'
      )`);
    await runner.query(`CREATE INDEX admin_audit_by_organisation ON admin_audit (organisation_id, occurred_at)`);
    await runner.query(`CREATE INDEX admin_audit_by_subject ON admin_audit (subject_user_id, occurred_at)`);
    // Append-only: rows can be added, never changed or removed.
    await runner.query(`
      CREATE FUNCTION admin_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'admin_audit is append-only' USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await runner.query(`
      CREATE TRIGGER admin_audit_is_append_only BEFORE UPDATE OR DELETE ON admin_audit
        FOR EACH STATEMENT EXECUTE FUNCTION admin_audit_is_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE admin_audit');
    await runner.query('DROP FUNCTION admin_audit_is_append_only()');
    await runner.query('DROP TABLE password_reset_token');
    await runner.query('ALTER TABLE user_account DROP COLUMN password_reset_requested_at');
    await runner.query('ALTER TABLE user_account DROP COLUMN must_change_password');
  }
}
