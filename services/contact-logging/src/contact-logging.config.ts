import { integer, url, type SettingsOf } from '@cms/config';
import type { PlatformConfig } from '@cms/service-defaults';

/** The settings of contact-logging, beside the platform's; each is an environment variable. */
export const contactLoggingSettings = {
  PORT: integer({ default: 8083, min: 0, max: 65535 }),
  /** The meter point register, asked synchronously at logging time. */
  METER_POINTS_URL: url({ default: 'http://127.0.0.1:8082' }),
  METER_POINTS_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
  /** The user directory (access-control), asked whether a supervisor's assignee is an active user of their organisation. */
  ACCESS_CONTROL_URL: url({ default: 'http://127.0.0.1:8081' }),
  ACCESS_CONTROL_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
};

export type ContactLoggingConfig = SettingsOf<typeof contactLoggingSettings> & PlatformConfig;
