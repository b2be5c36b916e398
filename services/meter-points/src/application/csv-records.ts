/**
 * RFC 4180 CSV as line-numbered records, read with `csv-parse` and written with `csv-stringify`
 * (https://www.rfc-editor.org/rfc/rfc4180). The only place this service uses the two libraries; it
 * knows nothing of meter points, so it can move to a shared library once a second import needs it.
 *
 * Reading accepts CRLF, LF or a lone CR as line ends (mixed, too), a UTF-8 byte order mark, blank
 * lines (skipped) and a last record without a line end. A record that breaks RFC 4180 (a stray
 * double quote, text after a closing quote, a quoted field never closed) is returned with an
 * `error` in its place, and reading goes on with the next line (see READ_OPTIONS). Writing quotes a
 * field holding a comma, a double quote, CR or LF, doubles its quotes, and ends records with CRLF.
 *
 * The imports name the packages plainly: `csv-parse` and `csv-parse/sync` resolve in every tool we
 * run. TypeScript (`moduleResolution: node`, which ignores `exports`) finds their declarations
 * through the packages' `typesVersions`; Node, Jest and @swc-node/register load the CommonJS
 * builds (`dist/cjs/*.cjs`) through the packages' `exports` (the `require` condition).
 */
import { pipeline } from 'node:stream';
import { parse, type CsvError, type Options } from 'csv-parse';
// csv-parse/sync throws its own copy of CsvError, not the one csv-parse exports.
import { CsvError as SyncCsvError, parse as parseWholeText } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';

export interface CsvRecord {
  /** Physical line (1-based) on which the record starts. */
  line: number;
  /** The fields; empty when the record could not be read (see `error`). */
  fields: string[];
  /** Why the record could not be read, when it breaks RFC 4180. */
  error?: string;
}

/** Text or bytes (UTF-8), in chunks of any size: a record, a field or a CRLF may span chunks. */
export type CsvSource = Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>;

/**
 * Reads CSV from a stream of chunks (a file's read stream, say), record by record in file order.
 * Memory stays flat whatever the size of the input: the source is read on only as the records
 * already read are taken.
 */
export function readCsvRecords(source: CsvSource): AsyncIterable<CsvRecord> {
  // Records are pushed as the parser finds them, good ones and refused ones alike, so that a
  // refused record keeps its place in file order (csv-parse reports those through a callback).
  const parser = parse(readOptions((record) => parser.push(record)));
  // A failure of the source destroys the parser with it, and so reaches whoever reads the records.
  return pipeline(source, parser, () => undefined);
}

/** Reads a whole CSV text (the same rules as `readCsvRecords`). */
export function readCsvText(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  parseWholeText(text, readOptions((record) => records.push(record)));
  return records;
}

/** One record as CSV, without a line end. */
export function formatCsvRecord(fields: readonly string[]): string {
  return stringify([fields], { ...WRITE_OPTIONS, eof: false });
}

/** Records as CSV, each followed by CRLF. */
export function formatCsv(records: Iterable<readonly string[]>): string {
  return stringify([...records], WRITE_OPTIONS);
}

const WRITE_OPTIONS = {
  record_delimiter: 'windows',
  // With a record delimiter given, csv-stringify would quote only fields holding that delimiter
  // (CRLF); a lone CR or LF must be quoted too, or a reader takes it for the end of the record.
  quote_record_delimiter: true,
} as const;

/** RFC 4180 as it stands: any fault of quoting is an error. */
const STRICT_OPTIONS: Options = {
  bom: true,
  // Any line end, even mixed in one file; CRLF first, so that it is read as one line end.
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  // The caller checks the number of fields, with a message of its own.
  relax_column_count: true,
};

/**
 * How a file is read: a double quote out of place (a stray one inside an unquoted field, text after
 * a closing one) is kept as text, so that the record ends at its line end and the next line is read
 * as it stands. Read strictly, csv-parse would go on inside a badly closed field up to a quote that
 * can close it, and silently take the good records in between with it. Each record holding a double
 * quote is then read again strictly, on its own, for the fault to be reported (`quotingFault`).
 */
