import type { MeterPoint } from './meter-point';
import { EXTRACT_COLUMNS, ExtractChecker, extractFields, parseExtractRecord } from './meter-point-extract';

const STATUSES = ['LI', 'DE', 'CA', 'CL', 'EX'];

const meterPoint: MeterPoint = {
  mprn: '3938424403',
  status: 'DE',
  isolated: true,
  transporterId: '0d1e8a52-6f4b-4c1e-9a57-3c2b8f0e7d11',
  registeredShipperId: null,
  ldz: 'NW',
  address: { buildingNumber: '14', thoroughfare: 'Juniper Close', postTown: 'Preston', postcode: 'PR2 3LH' },
};
const fields = extractFields(meterPoint);

describe('extractFields', () => {
  it('gives one field per column, empty for absent values, and reads back as the same meter point', () => {
    expect(fields).toHaveLength(EXTRACT_COLUMNS.length);
    expect(fields.slice(0, 6)).toEqual(['3938424403', 'DE', 'true', meterPoint.transporterId, '', 'NW']);
    expect(parseExtractRecord(fields, STATUSES)).toEqual({ ok: true, meterPoint });
  });
});

describe('ExtractChecker', () => {
  it('checks the header, then each record, giving rows with their lines and counting data records', () => {
    const checker = new ExtractChecker(STATUSES);

    const header = checker.check({ line: 1, fields: EXTRACT_COLUMNS });
    const good = checker.check({ line: 2, fields });
    const unreadable = checker.check({ line: 4, fields: [], error: 'unterminated quoted field (field 4)' });
    const invalid = checker.check({ line: 5, fields: ['1', 'LI'] });

    expect(header).toEqual({ rows: [], errors: [] });
    expect(good).toEqual({ rows: [{ line: 2, meterPoint }], errors: [] });
    expect(unreadable.errors).toEqual([{ line: 4, message: 'unterminated quoted field (field 4)' }]);
    expect(invalid.errors).toEqual([{ line: 5, message: 'expected 21 fields, found 2' }]);
    expect(checker.end()).toEqual([]);
    expect(checker.dataRecords).toBe(3);
    expect(checker.fileRefused).toBe(false);
  });

  it('keeps the first of two records with one MPRN and reports the other', () => {
    const checker = new ExtractChecker(STATUSES);
    checker.check({ line: 1, fields: EXTRACT_COLUMNS });

    checker.check({ line: 2, fields });
    const repeated = checker.check({ line: 7, fields });

    expect(repeated).toEqual({ rows: [], errors: [{ line: 7, message: 'mprn: 3938424403 repeats the record on line 2' }] });
  });

  it('refuses the file at a wrong header and checks nothing after it', () => {
    const checker = new ExtractChecker(STATUSES);

    const header = checker.check({ line: 1, fields: [...EXTRACT_COLUMNS].reverse() });
    const after = checker.check({ line: 2, fields });

    expect(header.errors).toEqual([{ line: 1, message: expect.stringMatching(/^header: expected ".*" \(columns are out of order\); no record was read$/) }]);
    expect(after).toEqual({ rows: [], errors: [] });
    expect(checker.dataRecords).toBe(0);
    expect(checker.fileRefused).toBe(true);
  });

  it('refuses a header that cannot be read', () => {
    const checker = new ExtractChecker(STATUSES);

    const header = checker.check({ line: 1, fields: [], error: 'unexpected double quote inside an unquoted field (field 2)' });

    expect(header.errors).toEqual([{ line: 1, message: 'header: unexpected double quote inside an unquoted field (field 2)' }]);
    expect(checker.fileRefused).toBe(true);
  });

  it('refuses an empty file', () => {
    const checker = new ExtractChecker(STATUSES);

    expect(checker.end()).toEqual([{ line: 1, message: 'the file is empty: expected a header row' }]);
    expect(checker.fileRefused).toBe(true);
  });
});
