/**
 * Imports a PAF file (Royal Mail's CSV layout) into the address table, replacing it, without
 * starting the service:
 *
 *   node -r @swc-node/register services/address-lookup/src/import-command.ts <paf.csv> [--json]
 *
 * Reads DATABASE_URL (and PAF_IMPORT_BATCH_SIZE); brings the schema up to date first. Shows a
 * progress bar on a terminal, a line per 100,000 records otherwise; then the counts, or every
 * fault of a refused file with its line (`--json`: the report as JSON).
 * Exit status: 0 imported; 65 the file was refused (nothing changed); 64 usage; 78 configuration;
 * 1 any other failure.
 */
import { SingleBar, Presets } from 'cli-progress';
import { ExitStatus, runCommand, withServiceDatabase, type ServiceCommand } from '@cms/service-defaults';
import { importPafFile, type PafImportProgress, type PafImportReport } from './application/import-paf-file';
import { addressLookupMigrations } from './infrastructure/migrations';
import { PafAddressTable } from './infrastructure/paf-address-table';
import { addressLookupSettings } from './address-lookup.settings';

const importCommand = {
  name: 'address-lookup import',
  database: { migrations: addressLookupMigrations },
  settings: { PAF_IMPORT_BATCH_SIZE: addressLookupSettings.PAF_IMPORT_BATCH_SIZE },
} satisfies ServiceCommand;

/** Records between two progress lines when the output is not a terminal (a log, a pipe). */
const PROGRESS_LINE_EVERY = 100_000;

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** A bar on a terminal; elsewhere a line now and then, which a log keeps readably. */
function progressReporter(): { update: (progress: PafImportProgress) => void; stop: () => void } {
  if (process.stderr.isTTY) {
    const bar = new SingleBar(
      { format: 'importing [{bar}] {percentage}% | {records} records | {eta_formatted} left', stream: process.stderr },
      Presets.shades_classic,
    );
    let started = false;
    return {
      update: ({ records, bytesRead, totalBytes }) => {
        if (!started) bar.start(totalBytes, 0, { records: 0 });
        started = true;
        bar.update(bytesRead, { records });
      },
      stop: () => bar.stop(),
    };
  }
  let reported = 0;
  return {
    update: ({ records }) => {
      if (records - reported < PROGRESS_LINE_EVERY) return;
      reported = records;
      process.stderr.write(`importing: ${records} records read\n`);
    },
    stop: () => undefined,
  };
}

function printReport(path: string, report: PafImportReport): void {
  print(`${path}: ${report.records} records in ${report.durationMs} ms`);
  if (report.refused) {
    print('  the file was refused: the address table is unchanged');
    for (const error of report.errors) print(`  line ${error.line}: ${error.message}`);
    if (report.errorsNotReported > 0) print(`  … and ${report.errorsNotReported} more faults`);
    return;
  }
  print(`  inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged}, deleted ${report.deleted}`);
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const paths = argv.filter((arg) => arg !== '--json');
  if (paths.length !== 1 || paths[0].startsWith('-')) {
    process.stderr.write('usage: import-command.ts <paf.csv> [--json]\n');
    return ExitStatus.usage;
  }
  return withServiceDatabase(importCommand, async (dataSource, settings) => {
    const progress = progressReporter();
    let report: PafImportReport;
    try {
      report = await importPafFile(paths[0], new PafAddressTable(dataSource), {
        batchSize: settings.PAF_IMPORT_BATCH_SIZE,
        maxReportedErrors: Number.MAX_SAFE_INTEGER,
        onProgress: progress.update,
      });
    } finally {
      progress.stop();
    }
    if (json) print(JSON.stringify(report, null, 2));
    else printReport(paths[0], report);
    return report.refused ? ExitStatus.dataError : ExitStatus.ok;
  });
}

runCommand(importCommand, () => main(process.argv.slice(2)));
