import { AlternativeAddress, readAlternativeAddress } from './alternative-address';
import type { Rejection } from './rejection';

function read(block: Record<string, unknown>): { address: AlternativeAddress | null; problems: Rejection[] } {
  const problems: Rejection[] = [];
  const address = readAlternativeAddress(block, problems);
  return { address, problems };
}

const MINIMAL = { buildingNumber: '10', thoroughfare: 'Downing Street', postcode: 'SW1A 2AA' };

describe('readAlternativeAddress', () => {
  it('reads a full PAF-style address, with absent fields as null', () => {
    const { address, problems } = read({
      subBuildingName: 'Flat 2',
      buildingName: 'Rose Court',
      buildingNumber: '14',
      thoroughfare: 'Station Road',
      dependentLocality: 'Chorlton',
      postTown: 'MANCHESTER',
      postcode: 'm21 9aa',
      udprn: '12345678',
      uprn: 100012345678,
    });

    expect(problems).toEqual([]);
    expect(address).toEqual({
      organisation: null,
      department: null,
      subBuildingName: 'Flat 2',
      buildingName: 'Rose Court',
      buildingNumber: '14',
      poBox: null,
      dependentThoroughfare: null,
      thoroughfare: 'Station Road',
      doubleDependentLocality: null,
      dependentLocality: 'Chorlton',
      postTown: 'MANCHESTER',
      county: null,
      postcode: 'M21 9AA',
      udprn: '12345678',
      uprn: '100012345678',
    });
  });

  it('accepts the minimum: postcode, a building number or name, and a thoroughfare or post town', () => {
    expect(read(MINIMAL).problems).toEqual([]);
    expect(read({ buildingName: 'Hill Farm', postTown: 'HEXHAM', postcode: 'NE46 1AA' }).problems).toEqual([]);
  });

  it('reads a block with every field blank as no address at all', () => {
    expect(read({ postcode: ' ', buildingName: '' })).toEqual({ address: null, problems: [] });
  });

  it('needs a postcode', () => {
    const { problems } = read({ buildingNumber: '10', thoroughfare: 'Downing Street' });

    expect(problems).toEqual([
      { code: 'MANDATORY_FIELD', field: 'alternativeAddress.postcode', message: 'The postcode is required.' },
    ]);
  });

  it('refuses a postcode of no UK shape', () => {
    const { problems } = read({ ...MINIMAL, postcode: 'SW1A 2A' });

    expect(problems).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'alternativeAddress.postcode',
        message: 'The postcode must be a UK postcode, such as SW1A 1AA.',
      },
    ]);
  });

  it('needs a premises and a place, said in one entry on the address', () => {
    const { problems } = read({ postcode: 'SW1A 2AA', county: 'Greater London' });

    expect(problems).toEqual([
      {
        code: 'MANDATORY_FIELD',
        field: 'alternativeAddress',
        message: 'An alternative address needs a building number or building name and a thoroughfare or post town.',
      },
    ]);
  });

  it.each([
    ['buildingNumber', '12345', 4],
    ['buildingName', 'x'.repeat(51), 50],
    ['thoroughfare', 'x'.repeat(41), 40],
    ['dependentThoroughfare', 'x'.repeat(41), 40],
    ['postTown', 'x'.repeat(41), 40],
    ['county', 'x'.repeat(41), 40],
  ])('limits %s to the legacy length', (field, value, max) => {
    const { problems } = read({ ...MINIMAL, [field]: value });

    expect(problems).toEqual([
      expect.objectContaining({
        field: `alternativeAddress.${field}`,
        message: expect.stringContaining(`at most ${max} characters`),
      }),
    ]);
  });

  it.each([
    ['organisation', 'x'.repeat(61), 60],
    ['department', 'x'.repeat(61), 60],
    ['subBuildingName', 'x'.repeat(31), 30],
    ['poBox', 'x'.repeat(7), 6],
    ['doubleDependentLocality', 'x'.repeat(36), 35],
    ['dependentLocality', 'x'.repeat(36), 35],
  ])("limits %s to Royal Mail's PAF length, as the register does", (field, value, max) => {
    const { problems } = read({ ...MINIMAL, [field]: value });

    expect(problems).toEqual([
      expect.objectContaining({
        field: `alternativeAddress.${field}`,
        message: expect.stringContaining(`at most ${max} characters`),
      }),
    ]);
  });

  it('takes every field at its full length', () => {
    const full = {
      ...MINIMAL,
      organisation: 'o'.repeat(60),
      subBuildingName: 's'.repeat(30),
      buildingName: 'b'.repeat(50),
      buildingNumber: '1234',
      dependentLocality: 'd'.repeat(35),
      postTown: 't'.repeat(40),
    };

    expect(read(full).problems).toEqual([]);
  });

  it('does not also call a field missing when it is present but too long', () => {
    const { problems } = read({ ...MINIMAL, buildingNumber: '12345' });

    expect(problems.map((p) => p.field)).toEqual(['alternativeAddress.buildingNumber']);
  });

  it.each([
    ['uprn', '1234567890123', 'The UPRN must be a whole number of up to 12 digits.'],
    ['udprn', '123456789', 'The UDPRN must be a whole number of up to 8 digits.'],
    ['udprn', 'ABC', 'The UDPRN must be a whole number of up to 8 digits.'],
  ])('refuses %s %p', (field, value, message) => {
    expect(read({ ...MINIMAL, [field]: value }).problems.map((p) => p.message)).toEqual([message]);
  });

  it('refuses a field PAF does not have', () => {
    expect(read({ ...MINIMAL, street: 'Downing Street' }).problems.map((p) => p.field)).toEqual([
      'alternativeAddress.street',
    ]);
  });
});
