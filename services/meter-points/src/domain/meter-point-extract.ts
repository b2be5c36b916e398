/**
 * The meter point extract: a CSV file standing in for the UK Link register import.
 *
 * One header row, then one meter point per record, RFC 4180 quoting (see ./csv.ts), CRLF line
 * ends on output (LF accepted on input). Columns, in order: see EXTRACT_COLUMNS.
 * `isolated` is `true`/`false` (Y/N, 1/0 accepted on input); an empty `registered_shipper_id`
 * means no registered shipper; empty address fields mean "not present".
 *
 * Parsing validates every record and reports each problem with the record's starting line,
 * without stopping: good rows are returned alongside the errors.
 */
import { type CsvRecord, CsvRecordReader, formatCsvRecord, readCsv } from './csv';
import { isLdzCode, isMprn, isPafTextField, normalisePostcode, PAF_FIELD_MAX_LENGTHS, type PafAddress } from '@cms/gas-market';
import type { MeterPoint } from './meter-point';

/** The address columns after the meter point columns, in order, with their PafAddress field. */
const ADDRESS_COLUMNS: ReadonlyArray<readonly [string, keyof PafAddress]> = [
  ['organisation', 'organisation'],
  ['department', 'department'],
  ['sub_building_name', 'subBuildingName'],
  ['building_name', 'buildingName'],
  ['building_number', 'buildingNumber'],
  ['po_box', 'poBox'],
  ['dependent_thoroughfare', 'dependentThoroughfare'],
  ['thoroughfare', 'thoroughfare'],
  ['double_dependent_locality', 'doubleDependentLocality'],
  ['dependent_locality', 'dependentLocality'],
  ['post_town', 'postTown'],
  ['county', 'county'],
  ['postcode', 'postcode'],
  ['udprn', 'udprn'],
  ['uprn', 'uprn'],
];

export const EXTRACT_COLUMNS: readonly string[] = Object.freeze([
  'mprn',
  'status',
  'isolated',
  'transporter_id',
  'registered_shipper_id',
  'ldz',
  ...ADDRESS_COLUMNS.map(([column]) => column),
]);

/** The header row (without a line end). */
export const extractHeader: string = EXTRACT_COLUMNS.join(',');

/** Line end written between records (RFC 4180). */
export const EXTRACT_LINE_END = '\r\n';

/** One record of the extract (without a line end). */
export function formatExtractRow(mp: MeterPoint): string {
  const a = mp.address;
  return formatCsvRecord([
    mp.mprn,
    mp.status,
    mp.isolated ? 'true' : 'false',
    mp.transporterId,
    mp.registeredShipperId ?? '',
    mp.ldz,
    ...ADDRESS_COLUMNS.map(([, key]) => a[key] ?? ''),
  ]);
}

/** A whole extract: header and one record per meter point, each followed by CRLF. */
export function formatExtract(meterPoints: Iterable<MeterPoint>): string {
  const lines = [extractHeader];
  for (const mp of meterPoints) lines.push(formatExtractRow(mp));
  return lines.join(EXTRACT_LINE_END) + EXTRACT_LINE_END;
}

export interface ExtractError {
  /** Physical line (1-based, the header is line 1) on which the bad record starts. */
  line: number;
  message: string;
}

export interface ExtractParseResult {
  rows: MeterPoint[];
  errors: ExtractError[];
}

export type ExtractRecordResult = { ok: true; meterPoint: MeterPoint } | { ok: false; errors: string[] };

const TRUE_VALUES = new Set(['true', 'y', 'yes', '1']);
const FALSE_VALUES = new Set(['false', 'n', 'no', '0']);

/**
 * Validates one record already split into fields. Every problem is reported, one message each.
 * Values are trimmed; status, ldz and postcode are upper-cased; the postcode is normalised to
 * "OUTWARD INWARD".
 */
