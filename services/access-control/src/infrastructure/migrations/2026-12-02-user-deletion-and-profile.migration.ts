import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An LSO deletes a user (docs/domain.md "Who uses it"): the row stays, so its user id is never
 * reused, with status DELETED and its personal details replaced. Users keep a telephone number of
 * their own (their profile: name, email, telephone).
 */
export class UserDeletionAndProfile1796250100000 implements MigrationInterface {
  name = 'UserDeletionAndProfile1796250100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE user_account DROP CONSTRAINT user_account_status_known');
    await runner.query(`ALTER TABLE user_account ADD CONSTRAINT user_account_status_known CHECK (status IN ('ACTIVE', 'SUSPENDED', 'DELETED'))`);
    await runner.query(`
      ALTER TABLE user_account ADD COLUMN telephone text
        CONSTRAINT user_account_telephone_length CHECK (char_length(telephone) BETWEEN 1 AND 30)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE user_account DROP COLUMN telephone');
    await runner.query('ALTER TABLE user_account DROP CONSTRAINT user_account_status_known');
    await runner.query(`ALTER TABLE user_account ADD CONSTRAINT user_account_status_known CHECK (status IN ('ACTIVE', 'SUSPENDED'))`);
  }
}
