/**
 * The meter point extract as CSV text (RFC 4180, see ./csv-records.ts): one header row, then one
 * record per meter point, CRLF line ends on output (any line end accepted on input). The rules of
 * the extract (columns, what a valid record is) are the domain's: ../domain/meter-point-extract.ts.
 * A large file is imported as a stream by ./import-extract.ts; these read and write whole texts.
 */
import {
  EXTRACT_COLUMNS,
  ExtractChecker,
  extractFields,
  parseExtractRecord,
  type ExtractParseResult,
  type ExtractRecordResult,
  type MeterPoint,
} from '../domain';
import { formatCsv, formatCsvRecord, readCsvText } from './csv-records';

/** One record of the extract (without a line end). */
export function formatExtractRow(mp: MeterPoint): string {
  return formatCsvRecord(extractFields(mp));
}

/** A whole extract: the header and one record per meter point, each followed by CRLF. */
export function formatExtract(meterPoints: Iterable<MeterPoint>): string {
  return formatCsv([EXTRACT_COLUMNS, ...Array.from(meterPoints, extractFields)]);
}

/** Parses and checks a whole extract text (ExtractChecker gives the rules). */
export function parseExtract(text: string, knownStatuses: readonly string[]): ExtractParseResult {
  const checker = new ExtractChecker(knownStatuses);
  const result: ExtractParseResult = { rows: [], errors: [] };
  for (const record of readCsvText(text)) {
    const { rows, errors } = checker.check(record);
    result.rows.push(...rows.map((row) => row.meterPoint));
    result.errors.push(...errors);
  }
  result.errors.push(...checker.end());
  return result;
}

/**
 * Parses and checks the text of one data record (a line of the file, or a record spanning several
 * lines when a quoted field holds a line break).
 */
export function parseExtractLine(line: string, knownStatuses: readonly string[]): ExtractRecordResult {
  const records = readCsvText(line);
  if (records.length !== 1) {
    return { ok: false, errors: [records.length === 0 ? 'empty record' : `expected one record, found ${records.length}`] };
  }
  const [record] = records;
  if (record.error) return { ok: false, errors: [record.error] };
  return parseExtractRecord(record.fields, knownStatuses);
}