export function parseExtractRecord(fields: readonly string[], knownStatuses: readonly string[]): ExtractRecordResult {
  if (fields.length !== EXTRACT_COLUMNS.length) {
    return { ok: false, errors: [`expected ${EXTRACT_COLUMNS.length} fields, found ${fields.length}`] };
  }
  const v = fields.map((f) => f.trim());
  const errors: string[] = [];

  const mprn = v[0];
  if (!isMprn(mprn)) errors.push(`mprn: must be numeric, at most 10 digits (got "${mprn}")`);

  const status = v[1].toUpperCase();
  if (!knownStatuses.includes(status)) {
    errors.push(`status: "${v[1]}" is not a known status (known: ${knownStatuses.join(', ')})`);
  }

  const isolatedText = v[2].toLowerCase();
  const isolated = TRUE_VALUES.has(isolatedText);
  if (!isolated && !FALSE_VALUES.has(isolatedText)) errors.push(`isolated: must be true or false (got "${v[2]}")`);

  const transporterId = v[3];
  if (transporterId === '') errors.push('transporter_id: is required');

  const registeredShipperId = v[4] === '' ? null : v[4];

  const ldz = v[5].toUpperCase();
  if (!isLdzCode(ldz)) errors.push(`ldz: "${v[5]}" is not a known LDZ`);

  const address: Partial<PafAddress> = {};
  ADDRESS_COLUMNS.forEach(([column, key], index) => {
    const value = v[6 + index];
    if (value === '') return;
    // The postcode and the reference numbers have shapes of their own, checked below.
    const max = PAF_FIELD_MAX_LENGTHS[key];
    if (isPafTextField(key) && value.length > max) {
      errors.push(`${column}: longer than ${max} characters`);
    }
    address[key] = value;
  });

  if (address.postTown === undefined) errors.push('post_town: is required');
  if (address.postcode === undefined) {
    errors.push('postcode: is required');
  } else {
    const postcode = normalisePostcode(address.postcode);
    if (postcode === null) errors.push(`postcode: "${address.postcode}" is not a UK postcode shape`);
    else address.postcode = postcode;
  }
  if (address.udprn !== undefined && !/^[0-9]{1,8}$/.test(address.udprn)) {
    errors.push(`udprn: must be numeric, at most 8 digits (got "${address.udprn}")`);
  }
  if (address.uprn !== undefined && !/^[0-9]{1,12}$/.test(address.uprn)) {
    errors.push(`uprn: must be numeric, at most 12 digits (got "${address.uprn}")`);
  }

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    meterPoint: { mprn, status, isolated, transporterId, registeredShipperId, ldz, address: address as PafAddress },
  };
}

/**
 * Parses and validates the text of one data record (a line of the file, or a record spanning
 * several lines when a quoted field holds a line break).
 */
export function parseExtractLine(line: string, knownStatuses: readonly string[]): ExtractRecordResult {
  const records = readCsv(line);
  if (records.length !== 1) {
    return { ok: false, errors: [records.length === 0 ? 'empty record' : `expected one record, found ${records.length}`] };
  }
  if (records[0].error) return { ok: false, errors: [records[0].error] };
  return parseExtractRecord(records[0].fields, knownStatuses);
}

export interface ExtractParser {
  /** Feeds the next chunk of text; returns the rows and errors completed by it. */
  push(chunk: string): ExtractParseResult;
  /** Ends the input; returns what the last record (and file-level checks) gave. */
  end(): ExtractParseResult;
}

/** A valid row with the physical line its record starts on. */
export interface NumberedExtractRow {
  line: number;
  meterPoint: MeterPoint;
}

export interface NumberedExtractParseResult {
  rows: NumberedExtractRow[];
  errors: ExtractError[];
}

export interface NumberedExtractParser {
  push(chunk: string): NumberedExtractParseResult;
  end(): NumberedExtractParseResult;
}

