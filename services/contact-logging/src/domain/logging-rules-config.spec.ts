import { DEFAULT_LOGGING_RULES_CONFIG, resolveLoggingRulesConfig } from './logging-rules-config';

describe('resolveLoggingRulesConfig', () => {
  it('uses the domain.md values by default: only shippers, a one-year-old read at most', () => {
    const config = resolveLoggingRulesConfig();

    expect(config).toEqual(DEFAULT_LOGGING_RULES_CONFIG);
    expect(config.permittedOrganisationTypes).toEqual({ DTL: ['SHIPPER'], ISO: ['SHIPPER'] });
    expect(config.maxMeterReadAgeDays).toBe(365);
    expect(config.originatorMustBeRegisteredShipper).toBe(true);
  });

  it('lays overrides over the defaults and keeps a default for an override left undefined', () => {
    const config = resolveLoggingRulesConfig({ maxMeterReadAgeDays: 90, descriptionMaxLength: undefined });

    expect(config.maxMeterReadAgeDays).toBe(90);
    expect(config.descriptionMaxLength).toBe(2000);
  });

  it.each([
    { maxMeterReadAgeDays: -1 },
    { maxMeterReadAgeDays: 1.5 },
    { descriptionMaxLength: 0 },
    { originatorNameMaxLength: Number.NaN },
  ])('refuses the nonsensical setting %p', (overrides) => {
    expect(() => resolveLoggingRulesConfig(overrides)).toThrow(RangeError);
  });
});
