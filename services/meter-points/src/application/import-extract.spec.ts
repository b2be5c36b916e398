import { DEFAULT_METER_POINT_STATUSES } from '@cms/gas-market';
import { extractHeader, type MeterPoint } from '../domain';
import { importExtract } from './import-extract';
import { formatExtractRow } from './meter-point-extract.csv';
import type { ExtractRow, MeterPointRegister, RegisteredMeterPoint, UpsertResult } from './meter-point-register.port';

/** An in-memory register: just enough to see what the import writes, batch by batch. */
class InMemoryRegister implements MeterPointRegister {
  readonly rows = new Map<string, ExtractRow>();
  readonly batches: number[] = [];
  /** MPRNs the "database" refuses, as a constraint would. */
  readonly refused = new Set<string>();

  async statuses() {
    return [...DEFAULT_METER_POINT_STATUSES];
  }
  async find(): Promise<RegisteredMeterPoint | undefined> {
    return undefined;
  }
  async findByPostcode(): Promise<RegisteredMeterPoint[]> {
    return [];
  }
  async count() {
    return this.rows.size;
  }
  async upsert(rows: ExtractRow[]): Promise<UpsertResult> {
    this.batches.push(rows.length);
    const result: UpsertResult = { inserted: 0, updated: 0, unchanged: 0, rejected: [] };
    for (const row of rows) {
      if (this.refused.has(row.meterPoint.mprn)) {
        result.rejected.push({ line: row.line, message: 'refused' });
        continue;
      }
      const held = this.rows.get(row.meterPoint.mprn);
      if (!held) result.inserted += 1;
      else if (JSON.stringify(held.meterPoint) === JSON.stringify(row.meterPoint)) result.unchanged += 1;
      else result.updated += 1;
      this.rows.set(row.meterPoint.mprn, row);
    }
    return result;
  }
}

const TRANSPORTER = '383da001-dcc0-4cf5-8481-59b9749b0a6c';

function meterPoint(mprn: string, patch: Partial<MeterPoint> = {}): MeterPoint {
  return {
    mprn,
    status: 'LI',
    isolated: false,
    transporterId: TRANSPORTER,
    registeredShipperId: null,
    ldz: 'NW',
    address: { buildingNumber: '14', thoroughfare: 'Juniper Close', postTown: 'Preston', postcode: 'PR2 9QZ' },
    ...patch,
  };
}

/** Header, good rows and bad rows; each comment gives the physical line(s). */
const MIXED = [
  extractHeader, // 1
  formatExtractRow(meterPoint('101')), // 2
  formatExtractRow(meterPoint('102', { address: { organisation: 'Two\nlines', postTown: 'Leeds', postcode: 'LS1 1AA' } })), // 3-4
  formatExtractRow(meterPoint('12345678901')), // 5: MPRN too long
  formatExtractRow(meterPoint('103', { transporterId: 'cadent' })), // 6: not a UUID (a register constraint)
  formatExtractRow(meterPoint('104', { address: { department: 'D'.repeat(61), postTown: 'York', postcode: 'YO1 7HH' } })), // 7: too long for the column
  formatExtractRow(meterPoint('105')), // 8
  formatExtractRow(meterPoint('101')), // 9: repeats line 2
  formatExtractRow(meterPoint('106')), // 10
].join('\r\n') + '\r\n';

describe('importExtract', () => {
  it('writes every good record and reports every bad one with the line it starts on', async () => {
    const register = new InMemoryRegister();

    const report = await importExtract([MIXED], register);

    expect([...register.rows.keys()]).toEqual(['101', '102', '105', '106']);
    expect(register.rows.get('105')!.line).toBe(8);
    expect(report).toMatchObject({ records: 8, imported: 4, inserted: 4, rejected: 4, fileRejected: false });
    expect(report.errors.map((error) => [error.line, error.message.split(':')[0]])).toEqual([
      [5, 'mprn'],
      [6, 'transporter_id'],
      [7, 'department'],
      [9, 'mprn'],
    ]);
  });

  it('gives the same result however the text is split into chunks', async () => {
    const whole = await importExtract([MIXED], new InMemoryRegister());

    for (let at = 1; at < MIXED.length; at += 1) {
      const register = new InMemoryRegister();
      const report = await importExtract([MIXED.slice(0, at), MIXED.slice(at)], register);
      expect({ ...report, durationMs: 0 }).toEqual({ ...whole, durationMs: 0 });
      expect([...register.rows.values()].map((row) => row.line)).toEqual([2, 3, 8, 10]);
    }
  });

  it('writes in batches of the given size', async () => {
    const register = new InMemoryRegister();
    const text = [extractHeader, ...Array.from({ length: 25 }, (_, i) => formatExtractRow(meterPoint(String(1000 + i))))].join('\n');

    const report = await importExtract([text], register, { batchSize: 10 });

    expect(register.batches).toEqual([10, 10, 5]);
    expect(report.inserted).toBe(25);
  });

  it('counts an unchanged re-import as unchanged', async () => {
    const register = new InMemoryRegister();
    await importExtract([MIXED], register);

    const again = await importExtract([MIXED], register);

    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4, rejected: 4 });
  });

  it('reports the records the register refuses against their lines', async () => {
    const register = new InMemoryRegister();
    register.refused.add('105');

    const report = await importExtract([MIXED], register);

    expect(report.imported).toBe(3);
    expect(report.rejected).toBe(5);
    expect(report.errors.find((error) => error.message === 'refused')?.line).toBe(8);
  });

  it('refuses the whole file when the header is wrong, and an empty file', async () => {
    const register = new InMemoryRegister();

    const wrongHeader = await importExtract([MIXED.replace('mprn,status', 'status,mprn')], register);
    const empty = await importExtract([''], register);

    expect(wrongHeader).toMatchObject({ fileRejected: true, records: 0, imported: 0, rejected: 0 });
    expect(wrongHeader.errors).toEqual([{ line: 1, message: expect.stringMatching(/^header: /) }]);
    expect(empty).toMatchObject({ fileRejected: true, records: 0, imported: 0 });
    expect(register.rows.size).toBe(0);
  });

  it('keeps at most the given number of line errors and counts the rest', async () => {
    const bad = Array.from({ length: 30 }, (_, i) => `${i},XX,false,${TRANSPORTER},,NW,,,,,,,,,,,Leeds,,LS1 1AA,,`);

    const report = await importExtract([[extractHeader, ...bad].join('\n')], new InMemoryRegister(), { maxReportedErrors: 10 });

    expect(report.rejected).toBe(30);
    expect(report.errors).toHaveLength(10);
    expect(report.errorsNotReported).toBe(20);
  });
});
