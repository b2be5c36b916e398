import type { MeterPoint, PafAddress } from '../domain';

/**
 * Limits the register's columns put on an address beyond what the extract format checks itself
 * (the legacy lengths of building number, building name, streets, post town and county). The
 * others are the Royal Mail PAF field lengths. Kept equal to the migration's column sizes, so that a long value is reported against its line
 * instead of failing a whole batch.
 */
export const REGISTER_ADDRESS_MAX_LENGTHS: Readonly<Record<keyof PafAddress, number>> = Object.freeze({
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

const COLUMN_OF: Readonly<Record<keyof PafAddress, string>> = Object.freeze({
  organisation: 'organisation',
  department: 'department',
  subBuildingName: 'sub_building_name',
  buildingName: 'building_name',
  buildingNumber: 'building_number',
  poBox: 'po_box',
  dependentThoroughfare: 'dependent_thoroughfare',
  thoroughfare: 'thoroughfare',
  doubleDependentLocality: 'double_dependent_locality',
  dependentLocality: 'dependent_locality',
  postTown: 'post_town',
  county: 'county',
  postcode: 'postcode',
  udprn: 'udprn',
  uprn: 'uprn',
});

/** Organisation ids are UUIDs (the access-control service's organisation ids). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The problems that would make the register refuse a row the extract parser accepted, one message
 * each, in the parser's "column: problem" style. Empty when the row fits.
 */
export function registerConstraintProblems(meterPoint: MeterPoint): string[] {
  const problems: string[] = [];
  if (!UUID.test(meterPoint.transporterId)) {
    problems.push(`transporter_id: must be an organisation id (UUID) (got "${meterPoint.transporterId}")`);
  }
  if (meterPoint.registeredShipperId !== null && !UUID.test(meterPoint.registeredShipperId)) {
    problems.push(
      `registered_shipper_id: must be an organisation id (UUID) or empty (got "${meterPoint.registeredShipperId}")`,
    );
  }
  for (const key of Object.keys(REGISTER_ADDRESS_MAX_LENGTHS) as (keyof PafAddress)[]) {
    const value = meterPoint.address[key];
    const max = REGISTER_ADDRESS_MAX_LENGTHS[key];
    if (value !== undefined && value.length > max) problems.push(`${COLUMN_OF[key]}: longer than ${max} characters`);
  }
  return problems;
}
