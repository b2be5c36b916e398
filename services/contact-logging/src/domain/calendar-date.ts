/**
 * Calendar dates as the API carries them: `YYYY-MM-DD`, no time, no zone. Dates are compared as
 * whole days counted from 1970-01-01, so no time zone or clock enters the rules; the caller passes
 * "today" as the Europe/London calendar date.
 */
const ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const MS_PER_DAY = 86_400_000;

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

export function isCalendarDate(text: string): boolean {
  return toEpochDay(text) !== null;
}
