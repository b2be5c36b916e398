import { Inject, Injectable } from '@nestjs/common';
import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import { runPrepared, type PreparedStatement } from '@cms/persistence';
import type { MeterPointStatus, PafAddress } from '@cms/gas-market';
import type { MeterPoint } from '../domain';
import type {
  ExtractRow,
  MeterPointRegister,
  RegisteredMeterPoint,
  UpsertCounts,
  UpsertResult,
} from '../application/meter-point-register.port';
import { MeterPointStatusEntity } from './meter-point-status.entity';
import { MeterPointEntity } from './meter-point.entity';
import { DATA_SOURCE } from '@cms/service-defaults';

/** Register columns in insert order: name, SQL type (for the unnest arrays), value from a meter point. */
const COLUMNS: ReadonlyArray<readonly [column: string, type: string, value: (mp: MeterPoint) => unknown]> = [
  ['mprn', 'varchar', (mp) => mp.mprn],
  ['status', 'varchar', (mp) => mp.status],
  ['isolated', 'boolean', (mp) => mp.isolated],
  ['transporter_organisation_id', 'uuid', (mp) => mp.transporterId],
  ['registered_shipper_organisation_id', 'uuid', (mp) => mp.registeredShipperId],
  ['ldz', 'varchar', (mp) => mp.ldz],
  ['organisation', 'varchar', (mp) => mp.address.organisation ?? null],
  ['department', 'varchar', (mp) => mp.address.department ?? null],
  ['sub_building_name', 'varchar', (mp) => mp.address.subBuildingName ?? null],
  ['building_name', 'varchar', (mp) => mp.address.buildingName ?? null],
  ['building_number', 'varchar', (mp) => mp.address.buildingNumber ?? null],
  ['po_box', 'varchar', (mp) => mp.address.poBox ?? null],
  ['dependent_thoroughfare', 'varchar', (mp) => mp.address.dependentThoroughfare ?? null],
  ['thoroughfare', 'varchar', (mp) => mp.address.thoroughfare ?? null],
  ['double_dependent_locality', 'varchar', (mp) => mp.address.doubleDependentLocality ?? null],
  ['dependent_locality', 'varchar', (mp) => mp.address.dependentLocality ?? null],
  ['post_town', 'varchar', (mp) => mp.address.postTown],
  ['county', 'varchar', (mp) => mp.address.county ?? null],
  ['postcode', 'varchar', (mp) => mp.address.postcode],
  ['udprn', 'varchar', (mp) => mp.address.udprn ?? null],
  ['uprn', 'varchar', (mp) => mp.address.uprn ?? null],
];

const UPDATED_COLUMNS = COLUMNS.slice(1).map(([column]) => column);

/**
 * One multi-row upsert per batch. The rows travel as one array per column and `unnest` turns them
 * back into rows: 21 parameters whatever the batch size, and about 2.5 times faster than a VALUES
 * list of 21 parameters a row (100,000 rows: 2.4 s against 6 s on a laptop).
 * A row equal to the one held is skipped by the WHERE clause, so re-importing an extract leaves
 * version and updated_at alone. RETURNING gives one row per insert or real update; `xmax = 0`
 * tells an insert from an update (an updated row version carries the updating transaction's id).
 */
const UPSERT = `
  INSERT INTO meter_point (${COLUMNS.map(([column]) => column).join(', ')})
  SELECT * FROM unnest(${COLUMNS.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})
  ON CONFLICT (mprn) DO UPDATE SET
    ${UPDATED_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(',\n    ')},
    updated_at = now(),
    version = meter_point.version + 1
  WHERE (${UPDATED_COLUMNS.map((column) => `meter_point.${column}`).join(', ')})
        IS DISTINCT FROM (${UPDATED_COLUMNS.map((column) => `EXCLUDED.${column}`).join(', ')})
  RETURNING (xmax = 0) AS inserted`;

/** One meter point with its status, under the entity's property names (see MeterPointEntity). */
const FIND_BY_MPRN: PreparedStatement = {
  name: 'meter-point-find-by-mprn',
  text: `
  SELECT m.mprn, m.status AS "statusCode", json_build_object('code', s.code, 'name', s.name) AS status,
         m.isolated, m.transporter_organisation_id AS "transporterOrganisationId",
         m.registered_shipper_organisation_id AS "registeredShipperOrganisationId", m.ldz,
         m.organisation, m.department, m.sub_building_name AS "subBuildingName", m.building_name AS "buildingName",
         m.building_number AS "buildingNumber", m.po_box AS "poBox", m.dependent_thoroughfare AS "dependentThoroughfare",
         m.thoroughfare, m.double_dependent_locality AS "doubleDependentLocality",
         m.dependent_locality AS "dependentLocality", m.post_town AS "postTown", m.county, m.postcode, m.udprn, m.uprn,
         m.updated_at AS "updatedAt", m.version
    FROM meter_point m JOIN meter_point_status s ON s.code = m.status
   WHERE m.mprn = $1`,
};

