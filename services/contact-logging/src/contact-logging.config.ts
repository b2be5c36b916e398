import { boolean, integer, list, urls, type SettingsOf } from '@cms/config';
import { isOrganisationType, type OrganisationType } from '@cms/gas-market';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';
import { resolveLoggingRulesConfig, type LoggingRulesConfig, type RetentionSchedule } from './domain';

/**
 * The settings of contact-logging, beside the platform's; each is an environment variable. The
 * product decisions of docs/domain.md (PD) an operator may change without a release are here.
 */
export const contactLoggingSettings = {
  PORT: catalogueServicePort('contact-logging'),
  /** The meter point register, asked synchronously at logging time. */
  METER_POINTS_URL: urls({ default: 'http://127.0.0.1:8082' }),
  METER_POINTS_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
  /** The postal address look-up, asked at logging time for the address an alternative address's UDPRN names. */
  ADDRESS_LOOKUP_URL: urls({ default: 'http://127.0.0.1:8086' }),
  ADDRESS_LOOKUP_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
  /** The user directory (access-control), asked whether a supervisor's assignee is an active user of their organisation. */
  ACCESS_CONTROL_URL: urls({ default: 'http://127.0.0.1:8081' }),
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
  /** PD (NOT_REGISTERED_SHIPPER): only a meter point's registered shipper may raise a contact on it. */
  LOGGING_REGISTERED_SHIPPER_ONLY: boolean({ default: true }),
  /** PD: a DTL meter read older than this many days is no evidence that gas flows now. */
  LOGGING_MAX_METER_READ_AGE_DAYS: integer({ default: 365, min: 0, max: 3650 }),
  /** PD (ORG_NOT_PERMITTED): the organisation types that may raise each contact type. */
  LOGGING_DTL_ORGANISATION_TYPES: list({ default: ['SHIPPER'] }),
  LOGGING_ISO_ORGANISATION_TYPES: list({ default: ['SHIPPER'] }),
  /**
   * PD (docs/domain.md "Data protection"): days a contact's personal data is kept after its end
   * (resolved or withdrawn), per contact type; then every service replaces it with a marker (README
   * "Retention"). Six years by default: the period for a claim in contract (Limitation Act 1980).
   */
  RETENTION_DTL_CONTACT_DAYS: integer({ default: 2192, min: 1, max: 36_525 }),
  RETENTION_ISO_CONTACT_DAYS: integer({ default: 2192, min: 1, max: 36_525 }),
  /** PD: days a rejected submission's body is kept after it was refused (its reasons, submitter and time stay). */
  RETENTION_REJECTED_SUBMISSION_DAYS: integer({ default: 365, min: 1, max: 36_525 }),
};

export type ContactLoggingConfig = SettingsOf<typeof contactLoggingSettings> & PlatformConfig;

/** The logging rules' product decisions as configured; throws at start on an unknown organisation type. */
export function loggingRulesOf(config: ContactLoggingConfig): LoggingRulesConfig {
  const types = (setting: string, values: string[]): OrganisationType[] =>
    values.map((value) => {
      if (!isOrganisationType(value)) throw new Error(`${setting}: ${JSON.stringify(value)} is not an organisation type.`);
      return value;
    });
  return resolveLoggingRulesConfig({
    originatorMustBeRegisteredShipper: config.LOGGING_REGISTERED_SHIPPER_ONLY,
    maxMeterReadAgeDays: config.LOGGING_MAX_METER_READ_AGE_DAYS,
    permittedOrganisationTypes: {
      DTL: types('LOGGING_DTL_ORGANISATION_TYPES', config.LOGGING_DTL_ORGANISATION_TYPES),
      ISO: types('LOGGING_ISO_ORGANISATION_TYPES', config.LOGGING_ISO_ORGANISATION_TYPES),
    },
  });
}

/** The retention schedule as configured (domain/retention.ts). */
export function retentionScheduleOf(config: ContactLoggingConfig): RetentionSchedule {
  return {
    contactDays: { DTL: config.RETENTION_DTL_CONTACT_DAYS, ISO: config.RETENTION_ISO_CONTACT_DAYS },
    rejectedSubmissionDays: config.RETENTION_REJECTED_SUBMISSION_DAYS,
  };
}
