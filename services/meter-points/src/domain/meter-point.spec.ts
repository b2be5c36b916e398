import { DEFAULT_METER_POINT_STATUSES, statusCodes } from './meter-point-status';
import { findLdz, isLdzCode, LDZS } from './ldz';
import { addressLabel, isWellFormedMprn } from './meter-point';
import { isValidPostcodeShape, normalisePostcode, postcodeArea } from './postcode';

describe('reference data', () => {
  it('has the five default statuses', () => {
    expect(statusCodes()).toEqual(['LI', 'DE', 'CA', 'CL', 'EX']);
    expect(DEFAULT_METER_POINT_STATUSES.find((s) => s.code === 'CL')?.name).toBe('Clamped');
  });

  it('has the 13 LDZs with their DN', () => {
    expect(LDZS).toHaveLength(13);
    const byDn = (dn: string) => LDZS.filter((l) => l.dn === dn).map((l) => l.code);
    expect(byDn('CADENT')).toEqual(['EA', 'EM', 'NT', 'NW', 'WM']);
    expect(byDn('NGN')).toEqual(['NE', 'NO']);
    expect(byDn('SGN')).toEqual(['SC', 'SE', 'SO']);
    expect(byDn('WWU')).toEqual(['SW', 'WN', 'WS']);
    expect(findLdz('WN')?.name).toBe('Wales North');
    expect(isLdzCode('XX')).toBe(false);
  });
});

describe('MPRN format', () => {
  it('is numeric and at most 10 digits', () => {
    expect(isWellFormedMprn('3938424403')).toBe(true);
    expect(isWellFormedMprn('123456')).toBe(true);
    expect(isWellFormedMprn('39384244031')).toBe(false);
    expect(isWellFormedMprn('39384A4403')).toBe(false);
    expect(isWellFormedMprn('')).toBe(false);
  });
});

describe('postcodes', () => {
  it.each(['M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'W1A 1HQ', 'EC1A 1BB', 'GIR 0AA'])('accepts %s', (pc) => {
    expect(isValidPostcodeShape(pc)).toBe(true);
  });
  it.each(['M1 1A', '1M 1AE', 'M1  1AE', 'ABC1 1AE', 'M11AE', 'm1 1ae'])('rejects %s', (pc) => {
    expect(isValidPostcodeShape(pc)).toBe(false);
  });
  it('normalises spacing and case', () => {
    expect(normalisePostcode(' m11ae ')).toBe('M1 1AE');
    expect(normalisePostcode('ec1a  1bb')).toBe('EC1A 1BB');
    expect(postcodeArea('EH1 1YZ')).toBe('EH');
    expect(postcodeArea('M20 4QT')).toBe('M');
  });
});

describe('addressLabel', () => {
  it('puts a flat, building name and number with the street in PAF order', () => {
    expect(
      addressLabel({
        subBuildingName: 'Flat 2',
        buildingName: 'Kingfisher House',
        buildingNumber: '14',
        thoroughfare: 'Station Road',
        dependentLocality: 'Didsbury',
        postTown: 'Manchester',
        county: 'Greater Manchester',
        postcode: 'M20 4QT',
      }),
    ).toBe('Flat 2, Kingfisher House, 14 Station Road, Didsbury, Manchester, M20 4QT');
  });

  it('joins the number to the dependent thoroughfare first', () => {
    expect(
      addressLabel({
        organisation: 'Acorn Bakery Ltd',
        buildingNumber: '3',
        dependentThoroughfare: 'Mill Court',
        thoroughfare: 'High Street',
        postTown: 'Preston',
        postcode: 'PR1 2AB',
      }),
    ).toBe('Acorn Bakery Ltd, 3 Mill Court, High Street, Preston, PR1 2AB');
  });

  it('treats a number-like building name as a number and formats a PO box', () => {
    expect(addressLabel({ buildingName: '12A', thoroughfare: 'Elm Grove', postTown: 'York', postcode: 'YO1 7HH' })).toBe(
      '12A Elm Grove, York, YO1 7HH',
    );
    expect(addressLabel({ organisation: 'Example plc', poBox: '61', postTown: 'Leeds', postcode: 'LS1 1AA' })).toBe(
      'Example plc, PO Box 61, Leeds, LS1 1AA',
    );
  });
});
