import type { MeterPointStatusCode } from './meter-point-status';

/**
 * A PAF-style postal address (Royal Mail Postcode Address File fields). Only post town and
 * postcode are mandatory. County is not a PAF field but is held by the legacy register.
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
  postcode: string;
  /** Royal Mail Unique Delivery Point Reference Number (8 digits). */
  udprn?: string;
  /** GeoPlace Unique Property Reference Number (up to 12 digits). */
  uprn?: string;
}

/** Legacy register field lengths (docs/domain.md, "Postal addresses"). */
export const PAF_FIELD_MAX_LENGTHS: Readonly<Partial<Record<keyof PafAddress, number>>> = Object.freeze({
  buildingNumber: 4,
  buildingName: 50,
  dependentThoroughfare: 40,
  thoroughfare: 40,
  postTown: 40,
  county: 40,
});

export interface MeterPoint {
  /** Meter Point Reference Number: digits only, up to 10. */
  mprn: string;
  /** A status code from the status reference data (LI, DE, CA, CL, EX by default). */
  status: MeterPointStatusCode;
  /** Isolation flag, held separately from status. */
  isolated: boolean;
  /** Organisation id of the transporter (a DN or an IGT). */
  transporterId: string;
  /** Organisation id of the registered shipper, or null when none is registered. */
  registeredShipperId: string | null;
  /** Local Distribution Zone code (EA, EM, NT, ...). */
  ldz: string;
  address: PafAddress;
}

export const MPRN_PATTERN = /^[0-9]{1,10}$/;

/** True when `mprn` is numeric and at most 10 digits (the MPRN_FORMAT rule). */
export function isWellFormedMprn(mprn: string): boolean {
  return MPRN_PATTERN.test(mprn);
}

/** A building "name" that is really a number or number range ("1A", "12-14") reads with the street. */
const NUMBER_LIKE_NAME = /^\d+[A-Z]?(?:-\d+[A-Z]?)?$/i;

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

/**
 * One-line address label in PAF order: organisation, department, PO box, sub-building,
 * building name, building number with the first thoroughfare, thoroughfare, localities,
 * post town, postcode. County (not a PAF field) is left out.
 *
 * Example: "Flat 2, Kingfisher House, 14 Station Road, Didsbury, Manchester, M20 4QT".
 */
export function addressLabel(address: PafAddress): string {
  const parts: string[] = [];
  const push = (v: string | undefined) => {
    if (present(v)) parts.push(v.trim());
  };

  push(address.organisation);
  push(address.department);
  if (present(address.poBox)) {
    const box = address.poBox.trim();
    parts.push(/^p\.?\s*o\.?\s*box/i.test(box) ? box : `PO Box ${box}`);
  }
  push(address.subBuildingName);

  let number = present(address.buildingNumber) ? address.buildingNumber.trim() : undefined;
  if (present(address.buildingName)) {
    const name = address.buildingName.trim();
    if (!number && NUMBER_LIKE_NAME.test(name)) number = name;
    else parts.push(name);
  }

  const streets = [address.dependentThoroughfare, address.thoroughfare].filter(present).map((s) => s.trim());
  if (number !== undefined) {
    if (streets.length > 0) streets[0] = `${number} ${streets[0]}`;
    else parts.push(number);
  }
  parts.push(...streets);

  push(address.doubleDependentLocality);
  push(address.dependentLocality);
  push(address.postTown);
  push(address.postcode);
  return parts.join(', ');
}
