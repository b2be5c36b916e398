import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { londonToday } from '@cms/gas-market';
import { Clock, ProblemException } from '@cms/service-defaults';
import { CONTACT_TYPES, periodProblems, readsContactStatistics } from '../domain';
import { CONTACT_STATISTICS_STORE, type ContactStatisticsStore } from './contact-statistics.port';

export interface ContactStatisticsView {
  from: string;
  to: string;
  today: string;
  loggedPerWeek: { weekStarting: string; type: string; contacts: number }[];
  outcomes: { type: string; outcome: string; contacts: number; closedAutomatically: number }[];
  timeToResolve: {
    resolved: number;
    medianDays: number | null;
    p90Days: number | null;
    byDays: { days: number; contacts: number }[];
  };
  overdueByParty: { organisationId: string; item: 'DC' | 'OC' | 'SV' | 'RESOLUTION'; contacts: number }[];
}

/**
 * `GET /contacts/statistics`: the CDSP's dashboard over a period (issue 14): contacts logged per
 * week by type, the outcomes and the time to resolve of those closed in it, and what is overdue
 * today by the party it waits on. Anyone but the CDSP: 403.
 */
@Injectable()
export class ContactStatisticsQueries {
  constructor(
    @Inject(CONTACT_STATISTICS_STORE) private readonly statistics: ContactStatisticsStore,
    @Inject(Clock) private readonly time: Clock,
  ) {}

  async read(caller: Caller, from: string, to: string): Promise<ContactStatisticsView> {
    if (!readsContactStatistics(caller.organisationType))
      throw ProblemException.forbidden('The contact statistics are the CDSP’s: they cover every organisation’s contacts.');
    const problems = periodProblems(from, to);
    if (problems.length > 0) throw ProblemException.validation(problems.map((problem) => ({ code: 'INVALID_FIELD', ...problem })));
    const today = londonToday(this.time.now());
    const rows = await this.statistics.read(caller, { from, to, today, contactTypes: CONTACT_TYPES });
    return {
      from,
      to,
      today,
      loggedPerWeek: rows.loggedPerWeek.map((row) => ({ weekStarting: row.week_starting, type: row.contact_type, contacts: row.contacts })),
      outcomes: rows.outcomes.map((row) => ({
        type: row.contact_type,
        outcome: row.outcome,
        contacts: row.contacts,
        closedAutomatically: row.closed_automatically,
      })),
      timeToResolve: {
        resolved: rows.resolution.resolved,
        medianDays: rows.resolution.median_days,
        p90Days: rows.resolution.p90_days,
        byDays: rows.resolutionDays.map((row) => ({ days: row.days, contacts: row.contacts })),
      },
      overdueByParty: rows.overdue.map((row) => ({ organisationId: row.organisation_id, item: row.item, contacts: row.contacts })),
    };
  }
}
