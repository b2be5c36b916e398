import { isOrganisationType, ORGANISATION_TYPES } from './organisation-type';

describe('organisation types', () => {
  it('are the four kinds that use CMS', () => {
    expect(ORGANISATION_TYPES).toEqual(['SHIPPER', 'DN', 'IGT', 'CDSP']);
  });

  it.each(['SHIPPER', 'DN', 'IGT', 'CDSP'])('know %s', (type) => {
    expect(isOrganisationType(type)).toBe(true);
  });

  it.each<unknown>(['shipper', 'DMSP', '', ' DN', null, 3, ['DN']])('refuse %p', (value) => {
    expect(isOrganisationType(value)).toBe(false);
  });
});
