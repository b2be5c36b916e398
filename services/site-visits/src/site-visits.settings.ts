import { integer, type SettingsOf } from '@cms/config';
import type { PlatformConfig } from '@cms/service-defaults';

/** Settings of the site-visits service (environment variables), beside the platform's. */
export const siteVisitsSettings = {
  /** Its catalogue port (libs/catalogue), used when run by hand: `npm start`, compose and Kubernetes set PORT. */
  PORT: integer({ default: 8085, min: 0, max: 65_535 }),
};

export type SiteVisitsConfig = SettingsOf<typeof siteVisitsSettings> & PlatformConfig;
