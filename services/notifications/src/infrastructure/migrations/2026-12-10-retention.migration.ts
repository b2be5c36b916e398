import type { MigrationInterface, QueryRunner } from 'typeorm';
import { redactionFunctionsDown, redactionFunctionsUp } from '@cms/persistence';

/** Retention (README "Retention"): `cms_redacted(value, paths, marker)`, which replaces the personal fields of the webhook deliveries' bodies. */
export class Retention1796860800000 implements MigrationInterface {
  name = 'Retention1796860800000';

  async up(runner: QueryRunner): Promise<void> {
    for (const statement of redactionFunctionsUp()) await runner.query(statement);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const statement of redactionFunctionsDown()) await runner.query(statement);
  }
}
