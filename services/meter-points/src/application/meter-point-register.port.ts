import type { MeterPointStatus } from '@cms/gas-market';
import type { MeterPoint } from '../domain';

/** A meter point as the register holds it: the domain record, its status's name, when it last changed. */
export interface RegisteredMeterPoint {
  meterPoint: MeterPoint;
  status: MeterPointStatus;
  updatedAt: Date;
}

/** A meter point in the register, with the line of the extract it was read from. */
export interface ExtractRow {
  line: number;
  meterPoint: MeterPoint;
}

/** What one upsert did: new rows, changed rows, rows the register already held as they are. */
export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A row the register refused (a constraint the extract format does not express). */
export interface RejectedRow {
  line: number;
  message: string;
}

export interface UpsertResult extends UpsertCounts {
  rejected: RejectedRow[];
}

/** The register's store (PostgreSQL in production). Application code depends on this port only. */
export interface MeterPointRegister {
  /** The status reference list, in display order. */
  statuses(): Promise<MeterPointStatus[]>;

  find(mprn: string): Promise<RegisteredMeterPoint | undefined>;

  /** Meter points at a postcode (normalised form), in MPRN order, after `afterMprn` when given. */
  findByPostcode(postcode: string, options: { limit: number; afterMprn?: string }): Promise<RegisteredMeterPoint[]>;

  /**
   * Inserts or updates the rows in one transaction. A row equal to the one held is left alone
   * (its version and updated_at do not move). Rows the database refuses are returned as rejected;
   * the others are still written.
   */
  upsert(rows: ExtractRow[]): Promise<UpsertResult>;

  count(): Promise<number>;
}

export const METER_POINT_REGISTER = Symbol('METER_POINT_REGISTER');
