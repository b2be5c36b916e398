import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The PAF delivery points this service answers from (the local source), one row per UDPRN, as the
 * last PAF file imported gave them; and the look-ups each user made each day (the quota). Text
 * column sizes are the shared PAF set (libs/gas-market PAF_FIELD_MAX_LENGTHS); the UDPRN, up to 8
 * digits, fits an integer. Look-ups are by postcode: its index is the hot path.
 */
export class CreateAddress1796169934703 implements MigrationInterface {
  name = 'CreateAddress1796169934703';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE address (
        udprn                      integer      PRIMARY KEY CHECK (udprn BETWEEN 1 AND 99999999),
        uprn                       varchar(12),
        postcode                   varchar(8)   NOT NULL,
        post_town                  varchar(40)  NOT NULL,
        dependent_locality         varchar(35),
        double_dependent_locality  varchar(35),
        thoroughfare               varchar(40),
        dependent_thoroughfare     varchar(40),
        building_number            varchar(4),
        building_name              varchar(50),
        sub_building_name          varchar(30),
        po_box                     varchar(6),
        department                 varchar(60),
        organisation               varchar(60),
        postcode_type              char(1)      NOT NULL CHECK (postcode_type IN ('S', 'L')),
        small_user_organisation    boolean      NOT NULL,
        delivery_point_suffix      char(2),
        imported_at                timestamptz  NOT NULL DEFAULT now()
      )`);
    await runner.query('CREATE INDEX address_postcode ON address (postcode)');
    await runner.query(`
      CREATE TABLE lookup_count (
        holder   varchar(200)  NOT NULL,
        day      date          NOT NULL,
        lookups  integer       NOT NULL,
        PRIMARY KEY (holder, day)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE lookup_count');
    await runner.query('DROP TABLE address');
  }
}
