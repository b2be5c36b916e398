/**
 * Writes a PAF file in Royal Mail's CSV layout for the address-lookup service: the demo's (every
 * demo meter point's address and its neighbours), or a synthetic one of any size for the benchmark.
 *
 *   node_modules/.bin/node -r @swc-node/register tools/demo-data/write-paf-file.ts [path]
 *   node_modules/.bin/node -r @swc-node/register tools/demo-data/write-paf-file.ts <path> --synthetic <count>
 *
 * Default path `.data/demo-data/paf.csv`. Synthetic files are generated, never committed.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { pafCsvFields, type PafRecord } from '../../services/address-lookup/src/domain/paf-csv-record';
import { generateDemoPafRecords, syntheticPafRecords } from './addresses';

export const DEFAULT_PAF_FILE_PATH = '.data/demo-data/paf.csv';

/** Records written per write: the file is streamed out, whatever its size. */
const CHUNK = 10_000;

/** Writes the records to `path` (creating its folder) as CSV, CRLF line ends; gives how many. */
export function writePafFile(path: string, records: Iterable<PafRecord>): number {
  mkdirSync(dirname(resolve(path)), { recursive: true });
  const file = openSync(path, 'w');
  let written = 0;
  try {
    let chunk: string[][] = [];
    const flush = () => {
      if (chunk.length > 0) writeSync(file, stringify(chunk, { record_delimiter: 'windows' }));
      chunk = [];
    };
    for (const record of records) {
      chunk.push(pafCsvFields(record));
      written += 1;
      if (chunk.length >= CHUNK) flush();
    }
    flush();
  } finally {
    closeSync(file);
  }
  return written;
}

/** The demo PAF file: every demo meter point's address, and its neighbours. */
export function writeDemoPafFile(path: string): number {
  return writePafFile(path, generateDemoPafRecords());
}

/** A synthetic PAF file of `count` delivery points (the benchmark's). */
export function writeSyntheticPafFile(path: string, count: number): number {
  return writePafFile(path, syntheticPafRecords(count));
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const at = args.indexOf('--synthetic');
  const path = resolve(args.find((arg, index) => !arg.startsWith('--') && (at === -1 || index !== at + 1)) ?? DEFAULT_PAF_FILE_PATH);
  const started = performance.now();
  let written: number;
  if (at === -1) written = writeDemoPafFile(path);
  else {
    const count = Number(args[at + 1]);
    if (!(Number.isInteger(count) && count > 0)) {
      console.error(`write-paf-file: --synthetic needs a whole number of delivery points, got "${args[at + 1]}"`);
      process.exit(2);
    }
    written = writeSyntheticPafFile(path, count);
  }
  console.log(`Wrote ${written} delivery points to ${path} in ${Math.round(performance.now() - started)} ms`);
}
