/**
 * Dates and times as people in GB read them (docs/domain.md: CMS keeps UK time): day, short month,
 * year, and a 24-hour time in the Europe/London zone, whatever the browser's own zone.
 */
const LONDON = 'Europe/London';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

// A calendar date (YYYY-MM-DD) names a day, not an instant: read and written in UTC so that no zone moves it.
const calendarDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

const londonDayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** An instant (ISO 8601) in London time: `1 Jul 2026, 13:00`. */
export function formatDateTime(instant: string): string {
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? instant : dateTimeFormat.format(date);
}

/** A calendar date (`2026-11-20`): `20 Nov 2026`. */
export function formatDate(calendarDate: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(calendarDate) ? new Date(`${calendarDate}T00:00:00Z`) : new Date(NaN);
  return Number.isNaN(date.getTime()) ? calendarDate : calendarDateFormat.format(date);
}

/** Today's date in London, `YYYY-MM-DD` (the latest a read or work date may be). */
export function londonToday(now: Date = new Date()): string {
  return londonDayFormat.format(now);
}
