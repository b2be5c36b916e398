// Building an Intl.DateTimeFormat is costly (it loads locale and time-zone data): build it once.
const londonDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's calendar date in Great Britain (Europe/London), YYYY-MM-DD: the date the rules judge by. */
export function londonToday(now: Date = new Date()): string {
  return londonDate.format(now);
}
