import Holidays from 'date-holidays';
import { LDZ_CODES } from './ldz';
import { holidayCalendarFor, WorkingDayCalendar, WorkingDayCalendars } from './working-day-calendar';

const englandAndWales = new WorkingDayCalendar('ENGLAND_AND_WALES');
const scotland = new WorkingDayCalendar('SCOTLAND');

describe('a working-day calendar', () => {
  it('has no working days at weekends', () => {
    expect(englandAndWales.isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(englandAndWales.isWorkingDay('2026-12-06')).toBe(false); // Sunday
    expect(englandAndWales.isWorkingDay('2026-12-07')).toBe(true); // Monday
    expect(scotland.isWorkingDay('2026-12-04')).toBe(true); // Friday
  });

  it('moves Christmas and Boxing Day that fall at a weekend to the weekdays after', () => {
    for (const calendar of [englandAndWales, scotland]) {
      // 2026: Christmas on a Friday, Boxing Day on a Saturday, its substitute on Monday 28.
      expect(calendar.isWorkingDay('2026-12-25')).toBe(false);
      expect(calendar.isWorkingDay('2026-12-28')).toBe(false);
      expect(calendar.isWorkingDay('2026-12-29')).toBe(true);
      // 2027: both at the weekend, substitutes on Monday 27 and Tuesday 28.
      expect(calendar.isWorkingDay('2027-12-27')).toBe(false);
      expect(calendar.isWorkingDay('2027-12-28')).toBe(false);
      expect(calendar.isWorkingDay('2027-12-29')).toBe(true);
    }
  });

  it('keeps Good Friday everywhere and Easter Monday in England and Wales only', () => {
    expect(englandAndWales.isWorkingDay('2026-04-03')).toBe(false);
    expect(scotland.isWorkingDay('2026-04-03')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-04-06')).toBe(false);
    expect(scotland.isWorkingDay('2026-04-06')).toBe(true);
  });

  it('keeps 2 January in Scotland only, moved to the Monday when it falls at a weekend', () => {
    expect(scotland.isWorkingDay('2026-01-02')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-01-02')).toBe(true);
    // 2027: 1 January a Friday, 2 January a Saturday.
    expect(scotland.isWorkingDay('2027-01-04')).toBe(false);
    expect(englandAndWales.isWorkingDay('2027-01-04')).toBe(true);
  });

  it("keeps St Andrew's Day in Scotland only, on the Monday after when it falls on a Sunday", () => {
    expect(scotland.isWorkingDay('2026-11-30')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-11-30')).toBe(true);
    expect(scotland.isWorkingDay('2025-12-01')).toBe(false);
    expect(englandAndWales.isWorkingDay('2025-12-01')).toBe(true);
  });

  it('has the summer bank holiday on the first Monday of August in Scotland, the last in England and Wales', () => {
    expect(scotland.isWorkingDay('2026-08-03')).toBe(false);
    expect(englandAndWales.isWorkingDay('2026-08-03')).toBe(true);
    expect(englandAndWales.isWorkingDay('2026-08-31')).toBe(false);
    expect(scotland.isWorkingDay('2026-08-31')).toBe(true);
  });

  it('counts one-off bank holidays', () => {
    // The State Funeral of Queen Elizabeth II, Monday 19 September 2022.
    expect(englandAndWales.isWorkingDay('2022-09-19')).toBe(false);
    expect(scotland.isWorkingDay('2022-09-19')).toBe(false);
  });

  it('closes on the closure days it is given', () => {
    const calendar = new WorkingDayCalendar('ENGLAND_AND_WALES', ['2026-12-30']);
    expect(calendar.isWorkingDay('2026-12-30')).toBe(false);
    expect(calendar.addWorkingDays('2026-12-29', 1)).toBe('2026-12-31');
    expect(englandAndWales.isWorkingDay('2026-12-30')).toBe(true);
  });

  describe('adding working days', () => {
    it('counts the working days after the start day: 5 from Tuesday is the Tuesday after', () => {
      expect(englandAndWales.addWorkingDays('2026-12-01', 5)).toBe('2026-12-08');
    });

    it('never counts the start day, even when it is not a working day', () => {
      expect(englandAndWales.addWorkingDays('2026-12-05', 1)).toBe('2026-12-07'); // Saturday → Monday
      expect(englandAndWales.addWorkingDays('2026-12-07', 1)).toBe('2026-12-08');
    });

    it('adds nothing for n = 0, whatever the day', () => {
      expect(englandAndWales.addWorkingDays('2026-12-01', 0)).toBe('2026-12-01');
      expect(englandAndWales.addWorkingDays('2026-12-05', 0)).toBe('2026-12-05');
    });

    it('crosses a year end, each calendar with its own holidays', () => {
      // 24, 29, 30, 31 December, then 1 January off; 4 January is the fifth in England and Wales,
      // while Scotland also keeps it (2 January's substitute) and reaches 5 January.
      expect(englandAndWales.addWorkingDays('2026-12-23', 5)).toBe('2027-01-04');
      expect(scotland.addWorkingDays('2026-12-23', 5)).toBe('2027-01-05');
    });

    it('refuses a negative or fractional count and a date that does not exist', () => {
      expect(() => englandAndWales.addWorkingDays('2026-12-01', -1)).toThrow(RangeError);
      expect(() => englandAndWales.addWorkingDays('2026-12-01', 1.5)).toThrow(RangeError);
      expect(() => englandAndWales.addWorkingDays('2026-02-30', 1)).toThrow(RangeError);
      expect(() => englandAndWales.isWorkingDay('1 December 2026')).toThrow(RangeError);
    });
  });

  describe('working days between two days', () => {
    it('counts those after the first up to and including the second', () => {
      expect(englandAndWales.workingDaysBetween('2026-12-01', '2026-12-08')).toBe(5);
      expect(englandAndWales.workingDaysBetween('2026-12-01', '2026-12-01')).toBe(0);
      expect(englandAndWales.workingDaysBetween('2026-12-04', '2026-12-06')).toBe(0); // Friday to Sunday
    });

    it('undoes adding working days, across a year end too', () => {
      for (const n of [0, 1, 5, 10, 20]) {
        for (const calendar of [englandAndWales, scotland]) {
          expect(calendar.workingDaysBetween('2026-12-18', calendar.addWorkingDays('2026-12-18', n))).toBe(n);
        }
      }
      expect(englandAndWales.workingDaysBetween('2026-12-23', '2027-01-05')).toBe(6);
      expect(scotland.workingDaysBetween('2026-12-23', '2027-01-05')).toBe(5);
    });

    it('is negative when the second day comes first', () => {
      expect(englandAndWales.workingDaysBetween('2026-12-08', '2026-12-01')).toBe(-5);
    });
  });

  describe('the previous working day', () => {
    it('skips weekends and holidays back to the last working day', () => {
      expect(englandAndWales.previousWorkingDay('2026-12-08')).toBe('2026-12-07');
      expect(englandAndWales.previousWorkingDay('2026-12-07')).toBe('2026-12-04');
      expect(englandAndWales.previousWorkingDay('2027-01-04')).toBe('2026-12-31');
      // After Easter: Monday is a working day in Scotland.
      expect(englandAndWales.previousWorkingDay('2026-04-07')).toBe('2026-04-02');
      expect(scotland.previousWorkingDay('2026-04-07')).toBe('2026-04-06');
    });
  });
});

describe('the working-day calendars of the market', () => {
  it("use Scotland's bank holidays for SC and England and Wales' for every other LDZ", () => {
    expect(holidayCalendarFor('SC')).toBe('SCOTLAND');
    for (const ldz of LDZ_CODES.filter((code) => code !== 'SC')) {
      expect(holidayCalendarFor(ldz)).toBe('ENGLAND_AND_WALES');
    }
    const calendars = new WorkingDayCalendars();
    expect(calendars.calendarFor('SC').isWorkingDay('2026-11-30')).toBe(false);
    expect(calendars.calendarFor('WS').isWorkingDay('2026-11-30')).toBe(true);
  });

  it('may use one calendar for England and Wales: date-holidays gives Wales the same public holidays', () => {
    const publicHolidays = (state: string, year: number) =>
      new Holidays('GB', state)
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date);
    for (let year = 2000; year <= 2060; year += 1) {
      expect(publicHolidays('WLS', year)).toEqual(publicHolidays('ENG', year));
    }
  });

  it('close the closure days of every calendar, and those of one calendar in it alone', () => {
    const calendars = new WorkingDayCalendars([{ day: '2026-12-30' }, { day: '2026-12-31', calendar: 'SCOTLAND' }]);
    expect(calendars.calendarFor('SC').isWorkingDay('2026-12-30')).toBe(false);
    expect(calendars.calendarFor('NW').isWorkingDay('2026-12-30')).toBe(false);
    expect(calendars.calendarFor('SC').isWorkingDay('2026-12-31')).toBe(false);
    expect(calendars.calendarFor('NW').isWorkingDay('2026-12-31')).toBe(true);
  });

  it('refuse a closure day that is no date or names no calendar of theirs', () => {
    expect(() => new WorkingDayCalendars([{ day: '2026-12-32' }])).toThrow(RangeError);
    expect(() => new WorkingDayCalendars([{ day: '2026-12-30', calendar: 'WALES' as never }])).toThrow(RangeError);
  });
});