/** PostgreSQL error classes for bad data (22), constraint violations (23), cardinality (21). */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[123]/.test(code);
}

/** The meter point register in PostgreSQL (the service's own database). */
@Injectable()
export class TypeOrmMeterPointRegister implements MeterPointRegister {
  constructor(@Inject(DATA_SOURCE) private readonly dataSource: DataSource) {}

  async statuses(): Promise<MeterPointStatus[]> {
    const rows = await this.dataSource.getRepository(MeterPointStatusEntity).find({ order: { displayOrder: 'ASC', code: 'ASC' } });
    return rows.map(({ code, name }) => ({ code, name }));
  }

  /**
   * The look-up every contact logging makes: one plain statement. TypeORM's findOne with a relation
   * builds its SQL afresh on every call, which cost more than the query itself on this hot path.
   */
  async find(mprn: string): Promise<RegisteredMeterPoint | undefined> {
    // The look-up behind every contact logged: a prepared statement, planned once per connection.
    const rows = await runPrepared<MeterPointEntity>(this.dataSource, FIND_BY_MPRN, [mprn]);
    return rows[0] ? toRegistered(rows[0]) : undefined;
  }

  async findByPostcode(postcode: string, options: { limit: number; afterMprn?: string }): Promise<RegisteredMeterPoint[]> {
    const rows = await this.dataSource.getRepository(MeterPointEntity).find({
      where: options.afterMprn === undefined ? { postcode } : { postcode, mprn: MoreThan(options.afterMprn) },
      relations: { status: true },
      order: { mprn: 'ASC' },
      take: options.limit,
    });
    return rows.map(toRegistered);
  }

  async count(): Promise<number> {
    const [{ count }] = await this.dataSource.query('SELECT count(*)::int AS count FROM meter_point');
    return count;
  }

  async upsert(rows: ExtractRow[]): Promise<UpsertResult> {
    if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0, rejected: [] };
    try {
      const counts = await this.dataSource.transaction((manager) => upsertStatement(manager, rows));
      return { ...counts, rejected: [] };
    } catch (error) {
      if (!isRowError(error)) throw error;
      return this.upsertRowByRow(rows);
    }
  }

  /**
   * The slow path, taken only when the database refused a batch: each row in its own savepoint,
   * so the rows it accepts are written and the ones it refuses are reported against their lines.
   */
  private async upsertRowByRow(rows: ExtractRow[]): Promise<UpsertResult> {
    return this.dataSource.transaction(async (manager) => {
      const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, rejected: [] };
      for (const row of rows) {
        await manager.query('SAVEPOINT extract_row');
        try {
          const counts = await upsertStatement(manager, [row]);
          await manager.query('RELEASE SAVEPOINT extract_row');
          result.inserted += counts.inserted;
          result.updated += counts.updated;
          result.unchanged += counts.unchanged;
        } catch (error) {
          if (!isRowError(error)) throw error;
          await manager.query('ROLLBACK TO SAVEPOINT extract_row');
          const reason = error instanceof Error ? error.message : String(error);
          result.rejected.push({ line: row.line, message: `the register refused the record: ${reason}` });
        }
      }
      return result;
    });
  }
}

async function upsertStatement(manager: EntityManager, rows: ExtractRow[]): Promise<UpsertCounts> {
  const columns = COLUMNS.map(([, , value]) => rows.map(({ meterPoint }) => value(meterPoint)));
  const written: Array<{ inserted: boolean }> = await manager.query(UPSERT, columns);
  const inserted = written.filter((row) => row.inserted).length;
  return { inserted, updated: written.length - inserted, unchanged: rows.length - written.length };
}

function toRegistered(row: MeterPointEntity): RegisteredMeterPoint {
  // In PAF order, absent fields left out.
  const fields: Array<[keyof PafAddress, string | null]> = [
    ['organisation', row.organisation],
    ['department', row.department],
    ['subBuildingName', row.subBuildingName],
    ['buildingName', row.buildingName],
    ['buildingNumber', row.buildingNumber],
    ['poBox', row.poBox],
    ['dependentThoroughfare', row.dependentThoroughfare],
    ['thoroughfare', row.thoroughfare],
    ['doubleDependentLocality', row.doubleDependentLocality],
    ['dependentLocality', row.dependentLocality],
    ['postTown', row.postTown],
    ['county', row.county],
    ['postcode', row.postcode],
    ['udprn', row.udprn],
    ['uprn', row.uprn],
  ];
  const address = {} as PafAddress; // post town and postcode are NOT NULL columns: always set below
  for (const [key, value] of fields) if (value !== null) address[key] = value;
  return {
    meterPoint: {
      mprn: row.mprn,
      status: row.statusCode,
      isolated: row.isolated,
      transporterId: row.transporterOrganisationId,
      registeredShipperId: row.registeredShipperOrganisationId,
      ldz: row.ldz,
      address,
    },
    status: { code: row.status!.code, name: row.status!.name },
    updatedAt: row.updatedAt,
  };
}
