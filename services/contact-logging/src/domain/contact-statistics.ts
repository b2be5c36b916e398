import type { OrganisationType } from '@cms/gas-market';

/**
 * The CDSP's dashboard figures over a period (issue 14: contacts logged per week by type,
 * outcomes, time to resolve, overdue by party). Only the CDSP reads them: it sees every contact,
 * and the figures are of the whole market (docs/domain.md "Transparency").
 */
export function readsContactStatistics(organisationType: OrganisationType): boolean {
  return organisationType === 'CDSP';
}

/**
 * The longest period one request may cover: a year and a day (a leap year's whole year with its
 * first Monday's week), so that one read stays a bounded scan of the contacts of that period.
 */
export const STATISTICS_PERIOD_MAX_DAYS = 366;

/** A reason a period is refused, on the parameter at fault. */
export interface PeriodProblem {
  field: 'from' | 'to';
  message: string;
}

/**
 * What is wrong with a period of calendar dates (`YYYY-MM-DD`, both days included, Europe/London),
 * each reason on its parameter: `to` before `from`, or longer than STATISTICS_PERIOD_MAX_DAYS.
 * The dates themselves are well formed (the request's validation has seen to that).
 */
export function periodProblems(from: string, to: string): PeriodProblem[] {
  const days = daysBetween(from, to) + 1;
  if (days < 1) return [{ field: 'to', message: 'to must be on or after from.' }];
  if (days > STATISTICS_PERIOD_MAX_DAYS)
    return [{ field: 'from', message: `The period may be at most ${STATISTICS_PERIOD_MAX_DAYS} days long; this one is ${days}.` }];
  return [];
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
