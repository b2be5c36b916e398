import { constants, createReadStream } from 'node:fs';
import { access, stat } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { CsvError, parse, type Info } from 'csv-parse';
import { parsePafCsvRecord } from '../domain';
import type { AddressBook, ReplaceCounts, StagedRecord } from './address-book.port';

export interface LineError {
  line: number;
  message: string;
}

export interface PafImportReport extends ReplaceCounts {
  /** Records read (blank lines are not records). */
  records: number;
  /** True when the file was refused: then nothing was changed, and `errors` says why. */
  refused: boolean;
  /** The faults found, in line order, at most `maxReportedErrors`. */
  errors: LineError[];
  /** Faults left out of `errors`. */
  errorsNotReported: number;
  durationMs: number;
}

export interface PafImportProgress {
  records: number;
  bytesRead: number;
  totalBytes: number;
}

export interface PafImportOptions {
  /** Records per staging statement. */
  batchSize?: number;
  maxReportedErrors?: number;
  /** Called after each batch is staged, and once at the end of the file. */
  onProgress?: (progress: PafImportProgress) => void;
}

/** RFC 4180 as it stands: any fault of quoting ends the reading, and refuses the file. */
const CSV_OPTIONS = {
  bom: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  skip_empty_lines: true,
  // The field count is checked per record, with a message of its own.
  relax_column_count: true,
  info: true,
};

const LINE_BREAKS = /\r\n|\r|\n/g;

/**
 * Imports a PAF file (Royal Mail's CSV layout, domain/paf-csv-record.ts), replacing the address
 * table: all of it or nothing. The file is read as a stream and put aside batch by batch, so
 * memory stays flat whatever its size (1,000,000 delivery points and more); once it has been read
 * to the end without a fault, the table takes it in one transaction. A file with any fault (a
 * record of the wrong shape, a field too long, a quoting error, a UDPRN twice) is refused with the
 * line of each fault found, and the table is left as it was. Importing the same file again changes nothing.
 */
export async function importPafFile(path: string, book: AddressBook, options: PafImportOptions = {}): Promise<PafImportReport> {
  // Checked first so that a missing or unreadable file fails at once, the path in the message.
  await access(path, constants.R_OK);
  const totalBytes = (await stat(path)).size;
  const started = performance.now();
  const batchSize = options.batchSize ?? 2_000;
  const maxReportedErrors = options.maxReportedErrors ?? 100;
  const report: PafImportReport = {
    records: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    deleted: 0,
    refused: false,
    errors: [],
    errorsNotReported: 0,
    durationMs: 0,
  };
  const fault = (error: LineError) => {
    if (report.errors.length < maxReportedErrors) report.errors.push(error);
    else report.errorsNotReported += 1;
  };

  const outcome = await book.replaceAll(async (staging) => {
    let batch: StagedRecord[] = [];
    let bytesRead = 0;
    const parser = createReadStream(path, { highWaterMark: 1 << 20 }).pipe(parse(CSV_OPTIONS));
    try {
      for await (const { record: fields, info } of parser as AsyncIterable<{ record: string[]; info: Info }>) {
        report.records += 1;
        bytesRead = info.bytes;
        // csv-parse counts lines to the record's end; a quoted field may hold line breaks.
        const line = info.lines - (fields.join('').match(LINE_BREAKS)?.length ?? 0);
        const result = parsePafCsvRecord(fields);
        if (!result.ok) {
          for (const message of result.errors) fault({ line, message });
          continue;
        }
        // After a fault the rest of the file is only checked: it will not be imported.
        if (report.errors.length > 0) continue;
        batch.push({ line, record: result.record });
        if (batch.length >= batchSize) {
          await staging.stage(batch);
          batch = [];
          options.onProgress?.({ records: report.records, bytesRead, totalBytes });
        }
      }
    } catch (error) {
      if (!(error instanceof CsvError)) throw error;
      fault({ line: Number(error.lines), message: describe(error) });
    }
    // An empty file would empty the table: it is taken for a broken one.
    if (report.records === 0 && report.errors.length === 0) fault({ line: 1, message: 'the file holds no records' });
    if (report.errors.length === 0) await staging.stage(batch);
    options.onProgress?.({ records: report.records, bytesRead: totalBytes, totalBytes });
    return report.errors.length === 0;
  });

  if (outcome.replaced) Object.assign(report, outcome.counts);
  else {
    report.refused = true;
    if ('duplicates' in outcome) {
      for (const { udprn, firstLine, line } of outcome.duplicates) fault({ line, message: `UDPRN ${udprn} is already on line ${firstLine}` });
    }
  }
  report.errors.sort((a, b) => a.line - b.line);
  report.durationMs = Math.round(performance.now() - started);
  return report;
}

function describe(error: CsvError): string {
  switch (error.code) {
    case 'INVALID_OPENING_QUOTE':
      return 'unexpected double quote inside an unquoted field';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'unexpected text after a closing double quote';
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'quoted field never closed';
    default:
      return error.message;
  }
}
