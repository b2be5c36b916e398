import { DEFAULT_METER_POINT_STATUS_CODES, type MeterPointStatusCodes } from '@cms/gas-market';
import { meterPointStatusCodeFor, type RequestedMeterPointStatus } from './requested-meter-point-status';

/** The part of a contact that decides what a VALID outcome does to the meter point. */
export type MeterPointStatusRequest =
  { readonly type: 'DTL' } | { readonly type: 'ISO'; readonly requestedStatus: RequestedMeterPointStatus };

/**
 * The register status a meter point takes when its contact is resolved VALID (docs/domain.md
 * "Outcome"): DTL → LI; ISO → the requested status (DE, or LI from CA/CL).
 */
export function targetMeterPointStatus(
  contact: MeterPointStatusRequest,
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): string {
  switch (contact.type) {
    case 'DTL':
      return codes.live;
    case 'ISO':
      return meterPointStatusCodeFor(contact.requestedStatus, codes);
  }
}
