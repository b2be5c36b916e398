import { WorkingDayCalendars } from '@cms/gas-market';
import { DEFAULT_CONTACT_CLOCK_SETTINGS, dueOnAfterPause, resolutionDueOn, unansweredDcClosesOn } from './contact-clock';

const calendars = new WorkingDayCalendars();
const england = calendars.calendarFor('NW');
const scotland = calendars.calendarFor('SC');

describe("a contact's clocks", () => {
  it('is due for resolution 20 working days after it was logged, bank holidays skipped', () => {
    // Logged Tue 1 Dec 2026: 20 working days, Christmas (Fri 25) and Boxing Day's substitute (Mon 28) skipped.
    expect(resolutionDueOn('2026-12-01', england, DEFAULT_CONTACT_CLOCK_SETTINGS)).toBe('2026-12-31');
    // Logged Tue 15 Dec: over New Year; Scotland also closes for 2 January (a Saturday in 2027: Mon 4 Jan instead).
    expect(resolutionDueOn('2026-12-15', england, DEFAULT_CONTACT_CLOCK_SETTINGS)).toBe('2027-01-15');
    expect(resolutionDueOn('2026-12-15', scotland, DEFAULT_CONTACT_CLOCK_SETTINGS)).toBe('2027-01-18');
  });

  it('adds the working days the contact waited on its originator', () => {
    // Paused Friday 4 Dec, resumed Tuesday 8 Dec: two working days (Mon 7, Tue 8) added.
    expect(dueOnAfterPause('2026-12-15', '2026-12-04', '2026-12-08', england)).toBe('2026-12-17');
    expect(dueOnAfterPause('2026-12-15', '2026-12-04', '2026-12-04', england)).toBe('2026-12-15');
  });

  it('closes a contact whose DC to the originator stood two whole working days unanswered past its due date', () => {
    // Due Friday 4 Dec: past due Monday 7 and Tuesday 8; closed from Wednesday 9.
    expect(unansweredDcClosesOn('2026-12-04', england, DEFAULT_CONTACT_CLOCK_SETTINGS)).toBe('2026-12-09');
    // St Andrew's Day (Mon 30 Nov 2026) is a Scottish bank holiday only.
    expect(unansweredDcClosesOn('2026-11-27', england, DEFAULT_CONTACT_CLOCK_SETTINGS)).toBe('2026-12-02');
    expect(unansweredDcClosesOn('2026-11-27', scotland, DEFAULT_CONTACT_CLOCK_SETTINGS)).toBe('2026-12-03');
  });
});
