import type { Caller } from '@cms/auth';

/** Contacts of a type logged in one week (from its Monday, Europe/London) of the period. */
export interface LoggedInWeekRow {
  /** `YYYY-MM-DD`, a Monday; the first and last weeks may be cut by the period. */
  week_starting: string;
  contact_type: string;
  contacts: number;
}

/** Contacts of a type closed in the period with one outcome: VALID, INVALID, or WITHDRAWN. */
export interface OutcomeRow {
  contact_type: string;
  outcome: string;
  contacts: number;
  /** Of them, closed by the timer (no answer to a data clarification). */
  closed_automatically: number;
}

/** Contacts resolved in the period that took this many days (Europe/London calendar days from logging to resolution). */
export interface ResolutionDaysRow {
  days: number;
  contacts: number;
}

/** Open contacts overdue on one party's item today: an open DC, OC or SV it owes, or (the CDSP's) the resolution itself. */
export interface OverdueRow {
  organisation_id: string;
  item: 'DC' | 'OC' | 'SV' | 'RESOLUTION';
  contacts: number;
}

export interface ContactStatisticsRows {
  loggedPerWeek: LoggedInWeekRow[];
  outcomes: OutcomeRow[];
  resolutionDays: ResolutionDaysRow[];
  /** Median and 90th percentile of the days, null when nothing was resolved. */
  resolution: { resolved: number; median_days: number | null; p90_days: number | null };
  overdue: OverdueRow[];
}

export interface ContactStatisticsPeriod {
  /** `YYYY-MM-DD`, both days included, Europe/London. */
  from: string;
  to: string;
  /** The Europe/London date the overdue figures are judged on: due before it is overdue. */
  today: string;
  /** The contact types, every week has a figure for each. */
  contactTypes: readonly string[];
}

/** Port: the figures of the CDSP's dashboard, computed in the database over contact-logging's own tables, in one snapshot. */
export interface ContactStatisticsStore {
  read(caller: Caller, period: ContactStatisticsPeriod): Promise<ContactStatisticsRows>;
}

export const CONTACT_STATISTICS_STORE = Symbol('CONTACT_STATISTICS_STORE');
