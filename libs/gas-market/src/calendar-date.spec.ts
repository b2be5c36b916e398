import { fromEpochDay, isCalendarDate, londonStartOfDay, londonToday, toEpochDay } from './calendar-date';

describe('calendar dates', () => {
  it('counts whole days from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2026-11-23')! - toEpochDay('2025-11-23')!).toBe(365);
  });

  it('turn back into the date they count', () => {
    expect(fromEpochDay(0)).toBe('1970-01-01');
    expect(fromEpochDay(toEpochDay('2024-02-29')!)).toBe('2024-02-29');
    expect(fromEpochDay(toEpochDay('2026-12-31')! + 1)).toBe('2027-01-01');
  });

  it('accepts 29 February in a leap year only', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
  });

  it.each(['2026-04-31', '2026-13-01', '2026-00-10', '2026-1-1', '26-11-23', '2026-11-23T00:00:00Z', '0099-01-01'])(
    'refuses %p',
    (text) => {
      expect(toEpochDay(text)).toBeNull();
    },
  );
});

describe('the day in Great Britain', () => {
  it('is the UTC date in winter (GMT)', () => {
    expect(londonToday(new Date('2026-12-01T23:59:59Z'))).toBe('2026-12-01');
    expect(londonToday(new Date('2026-12-02T00:00:00Z'))).toBe('2026-12-02');
  });

  it('starts an hour before the UTC date in summer (BST)', () => {
    expect(londonToday(new Date('2026-07-01T22:59:59Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-07-01T23:00:00Z'))).toBe('2026-07-02');
  });

  it('begins at midnight in London, on the days the clocks change too', () => {
    expect(londonStartOfDay('2026-12-02')).toEqual(new Date('2026-12-02T00:00:00Z'));
    expect(londonStartOfDay('2026-07-02')).toEqual(new Date('2026-07-01T23:00:00Z'));
    // Clocks go forward at 01:00 UTC on Sunday 29 March 2026 and back at 01:00 UTC on Sunday 25 October.
    expect(londonStartOfDay('2026-03-29')).toEqual(new Date('2026-03-29T00:00:00Z'));
    expect(londonStartOfDay('2026-03-30')).toEqual(new Date('2026-03-29T23:00:00Z'));
    expect(londonStartOfDay('2026-10-25')).toEqual(new Date('2026-10-24T23:00:00Z'));
    expect(londonStartOfDay('2026-10-26')).toEqual(new Date('2026-10-26T00:00:00Z'));
  });

  it('has a start for real dates only', () => {
    expect(() => londonStartOfDay('2026-02-29')).toThrow(RangeError);
  });
});
