import { isPafTextField, isUdprn, isUprn, PAF_FIELD_MAX_LENGTHS, PAF_TEXT_FIELDS, type PafAddress } from './paf-address';

describe('PAF field lengths', () => {
  it('are the legacy register lengths docs/domain.md gives', () => {
    expect(PAF_FIELD_MAX_LENGTHS).toMatchObject({
      buildingNumber: 4,
      buildingName: 50,
      dependentThoroughfare: 40,
      thoroughfare: 40,
      postTown: 40,
      county: 40,
    });
  });

  it("are Royal Mail's PAF lengths for the fields docs/domain.md leaves open", () => {
    expect(PAF_FIELD_MAX_LENGTHS).toMatchObject({
      organisation: 60,
      department: 60,
      subBuildingName: 30,
      poBox: 6,
      doubleDependentLocality: 35,
      dependentLocality: 35,
      postcode: 8,
      udprn: 8,
    });
  });

  it('hold the longest postcode shape, AA9A 9AA, and a UPRN of 12 digits', () => {
    expect(PAF_FIELD_MAX_LENGTHS.postcode).toBe('EC1A 1BB'.length);
    expect(PAF_FIELD_MAX_LENGTHS.uprn).toBe(12);
  });

  it('cover every field of an address, so no field goes unchecked', () => {
    const everyField: Required<PafAddress> = {
      organisation: '',
      department: '',
      subBuildingName: '',
      buildingName: '',
      buildingNumber: '',
      poBox: '',
      dependentThoroughfare: '',
      thoroughfare: '',
      doubleDependentLocality: '',
      dependentLocality: '',
      postTown: '',
      county: '',
      postcode: '',
      udprn: '',
      uprn: '',
    };
    expect(Object.keys(PAF_FIELD_MAX_LENGTHS).sort()).toEqual(Object.keys(everyField).sort());
  });
});

describe('PAF text fields', () => {
  it('are every field but the postcode and the reference numbers, in PAF order', () => {
    expect(PAF_TEXT_FIELDS).toEqual(
      Object.keys(PAF_FIELD_MAX_LENGTHS).filter((field) => !['postcode', 'udprn', 'uprn'].includes(field)),
    );
  });

  it('are told apart from the postcode and the reference numbers', () => {
    expect(isPafTextField('thoroughfare')).toBe(true);
    expect(isPafTextField('county')).toBe(true);
    expect(isPafTextField('postcode')).toBe(false);
    expect(isPafTextField('udprn')).toBe(false);
    expect(isPafTextField('uprn')).toBe(false);
  });
});

describe('UDPRN and UPRN shapes', () => {
  it('take a UDPRN of one to eight digits', () => {
    expect(isUdprn('1')).toBe(true);
    expect(isUdprn('10482615')).toBe(true);
  });

  it.each(['', '123456789', '1048261A', ' 1048261', '-1', '1.5'])('refuse %p as a UDPRN', (value) => {
    expect(isUdprn(value)).toBe(false);
  });

  it('refuse what is not text, a number included', () => {
    expect(isUdprn(10482615)).toBe(false);
    expect(isUprn(100010482615)).toBe(false);
    expect(isUdprn(null)).toBe(false);
  });

  it('take a UPRN of one to twelve digits, and no more', () => {
    expect(isUprn('100010482615')).toBe(true);
    expect(isUprn('1000104826150')).toBe(false);
    expect(isUprn('10001048261X')).toBe(false);
  });
});
