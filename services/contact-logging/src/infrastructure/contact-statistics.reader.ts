import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { Database, readAsCaller } from '@cms/service-defaults';
import type {
  ContactStatisticsPeriod,
  ContactStatisticsRows,
  ContactStatisticsStore,
  LoggedInWeekRow,
  OutcomeRow,
  OverdueRow,
  ResolutionDaysRow,
} from '../application/contact-statistics.port';
import { OPEN_CONTACT_STATUSES } from '../domain';

/**
 * The period's bounds as instants: from the start of `from` to the start of the day after `to`,
 * in London time ($1, $2), so that the contact_logged_at index bounds the scan.
 */
const PERIOD = `period AS (
  SELECT ($1::date)::timestamp AT TIME ZONE 'Europe/London' AS starts,
         ($2::date + 1)::timestamp AT TIME ZONE 'Europe/London' AS ends
)`;

/** The Monday of the week of $1: ISO weeks, as the UK counts them. */
const FIRST_MONDAY = `($1::date - (extract(isodow FROM $1::date)::int - 1))`;

/** Every week of the period with a figure for each contact type ($3), a week without contacts included. */
const LOGGED_PER_WEEK = `WITH ${PERIOD},
  logged AS (
    SELECT date_trunc('week', c.logged_at AT TIME ZONE 'Europe/London')::date AS week_starting, c.contact_type, count(*)::int AS contacts
      FROM contact c, period p
     WHERE c.logged_at >= p.starts AND c.logged_at < p.ends
     GROUP BY 1, 2
  ),
  weeks AS (
    SELECT generate_series(${FIRST_MONDAY}::timestamp, $2::date::timestamp, interval '1 week')::date AS week_starting
  )
SELECT to_char(w.week_starting, 'YYYY-MM-DD') AS week_starting, t.contact_type, coalesce(l.contacts, 0)::int AS contacts
  FROM weeks w
 CROSS JOIN unnest($3::text[]) AS t (contact_type)
  LEFT JOIN logged l ON l.week_starting = w.week_starting AND l.contact_type = t.contact_type
 ORDER BY w.week_starting, t.contact_type`;

/** Contacts closed in the period, by type and outcome (a withdrawal has none: WITHDRAWN stands for it). */
const OUTCOMES = `WITH ${PERIOD}
SELECT c.contact_type, CASE WHEN c.status = 'WITHDRAWN' THEN 'WITHDRAWN' ELSE c.outcome END AS outcome,
       count(*)::int AS contacts, (count(*) FILTER (WHERE c.closed_automatically))::int AS closed_automatically
  FROM contact c, period p
 WHERE c.status IN ('RESOLVED', 'WITHDRAWN') AND c.closed_at >= p.starts AND c.closed_at < p.ends
 GROUP BY 1, 2
 ORDER BY 1, 2`;

/** Contacts resolved in the period: London calendar days from the day it was logged to the day it was resolved. */
const RESOLVED = `WITH ${PERIOD},
  resolved AS (
    SELECT (c.closed_at AT TIME ZONE 'Europe/London')::date - (c.logged_at AT TIME ZONE 'Europe/London')::date AS days
      FROM contact c, period p
     WHERE c.status = 'RESOLVED' AND c.closed_at >= p.starts AND c.closed_at < p.ends
  )`;
const RESOLUTION_DAYS = `${RESOLVED} SELECT days, count(*)::int AS contacts FROM resolved GROUP BY days ORDER BY days`;
const RESOLUTION = `${RESOLVED}
SELECT count(*)::int AS resolved,
       percentile_cont(0.5) WITHIN GROUP (ORDER BY days)::float8 AS median_days,
       percentile_cont(0.9) WITHIN GROUP (ORDER BY days)::float8 AS p90_days
  FROM resolved`;

/**
 * Open contacts overdue today ($1), by the party whose turn it is: each open DC, OC and SV past its
 * due date (contact_waiting_on), and the resolution past its target while the clock runs, which
 * is the CDSP's ($2) to meet. As in the contact list's `overdue` (contact-list.query.ts).
 */
const OVERDUE = `
SELECT w.waiting_on_organisation_id::text AS organisation_id, w.item_type AS item, count(DISTINCT w.crn)::int AS contacts
  FROM contact_waiting_on w
  JOIN contact c ON c.crn = w.crn
 WHERE c.status = ANY ($3::text[]) AND w.due_on < $1::date
 GROUP BY 1, 2
UNION ALL
SELECT $2::text, 'RESOLUTION', count(*)::int
  FROM contact c
 WHERE c.status = ANY ($3::text[]) AND c.clock_paused_on IS NULL AND c.due_on < $1::date
HAVING count(*) > 0
 ORDER BY contacts DESC, organisation_id, item`;

/**
 * The dashboard's figures in SQL over contact-logging's own tables, in one REPEATABLE READ
 * snapshot as the caller (`readAsCaller`: the row-level security policies let the CDSP see every
 * contact, as its queries here assume).
 */
@Injectable()
export class ContactStatisticsReader implements ContactStatisticsStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  read(caller: Caller, period: ContactStatisticsPeriod): Promise<ContactStatisticsRows> {
    const range = [period.from, period.to];
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const loggedPerWeek: LoggedInWeekRow[] = await manager.query(LOGGED_PER_WEEK, [...range, period.contactTypes]);
      const outcomes: OutcomeRow[] = await manager.query(OUTCOMES, range);
      const resolutionDays: ResolutionDaysRow[] = await manager.query(RESOLUTION_DAYS, range);
      const [resolution]: ContactStatisticsRows['resolution'][] = await manager.query(RESOLUTION, range);
      const overdue: OverdueRow[] = await manager.query(OVERDUE, [period.today, caller.organisationId, OPEN_CONTACT_STATUSES]);
      return { loggedPerWeek, outcomes, resolutionDays, resolution, overdue };
    });
  }
}
