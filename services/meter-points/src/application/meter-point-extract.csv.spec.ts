import { EXTRACT_COLUMNS, ExtractChecker, extractHeader, type ExtractError, type MeterPoint, type NumberedExtractRow } from '../domain';
import { formatCsvRecord, readCsvRecords } from './csv-records';
import { formatExtract, formatExtractRow, parseExtract, parseExtractLine } from './meter-point-extract.csv';

const STATUSES = ['LI', 'DE', 'CA', 'CL', 'EX'];
const DN = '0d1e8a52-6f4b-4c1e-9a57-3c2b8f0e7d11';
const SHIPPER = '5b9c2e71-8a3d-4f60-b1c4-7e2d9a0f3c58';

const plain: MeterPoint = {
  mprn: '3938424403',
  status: 'DE',
  isolated: false,
  transporterId: DN,
  registeredShipperId: SHIPPER,
  ldz: 'NW',
  address: { buildingNumber: '14', thoroughfare: 'Juniper Close', postTown: 'Preston', postcode: 'PR2 3LH', udprn: '27461935', uprn: '100012345678' },
};

const awkward: MeterPoint = {
  mprn: '123456',
  status: 'CA',
  isolated: true,
  transporterId: DN,
  registeredShipperId: null,
  ldz: 'SC',
  address: {
    organisation: 'Smith, Jones & "Partners"',
    department: 'Line one\nline two',
    subBuildingName: 'Flat 1',
    buildingName: 'The "Old" Mill, East Wing',
    dependentThoroughfare: 'Mill Court',
    thoroughfare: 'Quay Street',
    doubleDependentLocality: 'Crosshill',
    dependentLocality: 'Govan',
    postTown: 'Glasgow',
    county: 'Lanarkshire',
    postcode: 'G51 2QT',
    poBox: '17',
  },
};

describe('formatExtractRow', () => {
  it('has the documented header', () => {
    expect(extractHeader).toBe(
      'mprn,status,isolated,transporter_id,registered_shipper_id,ldz,organisation,department,sub_building_name,building_name,building_number,po_box,dependent_thoroughfare,thoroughfare,double_dependent_locality,dependent_locality,post_town,county,postcode,udprn,uprn',
    );
    expect(EXTRACT_COLUMNS).toHaveLength(21);
  });

  it('writes a plain row with empty fields for absent values', () => {
    expect(formatExtractRow(plain)).toBe(
      `3938424403,DE,false,${DN},${SHIPPER},NW,,,,,14,,,Juniper Close,,,Preston,,PR2 3LH,27461935,100012345678`,
    );
  });

  it('quotes fields holding a comma, a quote or a line break and doubles the quotes', () => {
    const row = formatExtractRow(awkward);
    expect(row).toContain(',"Smith, Jones & ""Partners""",');
    expect(row).toContain(',"Line one\nline two",');
    expect(row).toContain(',"The ""Old"" Mill, East Wing",');
    expect(row).toContain(',Flat 1,');
    expect(formatCsvRecord(['a\rb'])).toBe('"a\rb"');
    expect(formatCsvRecord(['plain'])).toBe('plain');
  });
});

