/**
 * Imports a meter point extract into the register's database, without starting the service:
 *
 *   node -r @swc-node/register services/meter-points/src/import-command.ts <extract.csv> [--json]
 *
 * Reads DATABASE_URL (and METER_POINT_IMPORT_BATCH_SIZE); brings the schema up to date first.
 * Prints the counts and every line error (`--json`: the whole report as JSON).
 * Exit status: 0 imported; 65 imported except the records listed as rejected, or the file was
 * refused; 64 usage; 78 configuration; 1 any other failure.
 */
import { ConfigError, loadConfig } from '@cms/config';
import { messagingMigrations } from '@cms/messaging';
import { openServiceDataSource } from '@cms/persistence';
import { platformSettings } from '@cms/service-defaults';
import { importExtractFile, type ExtractImportReport } from './application/import-extract';
import { MeterPointStatusEntity } from './infrastructure/meter-point-status.entity';
import { MeterPointEntity } from './infrastructure/meter-point.entity';
import { meterPointsMigrations } from './infrastructure/migrations';
import { TypeOrmMeterPointRegister } from './infrastructure/typeorm-meter-point-register';
import { meterPointsSettings } from './meter-points.settings';

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_CONFIG = 78;

const commandSettings = {
  DATABASE_URL: platformSettings.DATABASE_URL,
  METER_POINT_IMPORT_BATCH_SIZE: meterPointsSettings.METER_POINT_IMPORT_BATCH_SIZE,
};

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function printReport(path: string, report: ExtractImportReport): void {
  print(`${path}: ${report.records} records in ${report.durationMs} ms`);
  if (report.fileRejected) print('  the file was refused: nothing imported');
  print(`  imported   ${report.imported} (inserted ${report.inserted}, updated ${report.updated}, unchanged ${report.unchanged})`);
  print(`  rejected   ${report.rejected}`);
  for (const error of report.errors) print(`  line ${error.line}: ${error.message}`);
  if (report.errorsNotReported > 0) print(`  … and ${report.errorsNotReported} more line errors`);
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const paths = argv.filter((arg) => arg !== '--json');
  if (paths.length !== 1 || paths[0].startsWith('-')) {
    process.stderr.write('usage: import-command.ts <extract.csv> [--json]\n');
    return EX_USAGE;
  }
  let settings;
  try {
    settings = loadConfig(commandSettings);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`meter-points import: ${error.message}\n`);
    return EX_CONFIG;
  }

  // Same schema as the service: its migrations and the platform's outbox and inbox.
  const dataSource = await openServiceDataSource({
    url: settings.DATABASE_URL,
    entities: [MeterPointEntity, MeterPointStatusEntity],
    migrations: [...messagingMigrations, ...meterPointsMigrations],
    poolSize: 2,
  });
  try {
    const report = await importExtractFile(paths[0], new TypeOrmMeterPointRegister(dataSource), {
      batchSize: settings.METER_POINT_IMPORT_BATCH_SIZE,
      maxReportedErrors: Number.MAX_SAFE_INTEGER,
    });
    if (json) print(JSON.stringify(report, null, 2));
    else printReport(paths[0], report);
    return report.fileRejected || report.rejected > 0 ? EX_DATAERR : 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`meter-points import failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
