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
import { ExitStatus, runCommand, withServiceDatabase, type ServiceCommand } from '@cms/service-defaults';
import { importExtractFile, type ExtractImportReport } from './application/import-extract';
import { MeterPointStatusEntity } from './infrastructure/meter-point-status.entity';
import { MeterPointEntity } from './infrastructure/meter-point.entity';
import { meterPointsMigrations } from './infrastructure/migrations';
import { TypeOrmMeterPointRegister } from './infrastructure/typeorm-meter-point-register';
import { meterPointsSettings } from './meter-points.settings';

// The service's database as app.module.ts declares it: its tables, and the platform's outbox and inbox.
const importCommand = {
  name: 'meter-points import',
  database: { entities: [MeterPointEntity, MeterPointStatusEntity], migrations: meterPointsMigrations },
  settings: { METER_POINT_IMPORT_BATCH_SIZE: meterPointsSettings.METER_POINT_IMPORT_BATCH_SIZE },
} satisfies ServiceCommand;

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
    return ExitStatus.usage;
  }

  return withServiceDatabase(importCommand, async (dataSource, settings) => {
    const report = await importExtractFile(paths[0], new TypeOrmMeterPointRegister(dataSource), {
      batchSize: settings.METER_POINT_IMPORT_BATCH_SIZE,
      maxReportedErrors: Number.MAX_SAFE_INTEGER,
    });
    if (json) print(JSON.stringify(report, null, 2));
    else printReport(paths[0], report);
    return report.fileRejected || report.rejected > 0 ? ExitStatus.dataError : ExitStatus.ok;
  });
}

runCommand(importCommand, () => main(process.argv.slice(2)));
