import { DEFAULT_METER_POINT_STATUS_CODES, type MeterPointStatusCodes } from '@cms/gas-market';
import type { ContactType } from './contact-type';
import type { IsolationWorkType } from './isolation-work';
import type { RequestedMeterPointStatus } from './requested-meter-point-status';

/**
 * The register status a contact must have been logged against, for a contact stored without it
 * (logged before the status was kept, or by an older replica during a roll-out): the logging rules
 * allowed a DTL only on a Dead meter point, an ISO to Live only from Capped or Clamped (the work
 * says which), and an ISO to Dead on a meter point that was not Dead: Live, the common case.
 */
export function statusLoggedAgainst(
  contact: { contactType: ContactType; requestedStatus: RequestedMeterPointStatus; isolationWorkType?: IsolationWorkType },
  codes: MeterPointStatusCodes = DEFAULT_METER_POINT_STATUS_CODES,
): string {
  if (contact.contactType === 'DTL') return codes.dead;
  if (contact.requestedStatus === 'DE') return codes.live;
  return contact.isolationWorkType === 'UNCLAMPED' ? codes.clamped : codes.capped;
}
