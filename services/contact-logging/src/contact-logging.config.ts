import { boolean, integer, list, url, type SettingsOf } from '@cms/config';
import type { PlatformConfig } from '@cms/service-defaults';

/**
 * The settings of contact-logging, beside the platform's; each is an environment variable. The
 * product decisions of docs/domain.md (PD) an operator may change without a release are here.
 */
export const contactLoggingSettings = {
  PORT: integer({ default: 8083, min: 0, max: 65535 }),
  /** The meter point register, asked synchronously at logging time. */
  METER_POINTS_URL: url({ default: 'http://127.0.0.1:8082' }),
  METER_POINTS_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
  /** The user directory (access-control), asked whether a supervisor's assignee is an active user of their organisation. */
  ACCESS_CONTROL_URL: url({ default: 'http://127.0.0.1:8081' }),
  ACCESS_CONTROL_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
  /** PD: a contact is due for resolution this many working days after it was logged. */
  RESOLUTION_TARGET_WORKING_DAYS: integer({ default: 20, min: 1, max: 250 }),
  /** PD: a DC to the originator left unanswered closes the contact INVALID (switchable)... */
  AUTO_CLOSE_UNANSWERED_DC: boolean({ default: true }),
  /** ...once it has stood unanswered this many whole working days past its due date. */
  AUTO_CLOSE_AFTER_WORKING_DAYS: integer({ default: 2, min: 0, max: 60 }),
  /**
   * PD reference data: days the market is closed besides weekends and bank holidays, each
   * `YYYY-MM-DD` (every calendar) or `SCOTLAND:YYYY-MM-DD` / `ENGLAND_AND_WALES:YYYY-MM-DD`.
   */
  CLOSURE_DAYS: list({ default: [] }),
};

export type ContactLoggingConfig = SettingsOf<typeof contactLoggingSettings> & PlatformConfig;
