import { Module, type Provider, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { Clock, PlatformModule } from '@cms/service-defaults';
import { ADDRESS_BOOK } from './application/address-book.port';
import { AddressLookup } from './application/address-lookup';
import { ADDRESS_SOURCE } from './application/address-source.port';
import { LOOKUP_QUOTA, LOOKUP_QUOTAS } from './application/lookup-quotas.port';
import { AddressesController } from './http/addresses.controller';
import { IdealPostcodesSource } from './infrastructure/ideal-postcodes-source';
import { LookupCountRepository } from './infrastructure/lookup-count.repository';
import { addressLookupMigrations } from './infrastructure/migrations';
import { PafAddressTable } from './infrastructure/paf-address-table';
import { PafImportOnStart } from './infrastructure/paf-import-on-start';
import type { AddressLookupConfig } from './address-lookup.settings';

/**
 * The source look-ups are answered from: the licensed PAF API when a key is configured, else the
 * service's own table (the default). The table is there either way, for the import.
 */
function addressSource(config: AddressLookupConfig): Provider {
  const apiKey = config.IDEAL_POSTCODES_API_KEY;
  if (!apiKey) return { provide: ADDRESS_SOURCE, useExisting: PafAddressTable };
  return {
    provide: ADDRESS_SOURCE,
    inject: [Clock],
    useFactory: (clock: Clock) =>
      new IdealPostcodesSource(
        {
          apiKey,
          url: config.IDEAL_POSTCODES_URL,
          timeoutMs: config.IDEAL_POSTCODES_TIMEOUT_MS,
          cacheEntries: config.ADDRESS_CACHE_ENTRIES,
          cacheTtlMs: config.ADDRESS_CACHE_TTL_SECONDS * 1_000,
        },
        clock,
      ),
  };
}

/** Address look-up: postcode to PAF delivery points, and one by its UDPRN, for signed-in callers. */
export function addressLookupModule(config: AddressLookupConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'address-lookup',
        logger,
        migrations: addressLookupMigrations,
        // Partner systems need addresses:read (access-control's API_CLIENT_SCOPES); people need only to be signed in.
        partnerScopes: { resource: 'addresses' },
      }),
    ],
    controllers: [AddressesController],
    providers: [
      AddressLookup,
      PafAddressTable,
      { provide: ADDRESS_BOOK, useExisting: PafAddressTable },
      addressSource(config),
      { provide: LOOKUP_QUOTAS, useClass: LookupCountRepository },
      { provide: LOOKUP_QUOTA, useValue: { perUserPerDay: config.ADDRESS_LOOKUPS_PER_USER_PER_DAY } },
      PafImportOnStart,
    ],
  })
  class AddressLookupModule {}
  return AddressLookupModule;
}
