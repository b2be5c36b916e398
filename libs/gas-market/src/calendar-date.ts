/**
 * Calendar dates as the API and the rules carry them: `YYYY-MM-DD`, no time, no zone, the day in
 * Great Britain (Europe/London). Dates are compared as whole days counted from 1970-01-01, so no
 * time zone or clock enters the rules; the caller turns an instant into its day once
 * (`londonToday`), with the time its clock gives.
 */
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const MS_PER_DAY = 86_400_000;
const MS_PER_HOUR = 3_600_000;

/** Whole days since 1970-01-01 for a real calendar date, or null (e.g. `2023-02-29`, `2024-13-01`). */
export function toEpochDay(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 April over to 1 May (and maps years below 100 to 19xx): a real date round-trips.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date.getTime() / MS_PER_DAY;
}

/** The `YYYY-MM-DD` date `epochDay` whole days after 1970-01-01 (the reverse of toEpochDay). */
export function fromEpochDay(epochDay: number): string {
  return new Date(epochDay * MS_PER_DAY).toISOString().slice(0, 10);
}

export function isCalendarDate(text: string): boolean {
  return toEpochDay(text) !== null;
}

// Building an Intl.DateTimeFormat is costly (it loads locale and time-zone data): build it once.
const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar date in Great Britain (Europe/London) at the instant `now`, `YYYY-MM-DD`: the date
 * the rules judge by. Pass the injected clock's time (the default, the system's, is for code that
 * has no clock yet).
 */
export function londonToday(now: Date = new Date()): string {
  return londonDate.format(now);
}

/**
 * The instant a Great Britain calendar day begins: midnight in Europe/London, 23:00 UTC the day
 * before under British Summer Time. The clocks change at 01:00 UTC, never at midnight, so a day
 * begins at 00:00 UTC exactly when 23:00 UTC the evening before is still the day before in London.
 */
export function londonStartOfDay(day: string): Date {
  const epochDay = toEpochDay(day);
  if (epochDay === null) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(day)}.`);
  const utcMidnight = epochDay * MS_PER_DAY;
  const anHourBefore = new Date(utcMidnight - MS_PER_HOUR);
  return londonToday(anHourBefore) === day ? anHourBefore : new Date(utcMidnight);
}
