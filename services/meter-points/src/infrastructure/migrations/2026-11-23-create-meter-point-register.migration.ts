import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The meter point register (the UK Link stand-in) and its status reference data.
 *
 * Statuses are reference data, not an enum (docs/domain.md, "Meter points"): `meter_point.status`
 * is a foreign key to `meter_point_status`, so an operator can add a status without a release.
 * The seed is the default list at the time of writing (LI, DE, EX, and the product-decision codes
 * CA and CL); it is written out here, not imported, because a migration must never change.
 *
 * Address columns keep the legacy register lengths where there is one (building number 4,
 * building name 50, streets 40, post town 40, county 40) and the Royal Mail PAF lengths otherwise.
 */
export class CreateMeterPointRegister1795424400000 implements MigrationInterface {
  name = 'CreateMeterPointRegister1795424400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE meter_point_status (
        code           varchar(2)  PRIMARY KEY,
        name           varchar(40) NOT NULL,
        display_order  smallint    NOT NULL
      )`);
    await runner.query(`
      INSERT INTO meter_point_status (code, name, display_order) VALUES
        ('LI', 'Live', 1),
        ('DE', 'Dead', 2),
        ('CA', 'Capped', 3),
        ('CL', 'Clamped', 4),
        ('EX', 'Extinct', 5)`);
    await runner.query(`
      CREATE TABLE meter_point (
        mprn                                varchar(10) PRIMARY KEY CHECK (mprn ~ '^[0-9]{1,10}$'),
        status                              varchar(2)  NOT NULL REFERENCES meter_point_status (code),
        isolated                            boolean     NOT NULL,
        transporter_organisation_id         uuid        NOT NULL,
        registered_shipper_organisation_id  uuid,
        ldz                                 char(2)     NOT NULL,
        organisation                        varchar(60),
        department                          varchar(60),
        sub_building_name                   varchar(30),
        building_name                       varchar(50),
        building_number                     varchar(4),
        po_box                              varchar(6),
        dependent_thoroughfare              varchar(40),
        thoroughfare                        varchar(40),
        double_dependent_locality           varchar(35),
        dependent_locality                  varchar(35),
        post_town                           varchar(40) NOT NULL,
        county                              varchar(40),
        postcode                            varchar(8)  NOT NULL,
        udprn                               varchar(8),
        uprn                                varchar(12),
        updated_at                          timestamptz NOT NULL DEFAULT now(),
        version                             integer     NOT NULL DEFAULT 1
      )`);
    await runner.query('CREATE INDEX meter_point_postcode ON meter_point (postcode)');
    // Without it, deleting or renaming a status would scan the whole register.
    await runner.query('CREATE INDEX meter_point_status_code ON meter_point (status)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE meter_point');
    await runner.query('DROP TABLE meter_point_status');
  }
}
