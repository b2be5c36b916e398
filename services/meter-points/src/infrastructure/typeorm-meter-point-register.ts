import { MoreThan, type DataSource, type EntityManager } from 'typeorm';
import type { MeterPoint, MeterPointStatus, PafAddress } from '../domain';
import type {
  ExtractRow,
  MeterPointRegister,
  RegisteredMeterPoint,
  UpsertCounts,
  UpsertResult,
} from '../application/meter-point-register.port';
import { MeterPointStatusEntity } from './meter-point-status.entity';
import { MeterPointEntity } from './meter-point.entity';

/** Register columns in insert order, with how each is read from a meter point. */
const COLUMNS: ReadonlyArray<readonly [column: string, value: (mp: MeterPoint) => unknown]> = [
  ['mprn', (mp) => mp.mprn],
  ['status', (mp) => mp.status],
  ['isolated', (mp) => mp.isolated],
  ['transporter_organisation_id', (mp) => mp.transporterId],
  ['registered_shipper_organisation_id', (mp) => mp.registeredShipperId],
  ['ldz', (mp) => mp.ldz],
  ['organisation', (mp) => mp.address.organisation ?? null],
  ['department', (mp) => mp.address.department ?? null],
  ['sub_building_name', (mp) => mp.address.subBuildingName ?? null],
  ['building_name', (mp) => mp.address.buildingName ?? null],
  ['building_number', (mp) => mp.address.buildingNumber ?? null],
  ['po_box', (mp) => mp.address.poBox ?? null],
  ['dependent_thoroughfare', (mp) => mp.address.dependentThoroughfare ?? null],
  ['thoroughfare', (mp) => mp.address.thoroughfare ?? null],
  ['double_dependent_locality', (mp) => mp.address.doubleDependentLocality ?? null],
  ['dependent_locality', (mp) => mp.address.dependentLocality ?? null],
  ['post_town', (mp) => mp.address.postTown],
  ['county', (mp) => mp.address.county ?? null],
  ['postcode', (mp) => mp.address.postcode],
  ['udprn', (mp) => mp.address.udprn ?? null],
  ['uprn', (mp) => mp.address.uprn ?? null],
];

const COLUMN_LIST = COLUMNS.map(([column]) => column).join(', ');
const UPDATED_COLUMNS = COLUMNS.slice(1).map(([column]) => column);

/**
 * Multi-row upsert. A row equal to the one held is skipped by the WHERE clause, so re-importing an
 * extract leaves version and updated_at alone. RETURNING gives one row per insert or real update;
 * `xmax = 0` tells a fresh insert from an update (an updated row version carries the updating
 * transaction's id in xmax).
 */
const UPSERT_TAIL = `
  ON CONFLICT (mprn) DO UPDATE SET
    ${UPDATED_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(',\n    ')},
    updated_at = now(),
    version = meter_point.version + 1
  WHERE (${UPDATED_COLUMNS.map((column) => `meter_point.${column}`).join(', ')})
        IS DISTINCT FROM (${UPDATED_COLUMNS.map((column) => `EXCLUDED.${column}`).join(', ')})
  RETURNING (xmax = 0) AS inserted`;

/** PostgreSQL error classes for bad data (22), constraint violations (23), cardinality (21). */
function isRowError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^2[123]/.test(code);
}

/** The meter point register in PostgreSQL (the service's own database). */
export class TypeOrmMeterPointRegister implements MeterPointRegister {
  constructor(private readonly dataSource: DataSource) {}

  async statuses(): Promise<MeterPointStatus[]> {
    const rows = await this.dataSource.getRepository(MeterPointStatusEntity).find({ order: { displayOrder: 'ASC', code: 'ASC' } });
    return rows.map(({ code, name }) => ({ code, name }));
  }

  async find(mprn: string): Promise<RegisteredMeterPoint | undefined> {
    const row = await this.dataSource.getRepository(MeterPointEntity).findOne({ where: { mprn }, relations: { status: true } });
    return row ? toRegistered(row) : undefined;
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
  const parameters: unknown[] = [];
  const tuples: string[] = [];
  for (const { meterPoint } of rows) {
    const placeholders: string[] = [];
    for (const [, value] of COLUMNS) {
      parameters.push(value(meterPoint));
      placeholders.push(`$${parameters.length}`);
    }
    tuples.push(`(${placeholders.join(', ')})`);
  }
  const written: Array<{ inserted: boolean }> = await manager.query(
    `INSERT INTO meter_point (${COLUMN_LIST}) VALUES ${tuples.join(', ')}${UPSERT_TAIL}`,
    parameters,
  );
  const inserted = written.filter((row) => row.inserted).length;
  return { inserted, updated: written.length - inserted, unchanged: rows.length - written.length };
}

function toRegistered(row: MeterPointEntity): RegisteredMeterPoint {
  const address: PafAddress = { postTown: row.postTown, postcode: row.postcode };
  const optional: Array<[keyof PafAddress, string | null]> = [
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
    ['county', row.county],
    ['udprn', row.udprn],
    ['uprn', row.uprn],
  ];
  for (const [key, value] of optional) if (value !== null) address[key] = value;
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
