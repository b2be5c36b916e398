import { DEFAULT_METER_POINT_STATUS_CODES, type MeterPointStatusCodes, type OrganisationType } from '@cms/gas-market';
import type { ContactType } from './contact-type';

/**
 * The product-decision (PD) values of the logging rules. docs/domain.md asks that every PD number
 * or rule be configuration an operator can change without a release; the service's config loader
 * supplies overrides, the defaults below are the values domain.md states.
 */
export interface LoggingRulesConfig {
  /** ORG_NOT_PERMITTED: which organisation types may raise each contact type (only SHIPPER). */
  readonly permittedOrganisationTypes: Readonly<Record<ContactType, readonly OrganisationType[]>>;
  /** NOT_REGISTERED_SHIPPER applies: a meter point's registered shipper alone may raise contacts. */
  readonly originatorMustBeRegisteredShipper: boolean;
  /** A DTL meter read older than this many days before today is no evidence of gas flowing now. */
  readonly maxMeterReadAgeDays: number;
  /** Longest description, in characters. */
  readonly descriptionMaxLength: number;
  /** Longest originator contact name, in characters. */
  readonly originatorNameMaxLength: number;
  /** Which register status code means Live, Dead, Capped, Clamped, Extinct (reference data). */
  readonly meterPointStatusCodes: MeterPointStatusCodes;
}

export const DEFAULT_LOGGING_RULES_CONFIG: LoggingRulesConfig = Object.freeze({
  permittedOrganisationTypes: Object.freeze({
    DTL: ['SHIPPER'] as readonly OrganisationType[],
    ISO: ['SHIPPER'] as readonly OrganisationType[],
  }),
  originatorMustBeRegisteredShipper: true,
  maxMeterReadAgeDays: 365,
  descriptionMaxLength: 2000,
  originatorNameMaxLength: 100,
  meterPointStatusCodes: DEFAULT_METER_POINT_STATUS_CODES,
});

/**
 * The defaults with `overrides` laid over them (an override left undefined keeps the default).
 * Throws on a nonsensical number, since a misconfigured rule must stop the caller, not quietly
 * accept or refuse every contact.
 */
export function resolveLoggingRulesConfig(overrides: Partial<LoggingRulesConfig> = {}): LoggingRulesConfig {
  const defined = Object.fromEntries(
    Object.entries(overrides).filter(([, value]) => value !== undefined),
  ) as Partial<LoggingRulesConfig>;
  const config: LoggingRulesConfig = { ...DEFAULT_LOGGING_RULES_CONFIG, ...defined };
  for (const key of ['maxMeterReadAgeDays', 'descriptionMaxLength', 'originatorNameMaxLength'] as const) {
    const value = config[key];
    if (!Number.isSafeInteger(value) || value < (key === 'maxMeterReadAgeDays' ? 0 : 1)) {
      throw new RangeError(`Logging rules setting ${key} must be a whole number, got ${String(value)}.`);
    }
  }
  return config;
}
