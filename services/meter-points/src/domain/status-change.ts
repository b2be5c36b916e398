import type { MeterPointStatus, MeterPointStatusCode } from '@cms/gas-market';
import type { MeterPoint } from './meter-point';

/** What the register reads of a contact resolved VALID (docs/domain.md, "Outcome"). */
export interface ValidContactOutcome {
  crn: string;
  mprn: string;
  /** The status the originator asked for: the one applied, never one inferred from the kind of work. */
  requestedStatus: MeterPointStatusCode;
  /** The register's status when the contact was logged: the change applies only if it still holds. */
  meterPointStatusAtLogging: MeterPointStatusCode;
}

/** The meter point as the decision reads it; absent when the register no longer holds the MPRN. */
export type StatusChangeSubject = Pick<MeterPoint, 'mprn' | 'status' | 'transporterId'>;

export type StatusChangeDecision =
  | { decision: 'apply'; mprn: string; previousStatus: MeterPointStatusCode; status: MeterPointStatusCode; transporterId: string }
  | {
      decision: 'refuse';
      code: 'STATUS_CHANGED_SINCE_LOGGING';
      expectedStatus: MeterPointStatusCode;
      actualStatus: MeterPointStatusCode;
      /** For the agent, on the contact's history: what was expected, what was found, what to do. */
      reason: string;
    }
  | { decision: 'refuse'; code: 'METER_POINT_NOT_FOUND'; expectedStatus: MeterPointStatusCode; actualStatus: null; reason: string };

/**
 * Whether the register applies a VALID contact's requested status (docs/domain.md, "Outcome"): only
 * while the meter point still has the status the contact was logged against, since the contact was
 * judged against that status; otherwise the change is refused and the reason says why. `statuses`
 * (the status reference data) name the codes in the reason; a code it lacks reads as itself.
 */
export function decideStatusChange(
  meterPoint: StatusChangeSubject | undefined,
  outcome: ValidContactOutcome,
  statuses: readonly MeterPointStatus[],
): StatusChangeDecision {
  const describe = (code: MeterPointStatusCode) => {
    const name = statuses.find((status) => status.code === code)?.name;
    return name === undefined ? code : `${name} (${code})`;
  };
  const expectedStatus = outcome.meterPointStatusAtLogging;
  const notChanged =
    `Meter point ${outcome.mprn} was not changed to ${describe(outcome.requestedStatus)} for contact ${outcome.crn}. ` +
    `The contact was logged when the register showed it as ${describe(expectedStatus)}`;

  if (meterPoint === undefined) {
    return {
      decision: 'refuse',
      code: 'METER_POINT_NOT_FOUND',
      expectedStatus,
      actualStatus: null,
      reason:
        `${notChanged}, but the meter point is no longer in the register. ` +
        'Check the MPRN with the transporter: its status can change only once the register holds it again.',
    };
  }
  if (meterPoint.status !== expectedStatus) {
    return {
      decision: 'refuse',
      code: 'STATUS_CHANGED_SINCE_LOGGING',
      expectedStatus,
      actualStatus: meterPoint.status,
      reason:
        `${notChanged}, but it is now ${describe(meterPoint.status)}: its status changed after the contact was logged, ` +
        'so the change asked for may no longer be right. Check the meter point with the transporter and, if a change ' +
        `is still needed, log a new contact against its current status.`,
    };
  }
  return {
    decision: 'apply',
    mprn: meterPoint.mprn,
    previousStatus: meterPoint.status,
    status: outcome.requestedStatus,
    transporterId: meterPoint.transporterId,
  };
}