const READ_OPTIONS: Options = {
  ...STRICT_OPTIONS,
  relax_quotes: true,
  // A quoted field left open at the end is handed to `on_skip`, and the reading ends.
  skip_records_with_error: true,
  // The text of each record, to read it again strictly and to find the line it starts on.
  raw: true,
  // No max_record_size: with skip_records_with_error, a record over it would end the reading
  // silently. So a quoted field left open holds the rest of the file in memory.
};

function readOptions(emit: (record: CsvRecord) => void): Options {
  const lines = new PhysicalLines();
  return {
    ...READ_OPTIONS,
    // With `raw`, csv-parse hands on_record `{ record, raw }`. Returning null keeps csv-parse's own
    // output empty: every record reaches the caller through `emit`, in file order.
    on_record: (value: unknown, info) => {
      const { record: fields, raw } = value as { record: string[]; raw: string };
      // Without a double quote a record has no fault of quoting, and no line break inside (one
      // would end it): most records of a file are taken as they are.
      if (!raw.includes('"')) {
        emit({ line: lines.ofRecord([], info.lines), fields });
        return null;
      }
      const line = lines.ofRecord(fields, info.lines);
      const fault = quotingFault(raw);
      emit(fault === undefined ? { line, fields } : { line, fields: [], error: fault });
      return null;
    },
    on_skip: (error, raw = '') => {
      const line = lines.ofUnterminatedRecord(raw, Number(error?.lines));
      emit({ line, fields: [], error: quotingFault(raw) ?? describe(error) });
    },
  };
}

/** The first fault of quoting in the text of one record, read strictly; undefined when it has none. */
function quotingFault(raw: string): string | undefined {
  try {
    parseWholeText(raw, STRICT_OPTIONS);
    return undefined;
  } catch (error) {
    if (error instanceof SyncCsvError) return describe(error);
    throw error;
  }
}

function describe(error: CsvError | undefined): string {
  const field = `(field ${Number(error?.column) + 1})`;
  switch (error?.code) {
    case 'INVALID_OPENING_QUOTE':
      return `unexpected double quote inside an unquoted field ${field}`;
    case 'CSV_INVALID_CLOSING_QUOTE':
      return `unexpected text after a closing double quote ${field}`;
    case 'CSV_QUOTE_NOT_CLOSED':
      return `unterminated quoted field ${field}`;
    default:
      return error?.message ?? 'unreadable record';
  }
}

const LINE_BREAK_CHARACTERS = /[\r\n]/g;
const CRLF = /\r\n/g;
const LEADING_BLANK_LINES = /^[\r\n]+/;

function count(pattern: RegExp, texts: readonly string[]): number {
  let n = 0;
  for (const text of texts) n += text.match(pattern)?.length ?? 0;
  return n;
}

/**
 * The physical line each record starts on, from csv-parse's `info.lines`. csv-parse counts every CR
 * and every LF it meets as a line, so a CRLF inside a quoted field counts twice (as a record's own
 * CRLF line end does not); `surplus` is how far its count has run ahead of the real one.
 */
class PhysicalLines {
  private surplus = 0;

  /** `countedLine`: csv-parse's line count as the record ends, i.e. the line of its last character. */
  ofRecord(fields: readonly string[], countedLine: number): number {
    // A line break outside quotes ends a record, so the breaks inside it are those in its fields.
    const line = countedLine - count(LINE_BREAK_CHARACTERS, fields) - this.surplus;
    this.surplus += count(CRLF, fields);
    return line;
  }

  /**
   * The record whose quoted field is still open at the end of the file (with quotes relaxed, the
   * only one csv-parse reports as it goes, and the last). `raw`: the text read since the previous
   * record (any blank lines, then the record); `countedLine`: csv-parse's line count at its last
   * character, which it has not counted yet.
   */
  ofUnterminatedRecord(raw: string, countedLine: number): number {
    const text = raw.replace(LEADING_BLANK_LINES, '');
    return countedLine - count(LINE_BREAK_CHARACTERS, [text.slice(0, -1)]) - this.surplus;
  }
}
