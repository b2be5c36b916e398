import { ALTERNATIVE_ADDRESS_FIELDS } from './alternative-address';
import {
  contactAnonymisedAt,
  PERSONAL_CONTACT_DETAILS,
  rejectedSubmissionsRefusedBefore,
  rejectedSubmissionsSweepAt,
  type RetentionSchedule,
} from './retention';

const schedule: RetentionSchedule = { contactDays: { DTL: 30, ISO: 90 }, rejectedSubmissionDays: 10 };

describe('the retention schedule', () => {
  it("counts a contact's period from its end, in its own type's days", () => {
    const endedAt = new Date('2026-12-01T15:30:00Z');
    expect(contactAnonymisedAt('DTL', endedAt, schedule).toISOString()).toBe('2026-12-31T15:30:00.000Z');
    expect(contactAnonymisedAt('ISO', endedAt, schedule).toISOString()).toBe('2027-03-01T15:30:00.000Z');
  });

  it('sweeps a day’s rejected submissions once the last of them is past its period, and takes every one refused before then', () => {
    const sweepAt = rejectedSubmissionsSweepAt(new Date('2026-12-01T08:00:00Z'), schedule);
    expect(sweepAt.toISOString()).toBe('2026-12-12T00:00:00.000Z');
    // Every submission of that day, its last instant included, is past its ten days by then.
    expect(rejectedSubmissionsSweepAt(new Date('2026-12-01T23:59:59.999Z'), schedule)).toEqual(sweepAt);
    expect(rejectedSubmissionsRefusedBefore(sweepAt, schedule).toISOString()).toBe('2026-12-02T00:00:00.000Z');
  });

  it('names as personal the originator’s contact, the description and every field of the alternative address, not its provenance', () => {
    expect(PERSONAL_CONTACT_DETAILS).toEqual(expect.arrayContaining(['originatorContact', 'description', 'alternativeAddress.postcode', 'alternativeAddress.thoroughfare']));
    expect(PERSONAL_CONTACT_DETAILS).toHaveLength(2 + ALTERNATIVE_ADDRESS_FIELDS.length);
    expect(PERSONAL_CONTACT_DETAILS).not.toContain('alternativeAddress.provenance');
  });
});
