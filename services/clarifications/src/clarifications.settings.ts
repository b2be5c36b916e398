import { integer, type SettingsOf } from '@cms/config';
import type { PlatformConfig } from '@cms/service-defaults';

/** Settings of the clarifications service (environment variables), beside the platform's. */
export const clarificationsSettings = {
  /** Its catalogue port (libs/catalogue), used when run by hand: `npm start`, compose and Kubernetes set PORT. */
  PORT: integer({ default: 8084, min: 0, max: 65_535 }),
};

export type ClarificationsConfig = SettingsOf<typeof clarificationsSettings> & PlatformConfig;
