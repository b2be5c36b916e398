import { formatDate, formatDateTime, londonToday } from './dates';

describe('UK dates and times', () => {
  it('shows an instant in London time, summer and winter', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z')).toBe('1 Jul 2026, 13:00');
    expect(formatDateTime('2026-12-01T12:05:00.000Z')).toBe('1 Dec 2026, 12:05');
    expect(formatDateTime('2026-03-29T00:59:59Z')).toBe('29 Mar 2026, 00:59');
    expect(formatDateTime('2026-03-29T01:00:00Z')).toBe('29 Mar 2026, 02:00');
  });

  it('shows a calendar date as the same day in every zone', () => {
    expect(formatDate('2026-11-20')).toBe('20 Nov 2026');
    expect(formatDate('2026-01-01')).toBe('1 Jan 2026');
  });

  it('leaves what is not a date as it is', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDateTime('never')).toBe('never');
  });

  it('knows which day it is in London around midnight', () => {
    expect(londonToday(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });
});
