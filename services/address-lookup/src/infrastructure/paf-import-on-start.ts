import { Inject, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Logger } from 'pino';
import { LOGGER, SERVICE_CONFIG } from '@cms/service-defaults';
import { ADDRESS_BOOK, type AddressBook } from '../application/address-book.port';
import { importPafFile, type PafImportReport } from '../application/import-paf-file';
import type { AddressLookupConfig } from '../address-lookup.settings';

/**
 * Imports the PAF file named by PAF_ADDRESS_FILE before the service takes traffic (the demo's,
 * under `npm start`). A missing file stops the start (the setting is wrong); a broken one is
 * refused, logged, and the table kept as it was.
 */
@Injectable()
export class PafImportOnStart implements OnApplicationBootstrap {
  /** The report of the import at start, once it has run. */
  report?: PafImportReport;

  constructor(
    @Inject(SERVICE_CONFIG) private readonly settings: AddressLookupConfig,
    @Inject(ADDRESS_BOOK) private readonly book: AddressBook,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const path = this.settings.PAF_ADDRESS_FILE;
    if (!path) return;
    this.report = await importPafFile(path, this.book, { batchSize: this.settings.PAF_IMPORT_BATCH_SIZE });
    const summary = { path, ...this.report };
    if (this.report.refused) this.logger.error(summary, 'PAF file refused; the address table is unchanged');
    else this.logger.info(summary, 'PAF file imported');
  }
}
