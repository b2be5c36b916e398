/**
 * A PAF-style postal address: the fields of Royal Mail's Postcode Address File (docs/domain.md
 * "Postal addresses"). Only post town and postcode are always present. County is not a PAF field
 * but the legacy register holds it.
 */
export interface PafAddress {
  organisation?: string;
  department?: string;
  subBuildingName?: string;
  buildingName?: string;
  buildingNumber?: string;
  poBox?: string;
  dependentThoroughfare?: string;
  thoroughfare?: string;
  doubleDependentLocality?: string;
  dependentLocality?: string;
  postTown: string;
  county?: string;
  /** Normalised: upper case, one space before the inward code, e.g. "SW1A 1AA". */
  postcode: string;
  /** Royal Mail's Unique Delivery Point Reference Number: up to 8 digits. */
  udprn?: string;
  /** GeoPlace's Unique Property Reference Number: up to 12 digits. */
  uprn?: string;
}

export type PafAddressField = keyof PafAddress;

/** The free-text fields: all but the postcode and the two reference numbers, which have shapes of their own. */
export type PafTextField = Exclude<PafAddressField, 'postcode' | 'udprn' | 'uprn'>;

/** The free-text fields in PAF order. */
export const PAF_TEXT_FIELDS: readonly PafTextField[] = Object.freeze([
  'organisation',
  'department',
  'subBuildingName',
  'buildingName',
  'buildingNumber',
  'poBox',
  'dependentThoroughfare',
  'thoroughfare',
  'doubleDependentLocality',
  'dependentLocality',
  'postTown',
  'county',
] as const);

export function isPafTextField(field: PafAddressField): field is PafTextField {
  return (PAF_TEXT_FIELDS as readonly string[]).includes(field);
}

/**
 * The one set of field lengths, in characters (digits for the UDPRN and UPRN), for every service,
 * request, response and column that holds a PAF address.
 *
 * - docs/domain.md "Postal addresses", the legacy register's lengths, which win where they differ
 *   from PAF: building number 4, building name 50, streets (dependent thoroughfare, thoroughfare)
 *   40, post town 40, county 40.
 * - The rest from Royal Mail's "Programmers' Guide: technical specifications for users of PAF and
 *   associated raw data products", edition 7 version 6, "Structure of a PAF address": organisation
 *   name 60, department name 60, sub-building name 30, double dependent locality 35, dependent
 *   locality 35, PO box 6, UDPRN 8 digits; the postcode 7 characters without its space, so 8 with it.
 * - UPRN: up to 12 digits (GeoPlace; docs/domain.md).
 */
export const PAF_FIELD_MAX_LENGTHS: Readonly<Record<PafAddressField, number>> = Object.freeze({
  organisation: 60,
  department: 60,
  subBuildingName: 30,
  buildingName: 50,
  buildingNumber: 4,
  poBox: 6,
  dependentThoroughfare: 40,
  thoroughfare: 40,
  doubleDependentLocality: 35,
  dependentLocality: 35,
  postTown: 40,
  county: 40,
  postcode: 8,
  udprn: 8,
  uprn: 12,
});

/** Digits only, one to `max` of them: the shape of a UDPRN and of a UPRN. */
function isReferenceNumber(value: unknown, max: number): value is string {
  return typeof value === 'string' && value.length >= 1 && value.length <= max && /^[0-9]+$/.test(value);
}

/** The shape of a UDPRN as a pattern (isUdprn), for documents. */
export const UDPRN_PATTERN = new RegExp(`^[0-9]{1,${PAF_FIELD_MAX_LENGTHS.udprn}}$`);

/**
 * Whether `value` has the shape of a UDPRN, Royal Mail's Unique Delivery Point Reference Number:
 * up to 8 digits (PAF_FIELD_MAX_LENGTHS.udprn). A valid shape does not prove the delivery point exists.
 */
export function isUdprn(value: unknown): value is string {
  return isReferenceNumber(value, PAF_FIELD_MAX_LENGTHS.udprn);
}

/** Whether `value` has the shape of a UPRN, GeoPlace's Unique Property Reference Number: up to 12 digits. */
export function isUprn(value: unknown): value is string {
  return isReferenceNumber(value, PAF_FIELD_MAX_LENGTHS.uprn);
}
