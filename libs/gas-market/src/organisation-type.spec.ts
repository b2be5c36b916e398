import { isOrganisationType, ORGANISATION_TYPE_NAMES, ORGANISATION_TYPES } from './organisation-type';

describe('organisation types', () => {
  it('are the seven kinds that hold CMS accounts, the four that work DTL and ISO contacts first', () => {
    expect(ORGANISATION_TYPES).toEqual(['SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP']);
  });

  it.each(['SHIPPER', 'DN', 'IGT', 'CDSP', 'DMSP', 'MRA', 'UIP'])('know %s, by its full name too', (type) => {
    expect(isOrganisationType(type)).toBe(true);
    expect(ORGANISATION_TYPE_NAMES[type as keyof typeof ORGANISATION_TYPE_NAMES]).toMatch(/^[A-Z][a-z]/);
  });

  it.each<unknown>(['shipper', 'dmsp', 'ADMIN', '', ' DN', null, 3, ['DN']])('refuse %p', (value) => {
    expect(isOrganisationType(value)).toBe(false);
  });
});
