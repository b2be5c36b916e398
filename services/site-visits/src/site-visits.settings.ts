import { integer, list, urls, type SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** Settings of the site-visits service (environment variables), beside the platform's. */
export const siteVisitsSettings = {
  PORT: catalogueServicePort('site-visits'),
  /** contact-logging, asked at referral for the contact's details (originator's contact, evidence, alternative address). */
  CONTACT_LOGGING_URL: urls({ default: 'http://127.0.0.1:8083' }),
  CONTACT_LOGGING_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
  /** The meter point register, asked at referral for the supply address. */
  METER_POINTS_URL: urls({ default: 'http://127.0.0.1:8082' }),
  METER_POINTS_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
  /** PD (docs/domain.md "Time limits"): a site visit's finding is due this many working days after the referral. */
  SITE_VISIT_FINDING_WORKING_DAYS: integer({ default: 10, min: 1, max: 250 }),
  /**
   * PD reference data: days the market is closed besides weekends and bank holidays, each
   * `YYYY-MM-DD` (every calendar) or `SCOTLAND:YYYY-MM-DD` / `ENGLAND_AND_WALES:YYYY-MM-DD`.
   */
  CLOSURE_DAYS: list({ default: [] }),
};

export type SiteVisitsConfig = SettingsOf<typeof siteVisitsSettings> & PlatformConfig;
