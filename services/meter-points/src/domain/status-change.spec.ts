import { DEFAULT_METER_POINT_STATUSES } from '@cms/gas-market';
import { decideStatusChange, type StatusChangeSubject, type ValidContactOutcome } from './status-change';

const TRANSPORTER = '383da001-dcc0-4cf5-8481-59b9749b0a6c';
const meterPoint = (status: string): StatusChangeSubject => ({ mprn: '3938424403', status, transporterId: TRANSPORTER });
const outcome = (meterPointStatusAtLogging: string, requestedStatus: string): ValidContactOutcome => ({
  crn: 'C000000042',
  mprn: '3938424403',
  requestedStatus,
  meterPointStatusAtLogging,
});

describe('decideStatusChange', () => {
  describe('applies the requested status while the meter point still has the status the contact was logged against', () => {
    it.each([
      ['a DTL on a dead meter point: Live', 'DE', 'LI'],
      ['an ISO on a live meter point: Dead', 'LI', 'DE'],
      ['an ISO on a capped meter point: Live', 'CA', 'LI'],
      ['an ISO on a clamped meter point: Live', 'CL', 'LI'],
    ])('%s', (_, atLogging, requested) => {
      expect(decideStatusChange(meterPoint(atLogging), outcome(atLogging, requested), DEFAULT_METER_POINT_STATUSES)).toEqual({
        decision: 'apply',
        mprn: '3938424403',
        previousStatus: atLogging,
        status: requested,
        transporterId: TRANSPORTER,
      });
    });

    it('takes the requested status as it is, never one inferred from the kind of work', () => {
      // Extinct is what no kind of work leads to: applied all the same, because the contact asked for it.
      const decision = decideStatusChange(meterPoint('CA'), outcome('CA', 'EX'), DEFAULT_METER_POINT_STATUSES);

      expect(decision).toMatchObject({ decision: 'apply', previousStatus: 'CA', status: 'EX' });
    });
  });

  it('refuses when the status changed since the contact was logged, naming what it expected and what it found', () => {
    const decision = decideStatusChange(meterPoint('DE'), outcome('CA', 'LI'), DEFAULT_METER_POINT_STATUSES);

    expect(decision).toEqual({
      decision: 'refuse',
      code: 'STATUS_CHANGED_SINCE_LOGGING',
      expectedStatus: 'CA',
      actualStatus: 'DE',
      reason:
        'Meter point 3938424403 was not changed to Live (LI) for contact C000000042. The contact was logged when the ' +
        'register showed it as Capped (CA), but it is now Dead (DE): its status changed after the contact was logged, ' +
        'so the change asked for may no longer be right. Check the meter point with the transporter and, if a change ' +
        'is still needed, log a new contact against its current status.',
    });
  });

  it('refuses when the meter point is no longer in the register, with no actual status', () => {
    const decision = decideStatusChange(undefined, outcome('LI', 'DE'), DEFAULT_METER_POINT_STATUSES);

    expect(decision).toEqual({
      decision: 'refuse',
      code: 'METER_POINT_NOT_FOUND',
      expectedStatus: 'LI',
      actualStatus: null,
      reason:
        'Meter point 3938424403 was not changed to Dead (DE) for contact C000000042. The contact was logged when the ' +
        'register showed it as Live (LI), but the meter point is no longer in the register. Check the MPRN with the ' +
        'transporter: its status can change only once the register holds it again.',
    });
  });

  it('names statuses from the reference data it is given, and a code it lacks by the code alone', () => {
    const statuses = [{ code: 'LI', name: 'In service' }];

    const decision = decideStatusChange(meterPoint('XX'), outcome('LI', 'DE'), statuses);

    expect(decision).toMatchObject({ decision: 'refuse', actualStatus: 'XX' });
    expect(decision.decision === 'refuse' && decision.reason).toContain(
      'not changed to DE for contact C000000042. The contact was logged when the register showed it as In service (LI), but it is now XX:',
    );
  });
});
