import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, SERVICE_CONFIG } from '@cms/service-defaults';
import { importExtractFile, type ExtractImportReport } from '../application/import-extract';
import { METER_POINT_REGISTER, type MeterPointRegister } from '../application/meter-point-register.port';
import type { MeterPointsConfig } from '../meter-points.settings';

/** Errors written to the log at start; the rest are counted (the import command prints them all). */
const LOGGED_LINE_ERRORS = 50;

/**
 * Imports the extract named by METER_POINT_EXTRACT before the service takes traffic. A missing or
 * unreadable file stops the start (the setting is wrong); a file with bad records is imported as
 * far as it is good, and its line errors are logged.
 */
@Injectable()
export class ExtractImportOnStart implements OnApplicationBootstrap {
  /** The report of the import at start, once it has run. */
  report?: ExtractImportReport;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly settings: MeterPointsConfig,
    @Inject(METER_POINT_REGISTER) private readonly register: MeterPointRegister,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const path = this.settings.METER_POINT_EXTRACT;
    if (!path) return;
    this.report = await importExtractFile(path, this.register, {
      batchSize: this.settings.METER_POINT_IMPORT_BATCH_SIZE,
    });
    const { errors, ...report } = this.report;
    const summary = { path, ...report, lineErrors: errors.slice(0, LOGGED_LINE_ERRORS) };
    if (report.fileRejected) this.logger.error(summary, 'meter point extract refused; the register is unchanged');
    else if (report.rejected > 0) this.logger.warn(summary, 'meter point extract imported, with rejected records');
    else this.logger.info(summary, 'meter point extract imported');
  }
}
