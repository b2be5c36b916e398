import { isCalendarDate, toEpochDay } from './calendar-date';

describe('calendar dates', () => {
  it('counts whole days from 1970-01-01', () => {
    expect(toEpochDay('1970-01-01')).toBe(0);
    expect(toEpochDay('2026-11-23')! - toEpochDay('2025-11-23')!).toBe(365);
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
