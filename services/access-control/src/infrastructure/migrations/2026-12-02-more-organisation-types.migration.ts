import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Daily Metered Service Providers, Meter Reading Agencies and Utility Infrastructure Providers
 * hold CMS accounts too (docs/domain.md "Who uses it"): the organisation's type may be one of them.
 */
export class MoreOrganisationTypes1796250000000 implements MigrationInterface {
  name = 'MoreOrganisationTypes1796250000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE organisation DROP CONSTRAINT organisation_type_known');
    await runner.query(`
      ALTER TABLE organisation ADD CONSTRAINT organisation_type_known
        CHECK (type IN ('SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP'))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE organisation DROP CONSTRAINT organisation_type_known');
    await runner.query(`ALTER TABLE organisation ADD CONSTRAINT organisation_type_known CHECK (type IN ('SHIPPER', 'DN', 'IGT', 'CDSP'))`);
  }
}
