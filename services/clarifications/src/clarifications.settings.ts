import { integer, list, type SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/**
 * Settings of the clarifications service (environment variables), beside the platform's. The
 * product decisions of docs/domain.md "Time limits" an operator may change without a release.
 */
export const clarificationsSettings = {
  PORT: catalogueServicePort('clarifications'),
  /** PD: a DC's turn is due this many working days after it passes. */
  DC_ANSWER_WORKING_DAYS: integer({ default: 5, min: 1, max: 60 }),
  /** PD: an OC's turn is due this many working days after it passes. */
  OC_ANSWER_WORKING_DAYS: integer({ default: 5, min: 1, max: 60 }),
  /**
   * PD reference data: days the market is closed besides weekends and bank holidays, each
   * `YYYY-MM-DD` (every calendar) or `SCOTLAND:YYYY-MM-DD` / `ENGLAND_AND_WALES:YYYY-MM-DD`
   * (the same list as contact-logging's).
   */
  CLOSURE_DAYS: list({ default: [] }),
};

export type ClarificationsConfig = SettingsOf<typeof clarificationsSettings> & PlatformConfig;
