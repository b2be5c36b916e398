import { DEFAULT_METER_POINT_STATUS_CODES, type MeterPointStatusCodes } from '@cms/gas-market';

/**
 * What a contact asks the meter point to become, as the API carries it (docs/api.md, the
 * ContactLoggedV1 event): DTL always asks for LI; ISO asks for DE, or for LI from CA/CL.
 */
export const REQUESTED_METER_POINT_STATUSES = ['DE', 'LI'] as const;

export type RequestedMeterPointStatus = (typeof REQUESTED_METER_POINT_STATUSES)[number];

/** The register code a requested status stands for, e.g. 'DE' → the configured dead code. */
export function meterPointStatusCodeFor(
  requested: RequestedMeterPointStatus,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): string {
  return requested === 'DE' ? codes.dead : codes.live;
}
