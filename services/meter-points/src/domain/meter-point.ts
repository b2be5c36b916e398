import type { MeterPointStatusCode, PafAddress } from '@cms/gas-market';

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
