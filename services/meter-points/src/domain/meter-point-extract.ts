/**
 * The meter point extract: a CSV file standing in for the UK Link register import. Its rules are
 * here; reading and writing it as CSV text is ../application/meter-point-extract.csv.ts.
 *
 * One header row, then one meter point per record. Columns, in order: see EXTRACT_COLUMNS.
 * `isolated` is `true`/`false` (Y/N, 1/0 accepted on input); an empty `registered_shipper_id`
 * means no registered shipper; empty address fields mean "not present".
 *
 * Every record is checked and each problem reported with the line the record starts on, without
 * stopping: good rows are kept alongside the errors.
 */
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

/** The header row, as CSV (the column names need no quoting). */
export const extractHeader: string = EXTRACT_COLUMNS.join(',');

/** The fields of one record, in EXTRACT_COLUMNS order. */
export function extractFields(mp: MeterPoint): string[] {
  const a = mp.address;
  return [
    mp.mprn,
    mp.status,
    mp.isolated ? 'true' : 'false',
    mp.transporterId,
    mp.registeredShipperId ?? '',
    mp.ldz,
    ...ADDRESS_COLUMNS.map(([, key]) => a[key] ?? ''),
  ];
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

/** A valid row with the physical line its record starts on. */
export interface NumberedExtractRow {
  line: number;
  meterPoint: MeterPoint;
}

export interface NumberedExtractParseResult {
  rows: NumberedExtractRow[];
  errors: ExtractError[];
}

/** A record of an extract file as read: the line it starts on and its fields, or why it could not be read. */
export interface ExtractFileRecord {
  line: number;
  fields: readonly string[];
  /** Set when the record breaks RFC 4180; its fields are then not to be used. */
  error?: string;
}

/**
 * Checks the records of one extract file, in file order: the header first, then every data
 * record, reporting repeated MPRNs (the first is kept). Never stops at a bad record. A wrong header
 * is a file-level error: no row is returned after it.
 */
export class ExtractChecker {
  /** Data records checked: the header and anything after a wrong header are not counted. */
  dataRecords = 0;
  private header: 'pending' | 'accepted' | 'refused' = 'pending';
  private readonly seen = new Map<string, number>();

  constructor(private readonly knownStatuses: readonly string[]) {}

  /** True when the file is refused: its header is wrong, or (once ended) it had none. */
  get fileRefused(): boolean {
    return this.header !== 'accepted';
  }

  /** Checks the next record: gives its row, or its errors (none for the header when it is right). */
  check(record: ExtractFileRecord): NumberedExtractParseResult {
    const result: NumberedExtractParseResult = { rows: [], errors: [] };
    if (this.header === 'pending') {
      this.header = checkHeader(record.fields, record.error, record.line, result.errors) ? 'accepted' : 'refused';
      return result;
    }
    if (this.header === 'refused') return result;
    this.dataRecords += 1;
    if (record.error) {
      result.errors.push({ line: record.line, message: record.error });
      return result;
    }
    const parsed = parseExtractRecord(record.fields, this.knownStatuses);
    if (!parsed.ok) {
      for (const message of parsed.errors) result.errors.push({ line: record.line, message });
      return result;
    }
    const firstLine = this.seen.get(parsed.meterPoint.mprn);
    if (firstLine !== undefined) {
      result.errors.push({ line: record.line, message: `mprn: ${parsed.meterPoint.mprn} repeats the record on line ${firstLine}` });
      return result;
    }
    this.seen.set(parsed.meterPoint.mprn, record.line);
    result.rows.push({ line: record.line, meterPoint: parsed.meterPoint });
    return result;
  }

  /** Ends the file: an empty one (no header) is refused. */
  end(): ExtractError[] {
    return this.header === 'pending' ? [{ line: 1, message: 'the file is empty: expected a header row' }] : [];
  }
}

function checkHeader(fields: readonly string[], csvError: string | undefined, line: number, errors: ExtractError[]): boolean {
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
