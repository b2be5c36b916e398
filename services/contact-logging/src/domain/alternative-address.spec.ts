import { AlternativeAddress, LookedUpAddress, readAlternativeAddress, readChosenUdprn } from './alternative-address';
import type { Rejection } from './rejection';

function read(block: Record<string, unknown>, lookedUp: LookedUpAddress | null = null): { address: AlternativeAddress | null; problems: Rejection[] } {
  const problems: Rejection[] = [];
  const address = readAlternativeAddress(block, problems, lookedUp);
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
      udprn: null,
      uprn: null,
      provenance: { source: 'TYPED' },
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

  it.each(['udprn', 'uprn'])('refuses a typed address with a %s, which only the look-up gives', (field) => {
    const { problems } = read({ ...MINIMAL, [field]: '12345678' });

    expect(problems).toEqual([
      expect.objectContaining({ code: 'MANDATORY_FIELD', field: `alternativeAddress.${field}`, message: expect.stringContaining('comes from the postcode look-up') }),
    ]);
  });

  it('refuses a field PAF does not have', () => {
    expect(read({ ...MINIMAL, street: 'Downing Street' }).problems.map((p) => p.field)).toEqual([
      'alternativeAddress.street',
    ]);
  });
});

describe('an alternative address chosen from the postcode look-up', () => {
  const lookedUp: LookedUpAddress = {
    address: { buildingNumber: '14', thoroughfare: 'Juniper Close', dependentLocality: 'Fulwood', postTown: 'Preston', postcode: 'PR2 9QZ', udprn: '10482615', uprn: '100010482615' },
    lookedUpIn: 'PAF_TABLE',
    lookedUpAt: new Date('2026-12-01T09:30:00Z'),
  };

  it('is named by its UDPRN alone, as text or a JSON number', () => {
    expect(readChosenUdprn({ alternativeAddress: { udprn: '10482615' } })).toBe('10482615');
    expect(readChosenUdprn({ alternativeAddress: { udprn: 10482615, postcode: '' } })).toBe('10482615');
  });

  it('is no choice when other fields come with the UDPRN, or the UDPRN has no UDPRN shape', () => {
    expect(readChosenUdprn({ alternativeAddress: { ...MINIMAL, udprn: '10482615' } })).toBeNull();
    expect(readChosenUdprn({ alternativeAddress: { udprn: '123456789' } })).toBeNull();
    expect(readChosenUdprn({ alternativeAddress: null })).toBeNull();
    expect(readChosenUdprn({})).toBeNull();
  });

  it('is the address the look-up found, with its UDPRN, UPRN and provenance', () => {
    expect(read({ udprn: '10482615' }, lookedUp)).toEqual({
      problems: [],
      address: {
        organisation: null,
        department: null,
        subBuildingName: null,
        buildingName: null,
        buildingNumber: '14',
        poBox: null,
        dependentThoroughfare: null,
        thoroughfare: 'Juniper Close',
        doubleDependentLocality: null,
        dependentLocality: 'Fulwood',
        postTown: 'Preston',
        county: null,
        postcode: 'PR2 9QZ',
        udprn: '10482615',
        uprn: '100010482615',
        provenance: { source: 'ADDRESS_LOOKUP', lookedUpIn: 'PAF_TABLE', lookedUpAt: '2026-12-01T09:30:00.000Z' },
      },
    });
  });

  it('is refused when no delivery point has the UDPRN (MANDATORY_FIELD on the UDPRN)', () => {
    expect(read({ udprn: '99999999' }, null)).toEqual({
      address: null,
      problems: [
        {
          code: 'MANDATORY_FIELD',
          field: 'alternativeAddress.udprn',
          message: 'No delivery point has the UDPRN 99999999: choose the address again from the postcode look-up, or type it.',
        },
      ],
    });
  });

  it('is refused when the look-up answered for another UDPRN, and when the UDPRN is malformed', () => {
    expect(read({ udprn: '10482616' }, lookedUp).problems.map((p) => p.field)).toEqual(['alternativeAddress.udprn']);
    expect(read({ udprn: 'ABC' }).problems).toEqual([
      { code: 'MANDATORY_FIELD', field: 'alternativeAddress.udprn', message: 'The UDPRN must be 1 to 8 digits, as the postcode look-up gives it.' },
    ]);
  });
});
