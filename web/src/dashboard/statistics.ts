import type { components } from '../api/schema';

export type ContactStatistics = components['schemas']['ContactStatisticsResponse'];

/** The weeks the dashboard opens on: this week and the eleven before it (a quarter), to today. */
export const DEFAULT_WEEKS = 12;
/** The longest period the API takes (contact-logging's STATISTICS_PERIOD_MAX_DAYS); a longer one is its 400. */
export const PERIOD_MAX_DAYS = 366;

const DAY_MS = 86_400_000;

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of a date's week (UK weeks start on Monday). */
export function mondayOf(date: string): string {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 is Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** The period the dashboard opens on: from the Monday DEFAULT_WEEKS - 1 weeks before this one, to today (London). */
export function defaultPeriod(today: string): { from: string; to: string } {
  return { from: addDays(mondayOf(today), -7 * (DEFAULT_WEEKS - 1)), to: today };
}

/** A period as the API checks it, each reason on its parameter: both dates, `to` not before `from`, not too long. */
export function periodProblems(
  from: string | undefined,
  to: string | undefined,
): { field: 'from' | 'to'; message: string }[] {
  const problems: { field: 'from' | 'to'; message: string }[] = [];
  const valid = (date: string | undefined) =>
    date !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(date) && addDays(date, 0) === date;
  if (!valid(from))
    problems.push({ field: 'from', message: 'Enter the first day as a real date: day, month and year.' });
  if (!valid(to)) problems.push({ field: 'to', message: 'Enter the last day as a real date: day, month and year.' });
  if (problems.length > 0) return problems;
  const days = Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
  if (days < 1) return [{ field: 'to', message: 'The last day must be on or after the first.' }];
  if (days > PERIOD_MAX_DAYS)
    return [{ field: 'from', message: `The period may be at most ${PERIOD_MAX_DAYS} days long.` }];
  return [];
}

export interface WeekOfContacts {
  weekStarting: string;
  /** Contacts logged that week, by type, every type of the answer present. */
  byType: Record<string, number>;
  total: number;
}

/** The weekly rows (one per week and type) as one row per week, oldest first. */
export function weeksOf(statistics: Pick<ContactStatistics, 'loggedPerWeek'>): {
  types: string[];
  weeks: WeekOfContacts[];
} {
  const types = [...new Set(statistics.loggedPerWeek.map((row) => row.type))];
  const weeks: WeekOfContacts[] = [];
  for (const row of statistics.loggedPerWeek) {
    let week = weeks.find((candidate) => candidate.weekStarting === row.weekStarting);
    if (!week) {
      week = { weekStarting: row.weekStarting, byType: Object.fromEntries(types.map((type) => [type, 0])), total: 0 };
      weeks.push(week);
    }
    week.byType[row.type] += row.contacts;
    week.total += row.contacts;
  }
  return { types, weeks: weeks.sort((a, b) => a.weekStarting.localeCompare(b.weekStarting)) };
}

export const OUTCOME_NAMES: Readonly<Record<string, string>> = {
  VALID: 'Resolved valid',
  INVALID: 'Resolved invalid',
  WITHDRAWN: 'Withdrawn',
};

export interface BarDatum {
  label: string;
  value: number;
  /** Said after the value, in the chart and its table (`of them 2 closed automatically`). */
  note?: string;
}

/** The contacts closed in the period by outcome, both types together, every outcome shown (0 too). */
export function outcomeBars(statistics: Pick<ContactStatistics, 'outcomes'>): BarDatum[] {
  return Object.entries(OUTCOME_NAMES).map(([outcome, label]) => {
    const rows = statistics.outcomes.filter((row) => row.outcome === outcome);
    const automatic = rows.reduce((sum, row) => sum + row.closedAutomatically, 0);
    return {
      label,
      value: rows.reduce((sum, row) => sum + row.contacts, 0),
      note: automatic > 0 ? `${automatic} closed automatically` : undefined,
    };
  });
}

/** How the days to resolve are banded on the chart (the API gives each day; the table and chart read bands). */
export const RESOLUTION_BANDS: readonly { from: number; to?: number }[] = [
  { from: 0, to: 1 },
  { from: 2, to: 5 },
  { from: 6, to: 10 },
  { from: 11, to: 20 },
  { from: 21 },
];

function bandLabel(band: { from: number; to?: number }): string {
  if (band.to === undefined) return `${band.from} days or more`;
  return band.from === band.to ? `${band.from} days` : `${band.from} to ${band.to} days`;
}

export function resolutionBars(statistics: Pick<ContactStatistics, 'timeToResolve'>): BarDatum[] {
  return RESOLUTION_BANDS.map((band) => ({
    label: bandLabel(band),
    value: statistics.timeToResolve.byDays
      .filter((row) => row.days >= band.from && (band.to === undefined || row.days <= band.to))
      .reduce((sum, row) => sum + row.contacts, 0),
  }));
}

const OVERDUE_ITEM_NAMES: Readonly<Record<string, string>> = {
  DC: 'data clarification',
  OC: 'originator clarification',
  SV: 'site visit',
  RESOLUTION: 'resolution',
};

/** What is overdue today, one bar per party and item, named (`Brightwater Energy: data clarification`). */
export function overdueBars(
  statistics: Pick<ContactStatistics, 'overdueByParty'>,
  organisationName: (id: string) => string,
): BarDatum[] {
  return statistics.overdueByParty.map((row) => ({
    label: `${organisationName(row.organisationId)}: ${OVERDUE_ITEM_NAMES[row.item] ?? row.item}`,
    value: row.contacts,
  }));
}

/** An axis from 0 to a round number at or above `max`, with its gridline values (at most 5 steps of 1, 2 or 5 × 10ⁿ). */
export function axisOf(max: number): { top: number; ticks: number[] } {
  if (max <= 0) return { top: 1, ticks: [0, 1] };
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  const wholeStep = Math.max(1, step);
  const top = Math.ceil(max / wholeStep) * wholeStep;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top; tick += wholeStep) ticks.push(tick);
  return { top, ticks };
}

/** Days as people say them: `6`, `6.8`, or `–` when there is nothing to say. */
export function formatDays(days: number | null | undefined): string {
  if (days === null || days === undefined) return '–';
  return Number.isInteger(days) ? String(days) : days.toFixed(1);
}

/** Who sees the dashboard: the CDSP's users (the API refuses anyone else; this only shows the way in). */
export function seesDashboard(me: { organisation: { type: string } }): boolean {
  return me.organisation.type === 'CDSP';
}
