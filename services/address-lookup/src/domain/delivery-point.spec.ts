import { compareDeliveryPoints, labelOf, type DeliveryPoint } from './delivery-point';

describe("an address's label, by Royal Mail's rules", () => {
  it('puts a building number on the street line, the locality, post town and postcode on lines of their own', () => {
    expect(labelOf({ buildingNumber: '14', thoroughfare: 'Juniper Close', dependentLocality: 'Fulwood', postTown: 'Preston', postcode: 'PR2 9QZ' })).toEqual({
      lines: ['14 JUNIPER CLOSE', 'FULWOOD', 'PRESTON', 'PR2 9QZ'],
      oneLine: '14 JUNIPER CLOSE, FULWOOD, PRESTON, PR2 9QZ',
    });
  });

  it('gives a flat, its named building and the numbered street a line each', () => {
    const label = labelOf({ subBuildingName: 'Flat 3', buildingName: 'Sandpiper Court', buildingNumber: '22', thoroughfare: 'Linden Street', postTown: 'Glasgow', postcode: 'G11 9WB' });

    expect(label.lines).toEqual(['FLAT 3', 'SANDPIPER COURT', '22 LINDEN STREET', 'GLASGOW', 'G11 9WB']);
  });

  it('keeps a named house on its own line above the street', () => {
    expect(labelOf({ buildingName: 'The Old Forge', thoroughfare: 'Quarry Lane', postTown: 'Birmingham', postcode: 'B17 9YR' }).lines).toEqual([
      'THE OLD FORGE',
      'QUARRY LANE',
      'BIRMINGHAM',
      'B17 9YR',
    ]);
  });

  it('puts the organisation first and writes out a PO box', () => {
    expect(labelOf({ organisation: 'Acme Ltd', buildingNumber: '3', thoroughfare: 'High Street', postTown: 'Leeds', postcode: 'LS6 1AA' }).lines[0]).toBe('ACME LTD');
    expect(labelOf({ poBox: '123', postTown: 'Leeds', postcode: 'LS1 1AA' }).lines).toEqual(['PO BOX 123', 'LEEDS', 'LS1 1AA']);
  });
});

describe('the order of the delivery points at a postcode', () => {
  const point = (udprn: string, fields: Partial<DeliveryPoint>): DeliveryPoint => ({ postTown: 'Leeds', postcode: 'LS6 9XJ', udprn, ...fields });

  it('counts numbers as numbers: 2 before 10, Flat 2 before Flat 10', () => {
    const listed = [
      point('1', { buildingNumber: '10', thoroughfare: 'Hawthorn Terrace' }),
      point('2', { buildingNumber: '2', thoroughfare: 'Hawthorn Terrace' }),
      point('3', { subBuildingName: 'Flat 10', buildingName: 'Rose Court', thoroughfare: 'Hawthorn Terrace' }),
      point('4', { subBuildingName: 'Flat 2', buildingName: 'Rose Court', thoroughfare: 'Hawthorn Terrace' }),
    ].sort(compareDeliveryPoints);

    // The flats of Rose Court have no building number: they come before the numbered houses.
    expect(listed.map((p) => p.udprn)).toEqual(['4', '3', '2', '1']);
  });

  it('lists by street first, and settles a tie by UDPRN', () => {
    const listed = [
      point('9', { buildingNumber: '1', thoroughfare: 'Zebra Road' }),
      point('8', { buildingNumber: '5', thoroughfare: 'Acorn Road' }),
      point('7', { buildingNumber: '5', thoroughfare: 'Acorn Road' }),
    ].sort(compareDeliveryPoints);

    expect(listed.map((p) => p.udprn)).toEqual(['7', '8', '9']);
  });
});
