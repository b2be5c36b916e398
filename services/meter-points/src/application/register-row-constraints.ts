import { PAF_FIELD_MAX_LENGTHS, type PafAddress } from '@cms/gas-market';
import type { MeterPoint } from '../domain';

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
  // The register's columns are sized to the shared PAF lengths (the migration), so a long value is
  // reported against its line instead of failing a whole batch.
  for (const key of Object.keys(PAF_FIELD_MAX_LENGTHS) as (keyof PafAddress)[]) {
    const value = meterPoint.address[key];
    const max = PAF_FIELD_MAX_LENGTHS[key];
    if (value !== undefined && value.length > max) problems.push(`${COLUMN_OF[key]}: longer than ${max} characters`);
  }
  return problems;
}
