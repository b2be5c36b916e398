import { integer, type SettingsOf } from '@cms/config';
import type { PlatformConfig } from '@cms/service-defaults';

/** Settings of the address-lookup service (environment variables), beside the platform's. */
export const addressLookupSettings = {
  /** Its catalogue port (libs/catalogue), used when run by hand: `npm start`, compose and Kubernetes set PORT. */
  PORT: integer({ default: 8086, min: 0, max: 65_535 }),
};

export type AddressLookupConfig = SettingsOf<typeof addressLookupSettings> & PlatformConfig;
