import { integer, optionalText, url, type SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** Settings of the address-lookup service (environment variables), beside the platform's. */
export const addressLookupSettings = {
  PORT: catalogueServicePort('address-lookup'),
  /** A PAF file (Royal Mail's CSV layout) to import at start, replacing the table; unset means no import at start. */
  PAF_ADDRESS_FILE: optionalText(),
  /** Records per statement when importing a PAF file. */
  PAF_IMPORT_BATCH_SIZE: integer({ default: 2_000, min: 1, max: 20_000 }),
  /**
   * PD (PAF licence: no bulk extraction): look-ups each user, or each partner system, may make a
   * day (a Great Britain calendar day); one more is answered 429.
   */
  ADDRESS_LOOKUPS_PER_USER_PER_DAY: integer({ default: 500, min: 1, max: 10_000_000 }),
  /**
   * A licensed PAF API key (Ideal Postcodes). Set, look-ups go to that API instead of the
   * service's table; unset (the default), the table answers.
   */
  IDEAL_POSTCODES_API_KEY: optionalText(),
  /** Where that API is: its host (and port), without the version path. */
  IDEAL_POSTCODES_URL: url({ default: 'https://api.ideal-postcodes.co.uk', protocols: ['http', 'https'] }),
  /** How long a call to that API may take before the client is told to type the address instead. */
  IDEAL_POSTCODES_TIMEOUT_MS: integer({ default: 2_000, min: 100, max: 30_000 }),
  /** Answers of that API kept in memory (each a postcode's list or one UDPRN's address), the oldest dropped first. */
  ADDRESS_CACHE_ENTRIES: integer({ default: 1_000, min: 0, max: 100_000 }),
  /** How long a kept answer is reused. */
  ADDRESS_CACHE_TTL_SECONDS: integer({ default: 3_600, min: 1, max: 86_400 }),
};

export type AddressLookupConfig = SettingsOf<typeof addressLookupSettings> & PlatformConfig;
