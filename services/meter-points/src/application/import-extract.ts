import { constants, createReadStream } from 'node:fs';
import { access } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { ExtractChecker, type ExtractError } from '../domain';
import { readCsvRecords, type CsvSource } from './csv-records';
import type { ExtractRow, MeterPointRegister, UpsertCounts } from './meter-point-register.port';
import { registerConstraintProblems } from './register-row-constraints';

export interface ImportExtractOptions {
  /** Rows per upsert statement and transaction. */
  batchSize?: number;
  /** Line errors kept in the report; the rest are only counted. */
  maxReportedErrors?: number;
}

export interface ExtractImportReport extends UpsertCounts {
  /** Data records read (the header is not counted). */
  records: number;
  /** Records written or found unchanged: inserted + updated + unchanged. */
  imported: number;
  /** Records refused, each with at least one entry in `errors`. */
  rejected: number;
  /** Line errors in line order, at most `maxReportedErrors`. */
  errors: ExtractError[];
  /** Line errors left out of `errors`. */
  errorsNotReported: number;
  /** True when the file itself was refused (empty, or a wrong header): nothing was imported. */
  fileRejected: boolean;
  durationMs: number;
}

const DEFAULT_BATCH_SIZE = 1_000;
const DEFAULT_MAX_REPORTED_ERRORS = 1_000;

/**
 * Imports a meter point extract (the UK Link stand-in's CSV, see domain/meter-point-extract.ts)
 * into the register: every valid record is upserted, every bad one is reported with its line, and
 * the import goes on. Reads the file as a stream and writes as it goes, one transaction per batch,
 * so memory stays flat whatever the file size. Importing the same file again changes nothing.
 */
export async function importExtractFile(
  path: string,
  register: MeterPointRegister,
  options: ImportExtractOptions = {},
): Promise<ExtractImportReport> {
  // Checked first so that a missing or unreadable file fails at once, the path in the message.
  await access(path, constants.R_OK);
  return importExtract(createReadStream(path, { highWaterMark: 1 << 20 }), register, options);
}

/** Imports an extract given as chunks of text or bytes (any split: a record may span chunks). */
export async function importExtract(
  chunks: CsvSource,
  register: MeterPointRegister,
  options: ImportExtractOptions = {},
): Promise<ExtractImportReport> {
  const started = performance.now();
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const maxReportedErrors = options.maxReportedErrors ?? DEFAULT_MAX_REPORTED_ERRORS;

  const statuses = await register.statuses();
  const checker = new ExtractChecker(statuses.map((status) => status.code));

  const report: ExtractImportReport = {
    records: 0,
    imported: 0,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    errors: [],
    errorsNotReported: 0,
    fileRejected: false,
    durationMs: 0,
  };
  const rejectedLines = new Set<number>();
  const reject = (error: ExtractError) => {
    rejectedLines.add(error.line);
    if (report.errors.length < maxReportedErrors) report.errors.push(error);
    else report.errorsNotReported += 1;
  };

  // One batch is written while the next is parsed: the database and the parser overlap, order is
  // kept, and memory holds at most two batches.
  let batch: ExtractRow[] = [];
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    if (batch.length === 0) return;
    const rows = batch;
    batch = [];
    await writing;
    writing = register.upsert(rows).then((result) => {
      report.inserted += result.inserted;
      report.updated += result.updated;
      report.unchanged += result.unchanged;
      for (const row of result.rejected) reject(row);
    });
    // A failure is raised where `writing` is next awaited; this only keeps it from being "unhandled" meanwhile.
    writing.catch(() => undefined);
  };

  // Reading keeps pace with writing: while the loop waits on the database, the parser's buffer
  // fills and the file is read no further.
  for await (const record of readCsvRecords(chunks)) {
    const { rows, errors } = checker.check(record);
    for (const error of errors) reject(error);
    for (const row of rows) {
      const problems = registerConstraintProblems(row.meterPoint);
      if (problems.length > 0) {
        for (const message of problems) reject({ line: row.line, message });
        continue;
      }
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
  }
  for (const error of checker.end()) reject(error);
  await flush();
  await writing;

  report.records = checker.dataRecords;
  report.fileRejected = checker.fileRefused;
  report.errors.sort((a, b) => a.line - b.line);
  report.rejected = [...rejectedLines].filter((line) => !(report.fileRejected && line === 1)).length;
  report.imported = report.inserted + report.updated + report.unchanged;
  report.durationMs = Math.round(performance.now() - started);
  return report;
}
