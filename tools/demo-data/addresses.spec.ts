import { parsePafCsvRecord, pafCsvFields } from '../../services/address-lookup/src/domain/paf-csv-record';
import { generateDemoPafRecords, syntheticPafRecords } from './addresses';
import { generateDemoMeterPoints } from './meter-points';

describe('the demo PAF data', () => {
  const meterPoints = generateDemoMeterPoints(2_000);
  const records = generateDemoPafRecords(meterPoints);

  it("holds every demo meter point's address at its postcode, under its UDPRN and UPRN", () => {
    const byUdprn = new Map(records.map((record) => [record.address.udprn, record.address]));
    for (const { address } of meterPoints) {
      const held = byUdprn.get(address.udprn!);
      expect(held).toMatchObject({ postcode: address.postcode, postTown: address.postTown, thoroughfare: address.thoroughfare });
      expect(held?.uprn).toBe(address.uprn);
    }
  });

  it('gives every postcode one to three neighbours without a meter point', () => {
    const meterPointUdprns = new Set(meterPoints.map((point) => point.address.udprn));
    const neighbours = new Map<string, number>();
    for (const { address } of records) {
      if (!meterPointUdprns.has(address.udprn)) neighbours.set(address.postcode, (neighbours.get(address.postcode) ?? 0) + 1);
    }
    const postcodes = new Set(meterPoints.map((point) => point.address.postcode));
    expect(neighbours.size).toBe(postcodes.size);
    for (const count of neighbours.values()) expect(count).toBeGreaterThanOrEqual(1);
    for (const count of neighbours.values()) expect(count).toBeLessThanOrEqual(3);
  });

  it('has one record per UDPRN, each one a valid PAF CSV record, and is the same on every run', () => {
    expect(new Set(records.map((record) => record.address.udprn)).size).toBe(records.length);
    for (const record of records) expect(parsePafCsvRecord(pafCsvFields(record))).toEqual({ ok: true, record });
    expect(generateDemoPafRecords(meterPoints)).toEqual(records);
  });

  it('makes a synthetic file of the size asked, of valid records, at postcodes the demo does not use', () => {
    const demoPostcodes = new Set(generateDemoMeterPoints().map((point) => point.address.postcode));
    const synthetic = [...syntheticPafRecords(5_000)];

    expect(synthetic).toHaveLength(5_000);
    expect(new Set(synthetic.map((record) => record.address.udprn)).size).toBe(5_000);
    for (const record of synthetic) {
      expect(demoPostcodes.has(record.address.postcode)).toBe(false);
      expect(parsePafCsvRecord(pafCsvFields(record))).toEqual({ ok: true, record });
    }
  });
});