/**
 * Streaming extract parser: feed it chunks (e.g. from `fs.createReadStream(path, 'utf8')`) and
 * persist the rows it returns batch by batch. Checks the header, validates every record, reports
 * repeated MPRNs (keeps the first), and never stops at a bad record. A wrong header is a
 * file-level error: no row is returned after it.
 */
export function createExtractParser(knownStatuses: readonly string[]): ExtractParser {
  const numbered = createNumberedExtractParser(knownStatuses);
  const strip = (r: NumberedExtractParseResult): ExtractParseResult => ({
    rows: r.rows.map((row) => row.meterPoint),
    errors: r.errors,
  });
  return { push: (chunk) => strip(numbered.push(chunk)), end: () => strip(numbered.end()) };
}

/** As `createExtractParser`, each row with the line its record starts on (for import reports). */
export function createNumberedExtractParser(knownStatuses: readonly string[]): NumberedExtractParser {
  const reader = new CsvRecordReader();
  const seen = new Map<string, number>();
  let headerState: 'pending' | 'ok' | 'bad' = 'pending';
  let sawAnyRecord = false;

  const consume = (records: CsvRecord[]): NumberedExtractParseResult => {
    const result: NumberedExtractParseResult = { rows: [], errors: [] };
    for (const record of records) {
      sawAnyRecord = true;
      if (headerState === 'pending') {
        headerState = checkHeader(record.fields, record.error, record.line, result.errors) ? 'ok' : 'bad';
        continue;
      }
      if (headerState === 'bad') continue;
      if (record.error) {
        result.errors.push({ line: record.line, message: record.error });
        continue;
      }
      const parsed = parseExtractRecord(record.fields, knownStatuses);
      if (!parsed.ok) {
        for (const message of parsed.errors) result.errors.push({ line: record.line, message });
        continue;
      }
      const firstLine = seen.get(parsed.meterPoint.mprn);
      if (firstLine !== undefined) {
        result.errors.push({
          line: record.line,
          message: `mprn: ${parsed.meterPoint.mprn} repeats the record on line ${firstLine}`,
        });
        continue;
      }
      seen.set(parsed.meterPoint.mprn, record.line);
      result.rows.push({ line: record.line, meterPoint: parsed.meterPoint });
    }
    return result;
  };

  return {
    push: (chunk) => consume(reader.push(chunk)),
    end: () => {
      const result = consume(reader.end());
      if (!sawAnyRecord) result.errors.push({ line: 1, message: 'the file is empty: expected a header row' });
      return result;
    },
  };
}

function checkHeader(fields: string[], csvError: string | undefined, line: number, errors: ExtractError[]): boolean {
  if (csvError) {
    errors.push({ line, message: `header: ${csvError}` });
    return false;
  }
  const names = fields.map((f) => f.trim().toLowerCase());
  if (names.length === EXTRACT_COLUMNS.length && names.every((n, i) => n === EXTRACT_COLUMNS[i])) return true;

  const missing = EXTRACT_COLUMNS.filter((c) => !names.includes(c));
  const unexpected = names.filter((n) => !EXTRACT_COLUMNS.includes(n));
  const details: string[] = [];
  if (missing.length > 0) details.push(`missing ${missing.join(', ')}`);
  if (unexpected.length > 0) details.push(`unexpected ${unexpected.map((n) => `"${n}"`).join(', ')}`);
  if (details.length === 0) details.push('columns are out of order');
  errors.push({
    line,
    message: `header: expected "${extractHeader}" (${details.join('; ')}); no record was read`,
  });
  return false;
}

/** Parses a whole extract text. See `createExtractParser` for the rules and for large files. */
export function parseExtract(text: string, knownStatuses: readonly string[]): ExtractParseResult {
  const parser = createExtractParser(knownStatuses);
  const a = parser.push(text);
  const b = parser.end();
  return { rows: a.rows.concat(b.rows), errors: a.errors.concat(b.errors) };
}