describe('parseExtract', () => {
  it('round-trips rows, including quoted fields and line breaks inside fields', () => {
    const text = formatExtract([plain, awkward, { ...plain, mprn: '510', registeredShipperId: null }]);
    const result = parseExtract(text, STATUSES);
    expect(result.errors).toEqual([]);
    expect(result.rows).toEqual([plain, awkward, { ...plain, mprn: '510', registeredShipperId: null }]);
  });

  it('accepts LF line ends, a byte order mark, no final line break, and blank lines', () => {
    const text = '\uFEFF' + [extractHeader, formatExtractRow(plain), '', formatExtractRow(awkward)].join('\n');
    const result = parseExtract(text, STATUSES);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => r.mprn)).toEqual(['3938424403', '123456']);
  });

  it('normalises case and spacing of codes and postcode', () => {
    const row = formatExtractRow(plain).replace(',DE,', ', de ,').replace(',NW,', ',nw,').replace('PR2 3LH', 'pr23lh');
    const result = parseExtract([extractHeader, row].join('\r\n'), STATUSES);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ status: 'DE', ldz: 'NW', address: { postcode: 'PR2 3LH' } });
  });

  it('holds every text field to the shared PAF length, and the postcode to its shape, not its spacing', () => {
    const long = formatExtractRow({
      ...plain,
      address: { ...plain.address, subBuildingName: 'x'.repeat(31), dependentLocality: 'x'.repeat(36) },
    });
    const spaced = formatExtractRow(plain).replace('PR2 3LH', 'pr2   3lh');
    const result = parseExtract([extractHeader, long, spaced].join('\r\n'), STATUSES);
    expect(result.errors).toEqual([
      { line: 2, message: 'sub_building_name: longer than 30 characters' },
      { line: 2, message: 'dependent_locality: longer than 35 characters' },
    ]);
    expect(result.rows.map((r) => r.address.postcode)).toEqual(['PR2 3LH']);
  });

  it('reports every bad line with its line number and keeps going', () => {
    const bad = (patch: Partial<MeterPoint>, address: Partial<MeterPoint['address']> = {}) =>
      formatExtractRow({ ...plain, ...patch, address: { ...plain.address, ...address } });
    const lines = [
      extractHeader, // 1
      bad({ mprn: '12345678901' }), // 2: too long
      bad({ mprn: '39384A4403' }), // 3: not numeric
      formatExtractRow(awkward), // 4-5: good, spans two lines
      bad({ mprn: '111', status: 'XX' }), // 6: unknown status
      bad({ mprn: '222', ldz: 'ZZ' }), // 7: unknown LDZ
      bad({ mprn: '333' }, { postcode: '12 ABC' }), // 8: postcode shape
      bad({ mprn: '444', status: 'LIVE', ldz: 'Q' }, { postcode: 'NOPE' }), // 9: three problems
      '555,LI,true', // 10: too few fields
      formatExtractRow(plain), // 11: good
      formatExtractRow(plain), // 12: repeats line 11
      bad({ mprn: '666', transporterId: '' }, { buildingNumber: '12345', udprn: 'x' }), // 13
      bad({ mprn: '777' }).replace(',false,', ',maybe,'), // 14
      bad({ mprn: '888' }).replace(',Preston,', ',,'), // 15: post town missing
      '999,LI,false,a"b,,NW,,,,,1,,,X Street,,,Leeds,,LS1 1AA,,', // 16: stray quote
      '998,LI,false,"a"b,,NW,,,,,1,,,X Street,,,Leeds,,LS1 1AA,,', // 17: text after a closing quote
      bad({ mprn: '997' }), // 18: good, read as it stands
      bad({ mprn: '996' }, { organisation: 'Quoted, with a comma' }), // 19: good, the quote that could have closed line 17's field
    ];
    const result = parseExtract(lines.join('\r\n') + '\r\n', STATUSES);

    expect(result.rows.map((r) => r.mprn)).toEqual(['123456', '3938424403', '997', '996']);
    const byLine = new Map<number, string[]>();
    for (const e of result.errors) byLine.set(e.line, [...(byLine.get(e.line) ?? []), e.message]);
    expect([...byLine.keys()]).toEqual([2, 3, 6, 7, 8, 9, 10, 12, 13, 14, 15, 16, 17]);
    expect(byLine.get(2)![0]).toMatch(/^mprn: must be numeric, at most 10 digits/);
    expect(byLine.get(3)![0]).toMatch(/^mprn:/);
    expect(byLine.get(6)![0]).toMatch(/^status: "XX" is not a known status/);
    expect(byLine.get(7)![0]).toMatch(/^ldz: "ZZ" is not a known LDZ/);
    expect(byLine.get(8)![0]).toMatch(/^postcode: "12 ABC" is not a UK postcode shape/);
    expect(byLine.get(9)).toHaveLength(3);
    expect(byLine.get(10)).toEqual(['expected 21 fields, found 3']);
    expect(byLine.get(12)).toEqual(['mprn: 3938424403 repeats the record on line 11']);
    expect(byLine.get(13)).toEqual([
      'transporter_id: is required',
      'building_number: longer than 4 characters',
      'udprn: must be numeric, at most 8 digits (got "x")',
    ]);
    expect(byLine.get(14)).toEqual(['isolated: must be true or false (got "maybe")']);
    expect(byLine.get(15)).toEqual(['post_town: is required']);
    expect(byLine.get(16)).toEqual(['unexpected double quote inside an unquoted field (field 4)']);
    expect(byLine.get(17)).toEqual(['unexpected text after a closing double quote (field 4)']);
  });

  it('refuses a file whose header is wrong, reading no record', () => {
    const wrongHeader = extractHeader.replace('post_town', 'town');
    const result = parseExtract([wrongHeader, formatExtractRow(plain)].join('\n'), STATUSES);
    expect(result.rows).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0].line).toBe(1);
    expect(result.errors[0].message).toMatch(/missing post_town; unexpected "town"/);

    const noHeader = parseExtract(formatExtractRow(plain), STATUSES);
    expect(noHeader.rows).toEqual([]);
    expect(noHeader.errors[0].line).toBe(1);

    expect(parseExtract('', STATUSES).errors).toEqual([{ line: 1, message: 'the file is empty: expected a header row' }]);
  });

  it('reports an unterminated quoted field at the end of the file', () => {
    const result = parseExtract(`${extractHeader}\n${formatExtractRow(plain)}\n123,LI,false,"oops`, STATUSES);
    expect(result.rows).toHaveLength(1);
    expect(result.errors).toEqual([{ line: 3, message: 'unterminated quoted field (field 4)' }]);
  });

  it('only accepts statuses from the reference data it is given', () => {
    const text = [extractHeader, formatExtractRow(plain)].join('\n');
    expect(parseExtract(text, ['LI']).errors[0].message).toMatch(/"DE" is not a known status \(known: LI\)/);
  });
});

