import { convertStructuredToUnstructured } from 'postman-paf';
import type { PafAddress } from '@cms/gas-market';

/**
 * A delivery point: a PAF address (docs/domain.md "Postal addresses") with its UDPRN, Royal Mail's
 * id, always, and its UPRN, GeoPlace's id, where the source knows it.
 */
export type DeliveryPoint = PafAddress & { readonly udprn: string };

/** How an address is printed: its lines, post town and postcode last, and the same on one line. */
export interface AddressLabel {
  /** Each printable line, in order: organisation, premises and street, localities, post town, postcode. */
  lines: string[];
  /** The lines joined with ", ". */
  oneLine: string;
}

/**
 * The label of a delivery point, formatted by Royal Mail's rules for printing a PAF address
 * (Programmers' Guide edition 7, "Formatting a PAF address for printing": which premises element
 * goes on a line of its own, which one shares the street's line), as the postman-paf library
 * implements them: in capitals, as Royal Mail prints them.
 */
export function labelOf(address: PafAddress): AddressLabel {
  const printed = convertStructuredToUnstructured({
    organisationName: address.organisation,
    departmentName: address.department,
    subBuildingName: address.subBuildingName,
    buildingName: address.buildingName,
    buildingNumber: address.buildingNumber,
    poBoxNumber: address.poBox,
    dependentThoroughfareName: address.dependentThoroughfare,
    thoroughfareName: address.thoroughfare,
    doubleDependentLocality: address.doubleDependentLocality,
    dependentLocality: address.dependentLocality,
    postTown: address.postTown,
    postcode: address.postcode,
  });
  // line5 is the post town (postman-paf's layout), the lines above it the rest of the address.
  const lines = [printed.line1, printed.line2, printed.line3, printed.line4, printed.line5, address.postcode].filter(isPrinted);
  return { lines, oneLine: lines.join(', ') };
}

function isPrinted(line: string | undefined): line is string {
  return line !== undefined && line.trim() !== '';
}

const natural = new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' });
const compareText = (a: string | undefined, b: string | undefined) => natural.compare(a ?? '', b ?? '');

/**
 * The order a postcode's delivery points are listed in, as a person looks for theirs: by street,
 * then building number (2 before 10), building name, sub-building (Flat 2 before Flat 10),
 * organisation; the UDPRN settles any tie, so the order is the same on every call.
 */
export function compareDeliveryPoints(a: DeliveryPoint, b: DeliveryPoint): number {
  return (
    compareText(a.dependentThoroughfare, b.dependentThoroughfare) ||
    compareText(a.thoroughfare, b.thoroughfare) ||
    compareText(a.buildingNumber, b.buildingNumber) ||
    compareText(a.buildingName, b.buildingName) ||
    compareText(a.subBuildingName, b.subBuildingName) ||
    compareText(a.organisation, b.organisation) ||
    compareText(a.department, b.department) ||
    Number(a.udprn) - Number(b.udprn)
  );
}
