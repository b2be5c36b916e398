import { addressLabel } from './meter-point';

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
