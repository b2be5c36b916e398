import { Inject, Injectable } from '@nestjs/common';
import type { DataSource, QueryRunner } from 'typeorm';
import { PAF_TEXT_FIELDS, type PafAddressField } from '@cms/gas-market';
import { runPrepared, type PreparedStatement } from '@cms/persistence';
import { DATA_SOURCE } from '@cms/service-defaults';
import type { AddressSource } from '../application/address-source.port';
import type { AddressBook, ReplaceOutcome, StagedRecord, Staging } from '../application/address-book.port';
import type { DeliveryPoint, PafRecord } from '../domain';

/** The PAF text fields the table holds (county is the legacy register's, not PAF's), each in the column of its name in snake case. */
const TEXT_FIELDS = PAF_TEXT_FIELDS.filter((field) => field !== 'county');
const columnOf = (field: string) => field.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/** The table's columns beside the UDPRN, in insert order: name, SQL type (for the unnest arrays), value of a record. */
const COLUMNS: ReadonlyArray<readonly [column: string, type: string, value: (record: PafRecord) => unknown]> = [
  ['uprn', 'varchar', (r) => r.address.uprn ?? null],
  ['postcode', 'varchar', (r) => r.address.postcode],
  ...TEXT_FIELDS.map((field) => [columnOf(field), 'varchar', (r: PafRecord) => r.address[field] ?? null] as const),
  ['postcode_type', 'varchar', (r) => r.postcodeType],
  ['small_user_organisation', 'boolean', (r) => r.smallUserOrganisation],
  ['delivery_point_suffix', 'varchar', (r) => r.deliveryPointSuffix],
];
const NAMES = COLUMNS.map(([column]) => column);

/** The columns read back, under DeliveryPoint's names. */
const ADDRESS_FIELDS: ReadonlyArray<readonly [column: string, field: PafAddressField]> = (
  ['udprn', 'uprn', ...TEXT_FIELDS, 'postcode'] as const
).map((field) => [columnOf(field), field]);
const SELECTED = ADDRESS_FIELDS.map(([column]) => (column === 'udprn' ? 'udprn::text AS udprn' : column)).join(', ');

// The look-ups behind every request: prepared statements, planned once per connection.
const AT_POSTCODE: PreparedStatement = { name: 'address-at-postcode', text: `SELECT ${SELECTED} FROM address WHERE postcode = $1` };
const BY_UDPRN: PreparedStatement = { name: 'address-by-udprn', text: `SELECT ${SELECTED} FROM address WHERE udprn = $1::integer` };

/** Serialises imports (a second replica importing at start waits for the first): pg_advisory_xact_lock's key. */
const IMPORT_LOCK = 0x6164_6472; // "addr"

/**
 * The file's records are put aside in a temporary table, then merged into `address` in three
 * statements: rows equal to the ones held are skipped (so a re-import leaves them, and their
 * imported_at, alone), changed ones updated, new ones inserted, and those the file lacks deleted.
 */
const MERGE = `
  WITH written AS (
    INSERT INTO address (udprn, ${NAMES.join(', ')})
    SELECT udprn, ${NAMES.join(', ')} FROM address_import
    ON CONFLICT (udprn) DO UPDATE SET
      ${NAMES.map((column) => `${column} = EXCLUDED.${column}`).join(',\n      ')},
      imported_at = now()
    WHERE (${NAMES.map((column) => `address.${column}`).join(', ')})
          IS DISTINCT FROM (${NAMES.map((column) => `EXCLUDED.${column}`).join(', ')})
    RETURNING (xmax = 0) AS inserted
  )
  SELECT count(*) FILTER (WHERE inserted)::int AS inserted, count(*) FILTER (WHERE NOT inserted)::int AS updated FROM written`;

const DELETE_ABSENT = `
  DELETE FROM address a WHERE NOT EXISTS (SELECT 1 FROM address_import i WHERE i.udprn = a.udprn)`;

/** The first repeated UDPRNs of the file, each with the line of its first record and of a repeat. */
const DUPLICATES = `
  SELECT udprn::text AS udprn, min(line) AS "firstLine", (array_agg(line ORDER BY line))[2] AS line
    FROM address_import GROUP BY udprn HAVING count(*) > 1 ORDER BY 3 LIMIT 100`;

type Row = Record<string, string | null>;

/** The local source: the PAF delivery points in the service's own table, and their import. */
@Injectable()
export class PafAddressTable implements AddressSource, AddressBook {
  readonly name = 'PAF_TABLE';

  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async atPostcode(postcode: string): Promise<DeliveryPoint[]> {
    return (await runPrepared<Row>(this.dataSource, AT_POSTCODE, [postcode])).map(toDeliveryPoint);
  }

  async byUdprn(udprn: string): Promise<DeliveryPoint | null> {
    const [row] = await runPrepared<Row>(this.dataSource, BY_UDPRN, [udprn]);
    return row ? toDeliveryPoint(row) : null;
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM address');
    return count;
  }

  async replaceAll(fill: (staging: Staging) => Promise<boolean>): Promise<ReplaceOutcome> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      // The data source bounds each statement to 15 s (libs/persistence), right for requests; merging
      // a whole PAF file (1,000,000 rows and more) takes longer, and this transaction only.
      await runner.query('SET LOCAL statement_timeout = 0');
      await runner.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK]);
      await runner.query(`
        CREATE TEMPORARY TABLE address_import ON COMMIT DROP AS
        SELECT 0 AS line, udprn, ${NAMES.join(', ')} FROM address WITH NO DATA`);
      const complete = await fill({ stage: (records) => stage(runner, records) });
      if (!complete) {
        await runner.rollbackTransaction();
        return { replaced: false, abandoned: true };
      }
      const duplicates = await runner.query(DUPLICATES);
      if (duplicates.length > 0) {
        await runner.rollbackTransaction();
        return { replaced: false, duplicates };
      }
      await runner.query('ANALYZE address_import');
      const [{ inserted, updated }] = await runner.query(MERGE);
      const deleted = (await runner.query(DELETE_ABSENT, [], true)).affected ?? 0;
      const total = (await runner.query('SELECT count(*)::int AS count FROM address_import'))[0].count as number;
      await runner.commitTransaction();
      return { replaced: true, counts: { inserted, updated, unchanged: total - inserted - updated, deleted } };
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }
}

async function stage(runner: QueryRunner, records: StagedRecord[]): Promise<void> {
  if (records.length === 0) return;
  const types = ['integer', 'integer', ...COLUMNS.map(([, type]) => type)];
  const arrays = [
    records.map(({ line }) => line),
    records.map(({ record }) => Number(record.address.udprn)),
    ...COLUMNS.map(([, , value]) => records.map(({ record }) => value(record))),
  ];
  await runner.query(
    `INSERT INTO address_import (line, udprn, ${NAMES.join(', ')})
     SELECT * FROM unnest(${types.map((type, index) => `$${index + 1}::${type}[]`).join(', ')})`,
    arrays,
  );
}

function toDeliveryPoint(row: Row): DeliveryPoint {
  const address: Record<string, string> = {};
  for (const [column, field] of ADDRESS_FIELDS) {
    const value = row[column];
    if (value !== null && value !== undefined) address[field] = value;
  }
  return address as unknown as DeliveryPoint; // udprn, post town and postcode are NOT NULL columns
}
