import { isUdprn, isUprn, normalisePostcode, PAF_FIELD_MAX_LENGTHS, type PafTextField } from '@cms/gas-market';
import type { DeliveryPoint } from './delivery-point';

/**
 * Royal Mail's PAF in CSV layout ("CSV PAF": one delivery point a record, no header row), its 16
 * columns in this order. A 17th column, the UPRN, may follow: PAF has none, but a file joined to
 * GeoPlace's UDPRN–UPRN cross-reference carries it.
 */
export const PAF_CSV_COLUMNS = [
  'Postcode',
  'Post Town',
  'Dependent Locality',
  'Double Dependent Locality',
  'Thoroughfare & Descriptor',
  'Dependent Thoroughfare & Descriptor',
  'Building Number',
  'Building Name',
  'Sub Building Name',
  'PO Box',
  'Department Name',
  'Organisation Name',
  'UDPRN',
  'Postcode Type',
  'SU Organisation Indicator',
  'Delivery Point Suffix',
] as const;

/** The optional column after PAF's own. */
export const UPRN_COLUMN = 'UPRN';

/** Each text column's field of the address, in PAF CSV order. */
const TEXT_COLUMNS: ReadonlyArray<readonly [column: number, field: PafTextField]> = [
  [1, 'postTown'],
  [2, 'dependentLocality'],
  [3, 'doubleDependentLocality'],
  [4, 'thoroughfare'],
  [5, 'dependentThoroughfare'],
  [6, 'buildingNumber'],
  [7, 'buildingName'],
  [8, 'subBuildingName'],
  [9, 'poBox'],
  [10, 'department'],
  [11, 'organisation'],
];

/** A delivery point as the PAF file describes it: the address and PAF's own marks on it. */
export interface PafRecord {
  address: DeliveryPoint;
  /** S: a small user postcode (most), L: a large user (one organisation receiving a lot of mail). */
  postcodeType: 'S' | 'L';
  /** Y on a small user postcode's delivery point that is an organisation. */
  smallUserOrganisation: boolean;
  /** Two characters, a digit and a letter, that tell the postcode's delivery points apart (e.g. 1A); absent on some files. */
  deliveryPointSuffix: string | null;
}

export type PafRecordResult = { ok: true; record: PafRecord } | { ok: false; errors: string[] };

/**
 * Reads one record of a PAF CSV file. Every fault of the record is listed (the importer reports
 * them against the record's line). Field lengths are the shared set (PAF_FIELD_MAX_LENGTHS), so
 * every address held here fits wherever CMS stores an address, a contact's alternative address included.
 */
export function parsePafCsvRecord(fields: readonly string[]): PafRecordResult {
  if (fields.length !== PAF_CSV_COLUMNS.length && fields.length !== PAF_CSV_COLUMNS.length + 1) {
    return {
      ok: false,
      errors: [`expected ${PAF_CSV_COLUMNS.length} fields (${PAF_CSV_COLUMNS.length + 1} with a UPRN), found ${fields.length}`],
    };
  }
  const value = (column: number) => fields[column]?.trim() ?? '';
  const errors: string[] = [];

  const postcode = normalisePostcode(value(0));
  if (postcode === null) errors.push(`${PAF_CSV_COLUMNS[0]} ${JSON.stringify(value(0))} is not a UK postcode`);

  const text: Partial<Record<PafTextField, string>> = {};
  for (const [column, field] of TEXT_COLUMNS) {
    const given = value(column);
    if (given === '') continue;
    if (given.length > PAF_FIELD_MAX_LENGTHS[field]) {
      errors.push(`${PAF_CSV_COLUMNS[column]} is longer than ${PAF_FIELD_MAX_LENGTHS[field]} characters`);
    }
    text[field] = given;
  }
  if (text.postTown === undefined) errors.push(`${PAF_CSV_COLUMNS[1]} is missing`);
  if (text.buildingNumber !== undefined && !/^[0-9]+$/.test(text.buildingNumber)) {
    errors.push(`${PAF_CSV_COLUMNS[6]} ${JSON.stringify(text.buildingNumber)} is not a number`);
  }

  const udprn = value(12);
  if (!isUdprn(udprn)) errors.push(`${PAF_CSV_COLUMNS[12]} ${JSON.stringify(udprn)} is not 1 to ${PAF_FIELD_MAX_LENGTHS.udprn} digits`);

  const postcodeType = value(13);
  if (postcodeType !== 'S' && postcodeType !== 'L') errors.push(`${PAF_CSV_COLUMNS[13]} must be S or L`);

  const indicator = value(14);
  if (indicator !== '' && indicator !== 'Y') errors.push(`${PAF_CSV_COLUMNS[14]} must be Y or empty`);

  const suffix = value(15);
  if (suffix !== '' && !/^[0-9][A-Z]$/.test(suffix)) errors.push(`${PAF_CSV_COLUMNS[15]} must be a digit and a letter, such as 1A`);

  const uprn = value(16);
  if (uprn !== '' && !isUprn(uprn)) errors.push(`${UPRN_COLUMN} ${JSON.stringify(uprn)} is not 1 to ${PAF_FIELD_MAX_LENGTHS.uprn} digits`);

  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    record: {
      address: { ...text, postTown: text.postTown!, postcode: postcode!, udprn: String(Number(udprn)), ...(uprn === '' ? {} : { uprn }) },
      postcodeType: postcodeType as 'S' | 'L',
      smallUserOrganisation: indicator === 'Y',
      deliveryPointSuffix: suffix === '' ? null : suffix,
    },
  };
}

/** The fields of a record in PAF CSV order, the UPRN appended (the demo and benchmark files write them). */
export function pafCsvFields(record: PafRecord): string[] {
  const { address } = record;
  const fields = [address.postcode, ...TEXT_COLUMNS.map(([, field]) => address[field] ?? '')];
  fields.push(address.udprn, record.postcodeType, record.smallUserOrganisation ? 'Y' : '', record.deliveryPointSuffix ?? '', address.uprn ?? '');
  return fields;
}
