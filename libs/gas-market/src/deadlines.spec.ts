import { closureDaysFrom, overdueFrom, reminderDay } from './deadlines';
import { WorkingDayCalendars } from './working-day-calendar';

const calendars = new WorkingDayCalendars();
const england = calendars.calendarFor('NW');
const scotland = calendars.calendarFor('SC');

describe('a due date', () => {
  it('is reminded the working day before: Friday for a Monday, before a bank holiday the day before that', () => {
    expect(reminderDay('2026-12-07', england)).toBe('2026-12-04');
    // Due Tuesday 29 December 2026: Christmas Day (Fri 25) and Boxing Day's substitute (Mon 28) are closed.
    expect(reminderDay('2026-12-29', england)).toBe('2026-12-24');
  });

  it('is overdue from the next calendar day, across a month and a year', () => {
    expect(overdueFrom('2026-11-30')).toBe('2026-12-01');
    expect(overdueFrom('2026-12-31')).toBe('2027-01-01');
  });
});

describe('the calendar of an LDZ read from data', () => {
  it("is Scotland's for SC, England and Wales' for the others and for none", () => {
    // 2 January 2027 is a Saturday: Scotland's substitute day is Monday 4 January.
    expect(calendars.calendarOfLdz('SC').isWorkingDay('2027-01-04')).toBe(false);
    expect(calendars.calendarOfLdz('NW').isWorkingDay('2027-01-04')).toBe(true);
    expect(calendars.calendarOfLdz(null).isWorkingDay('2027-01-04')).toBe(true);
    expect(calendars.calendarOfLdz('ZZ').isWorkingDay('2027-01-04')).toBe(true);
    expect(scotland.isWorkingDay('2027-01-04')).toBe(false);
  });
});

describe('closure days as configured', () => {
  it('reads a day for every calendar or for one', () => {
    expect(closureDaysFrom(['2026-12-24', 'SCOTLAND:2026-12-31'])).toEqual([{ day: '2026-12-24' }, { day: '2026-12-31', calendar: 'SCOTLAND' }]);
  });

  it.each(['24/12/2026', 'WALES:2026-12-24', '2026-02-30', ''])('refuses %j, naming the setting', (entry) => {
    expect(() => closureDaysFrom([entry])).toThrow(/^CLOSURE_DAYS: /);
  });
});
