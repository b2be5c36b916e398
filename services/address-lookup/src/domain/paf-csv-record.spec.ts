import { PAF_CSV_COLUMNS, parsePafCsvRecord, pafCsvFields, type PafRecord } from './paf-csv-record';

// Postcode, Post Town, Dep. Locality, Double Dep. Locality, Thoroughfare, Dep. Thoroughfare, Building Number,
// Building Name, Sub Building Name, PO Box, Department, Organisation, UDPRN, Postcode Type, SU Org. Indicator, DPS
const RECORD = ['pr29qz', 'Preston', 'Fulwood', '', 'Juniper Close', '', '14', '', '', '', '', '', '10482615', 'S', '', '1A'];

describe('a record of a PAF CSV file', () => {
  it('has the sixteen columns of the PAF CSV layout, in order', () => {
    expect(PAF_CSV_COLUMNS).toHaveLength(16);
    expect(PAF_CSV_COLUMNS[0]).toBe('Postcode');
    expect(PAF_CSV_COLUMNS[12]).toBe('UDPRN');
  });

  it('is read into a delivery point, the postcode normalised and empty fields left out', () => {
    expect(parsePafCsvRecord(RECORD)).toEqual({
      ok: true,
      record: {
        address: { postcode: 'PR2 9QZ', postTown: 'Preston', dependentLocality: 'Fulwood', thoroughfare: 'Juniper Close', buildingNumber: '14', udprn: '10482615' },
        postcodeType: 'S',
        smallUserOrganisation: false,
        deliveryPointSuffix: '1A',
      },
    });
  });

  it('takes a seventeenth column, the UPRN, and drops the UDPRN’s leading zeros', () => {
    const result = parsePafCsvRecord([...RECORD.slice(0, 12), '00482615', 'S', '', '1A', '100010482615']);

    expect(result).toMatchObject({ ok: true, record: { address: { udprn: '482615', uprn: '100010482615' } } });
  });

  it('lists every fault of a record', () => {
    const result = parsePafCsvRecord(['PR2', '', '', '', 'x'.repeat(41), '', '14a', '', '', '', '', '', '123456789', 'Q', 'N', '1', 'U1']);

    expect(result).toEqual({
      ok: false,
      errors: [
        'Postcode "PR2" is not a UK postcode',
        'Thoroughfare & Descriptor is longer than 40 characters',
        'Post Town is missing',
        'Building Number "14a" is not a number',
        'UDPRN "123456789" is not 1 to 8 digits',
        'Postcode Type must be S or L',
        'SU Organisation Indicator must be Y or empty',
        'Delivery Point Suffix must be a digit and a letter, such as 1A',
        'UPRN "U1" is not 1 to 12 digits',
      ],
    });
  });

  it('refuses a record of the wrong number of fields', () => {
    expect(parsePafCsvRecord(RECORD.slice(0, 15))).toEqual({ ok: false, errors: ['expected 16 fields (17 with a UPRN), found 15'] });
  });

  it('is written back as it was read', () => {
    const read = parsePafCsvRecord([...RECORD, '100010482615']) as { ok: true; record: PafRecord };

    expect(parsePafCsvRecord(pafCsvFields(read.record))).toEqual(read);
  });
});
