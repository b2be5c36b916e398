import {
  alternativeAddressOf,
  choose,
  edit,
  EMPTY_ADDRESS,
  isChosenUnchanged,
  typedAddressProblems,
  type FoundAddress,
} from './postcode-finder';

const juniperClose: FoundAddress = {
  udprn: '10482615',
  uprn: '100010482615',
  postcode: 'PR2 9QZ',
  lines: ['14 JUNIPER CLOSE', 'FULWOOD', 'PRESTON', 'PR2 9QZ'],
  label: '14 JUNIPER CLOSE, FULWOOD, PRESTON, PR2 9QZ',
  buildingNumber: '14',
  thoroughfare: 'Juniper Close',
  dependentLocality: 'Fulwood',
  postTown: 'Preston',
};

describe('the postcode finder', () => {
  it('fills the fields from the delivery point chosen, and sends it by its UDPRN alone', () => {
    const state = choose(juniperClose);
    expect(state.values).toEqual({
      ...EMPTY_ADDRESS,
      buildingNumber: '14',
      thoroughfare: 'Juniper Close',
      dependentLocality: 'Fulwood',
      postTown: 'Preston',
      postcode: 'PR2 9QZ',
    });
    expect(alternativeAddressOf(state)).toEqual({ udprn: '10482615' });
    expect(isChosenUnchanged(state)).toBe(true);
  });

  it('sends the typed fields once one is changed by hand, and the UDPRN again if it is changed back', () => {
    const changed = edit(choose(juniperClose), 'buildingNumber', '16');
    expect(alternativeAddressOf(changed)).toEqual({
      buildingNumber: '16',
      thoroughfare: 'Juniper Close',
      dependentLocality: 'Fulwood',
      postTown: 'Preston',
      postcode: 'PR2 9QZ',
    });
    expect(isChosenUnchanged(changed)).toBe(false);
    expect(alternativeAddressOf(edit(changed, 'buildingNumber', '14'))).toEqual({ udprn: '10482615' });
  });

  it('sends a typed address without its blanks, and nothing when all is blank', () => {
    expect(alternativeAddressOf({ values: EMPTY_ADDRESS })).toBeUndefined();
    expect(
      alternativeAddressOf({ values: { ...EMPTY_ADDRESS, buildingName: ' Mill House ', postcode: 'M1 1AE' } }),
    ).toEqual({
      buildingName: 'Mill House',
      postcode: 'M1 1AE',
    });
  });
});

describe('a typed alternative address', () => {
  const rules = {
    items: [
      { field: 'alternativeAddress', requirement: 'OPTIONAL' },
      {
        field: 'alternativeAddress.postcode',
        requirement: 'MANDATORY',
        withinOptionalBlock: 'alternativeAddress',
        maxLength: 16,
      },
      {
        field: 'alternativeAddress.buildingName',
        requirement: 'ONE_OF',
        group: 'addressPremises',
        withinOptionalBlock: 'alternativeAddress',
        maxLength: 50,
      },
      {
        field: 'alternativeAddress.buildingNumber',
        requirement: 'ONE_OF',
        group: 'addressPremises',
        withinOptionalBlock: 'alternativeAddress',
        maxLength: 4,
      },
      { field: 'alternativeAddress.udprn', requirement: 'OPTIONAL', withinOptionalBlock: 'alternativeAddress' },
      { field: 'description', requirement: 'MANDATORY' },
    ],
    groups: [
      {
        name: 'addressPremises',
        rule: 'A building number or a building name.',
        rejectedOn: 'alternativeAddress',
        withinOptionalBlock: 'alternativeAddress',
      },
      { name: 'originatorContactMeans', rule: 'A telephone or an email.', rejectedOn: 'originatorContact' },
    ],
  };

  it('needs nothing when there is none, or when it is a delivery point chosen', () => {
    expect(typedAddressProblems(rules, { values: EMPTY_ADDRESS })).toEqual([]);
    expect(typedAddressProblems(rules, choose(juniperClose))).toEqual([]);
  });

  it('needs, once typed, its postcode and a building, each within its length, as the contact type says', () => {
    expect(typedAddressProblems(rules, { values: { ...EMPTY_ADDRESS, thoroughfare: 'Mill Lane' } })).toEqual([
      { field: 'alternativeAddress.postcode', message: 'Enter the postcode of the alternative address.' },
      { field: 'alternativeAddress', message: 'A building number or a building name.' },
    ]);
    expect(
      typedAddressProblems(rules, { values: { ...EMPTY_ADDRESS, buildingNumber: '12345', postcode: 'M1 1AE' } }),
    ).toEqual([
      { field: 'alternativeAddress.buildingNumber', message: 'Building number must be 4 characters or fewer.' },
    ]);
  });
});