describe('streaming', () => {
  /** The extract read as a stream of chunks, checked record by record, as the import does. */
  async function readInChunks(text: string, size: number) {
    const checker = new ExtractChecker(STATUSES);
    const rows: NumberedExtractRow[] = [];
    const errors: ExtractError[] = [];
    const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
    for await (const record of readCsvRecords(chunks)) {
      const result = checker.check(record);
      rows.push(...result.rows);
      errors.push(...result.errors);
    }
    errors.push(...checker.end());
    return { rows, errors };
  }

  it('gives the same result whatever the chunk size', async () => {
    const text = formatExtract([plain, awkward, { ...plain, mprn: '12' }]) + 'x,LI\r\n';
    const whole = parseExtract(text, STATUSES);
    for (const size of [1, 2, 3, 7, 64]) {
      const { rows, errors } = await readInChunks(text, size);
      expect({ rows: rows.map((row) => row.meterPoint), errors }).toEqual(whole);
    }
    expect(whole.rows).toHaveLength(3);
    expect(whole.errors).toEqual([{ line: 6, message: 'expected 21 fields, found 2' }]);
  });

  it('gives each row the line its record starts on', async () => {
    const text = formatExtract([plain, awkward, { ...plain, mprn: '12' }]);
    const { rows } = await readInChunks(text, 5);
    expect(rows.map((r) => [r.line, r.meterPoint.mprn])).toEqual([
      [2, '3938424403'],
      [3, '123456'],
      [5, '12'],
    ]);
  });

  it('parseExtractLine validates one record', () => {
    expect(parseExtractLine(formatExtractRow(awkward), STATUSES)).toEqual({ ok: true, meterPoint: awkward });
    expect(parseExtractLine('1,LI', STATUSES)).toEqual({ ok: false, errors: ['expected 21 fields, found 2'] });
    expect(parseExtractLine('', STATUSES)).toEqual({ ok: false, errors: ['empty record'] });
  });
});
