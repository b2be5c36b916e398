import type { MeterPointStatusCode } from '@cms/gas-market';
import type { StatusChangeSubject } from '../domain';

/** A status change the register applied, as its audit keeps it: what changed, who changed it and why. */
export interface AppliedStatusChange {
  mprn: string;
  previousStatus: MeterPointStatusCode;
  status: MeterPointStatusCode;
  /** The contact whose VALID outcome asked for it. */
  crn: string;
  /** Its resolution reason (reference data, e.g. a code for "site visit confirmed"). */
  reasonCode: string;
  /** The agent who resolved the contact; null when a timer closed it. */
  resolvedByUserId: string | null;
  automatic: boolean;
  /** The ContactResolved event that carried the outcome. */
  eventId: string;
  changedAt: Date;
}

/**
 * The register's status changes (PostgreSQL in production). Both methods take part in the
 * transaction in progress: call them inside `Transactions.run`.
 */
export interface MeterPointStatusChanges {
  /**
   * The meter point, locked until the transaction ends: a concurrent change of it (an extract
   * import, another contact's outcome) waits, so the status a decision reads is still the status
   * when the change is written. Undefined when the register does not hold the MPRN.
   */
  lockForStatusChange(mprn: string): Promise<StatusChangeSubject | undefined>;

  /** Sets the meter point's status and appends the change to its audit. */
  apply(change: AppliedStatusChange): Promise<void>;
}

export const METER_POINT_STATUS_CHANGES = Symbol('METER_POINT_STATUS_CHANGES');
