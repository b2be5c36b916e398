import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { dateParts, isoDateOf, joinDateParts } from '../contacts/log-contact-form';
import {
  defaultPeriod,
  formatDays,
  outcomeBars,
  overdueBars,
  periodProblems,
  resolutionBars,
  weeksOf,
  type ContactStatistics,
} from '../dashboard/statistics';
import { formatDate, londonToday } from '../format/dates';
import { useNames } from '../reference-data';
import { paths } from '../routing/paths';
import { Link, navigate, useLocation } from '../routing/router';
import { BarChart, ColumnChart } from '../ui/charts';
import { controlId, DateField } from '../ui/fields';
import { Page } from '../ui/page';
import { ErrorSummary, ProblemNotice } from '../ui/problem-notice';

/**
 * The CDSP's dashboard (GET /contacts/statistics): contacts logged per week by type, the outcomes
 * and the time to resolve of those closed in the period, and what is overdue today by party. The
 * period lives in the address (`?from=&to=`), so that a bookmark or a link shows the same figures.
 */
export function DashboardScreen() {
  const { api } = useApp();
  const { search } = useLocation();
  const period = {
    ...defaultPeriod(londonToday()),
    ...Object.fromEntries([...search].filter(([key]) => key === 'from' || key === 'to')),
  };
  const statistics = useQuery({
    queryKey: ['contact-statistics', period.from, period.to],
    queryFn: () =>
      dataOf(api.GET('/api/v1/contacts/statistics', { params: { query: { from: period.from, to: period.to } } })),
    placeholderData: keepPreviousData,
  });
  const problem =
    statistics.error instanceof ApiProblem ? statistics.error : statistics.error ? ApiProblem.unreachable() : undefined;

  return (
    <Page title="Contacts dashboard" lede="Every organisation's DTL and ISO contacts, as the CDSP sees them.">
      {problem && problem.errors.length > 0 && (
        <ErrorSummary
          key={search.toString()}
          problem={problem}
          items={problem.errors.map((error) => ({
            message: error.message,
            target: error.field === 'from' || error.field === 'to' ? controlId(error.field) : undefined,
          }))}
        />
      )}
      {problem && problem.errors.length === 0 && (
        <ProblemNotice problem={problem} heading="The figures could not be read" />
      )}
      <PeriodForm key={`${period.from}/${period.to}`} from={period.from} to={period.to} apiProblem={problem} />
      <p className="page-links">
        <Link to={paths.contacts}>The contacts themselves, filtered and exported as CSV</Link>
      </p>
      {statistics.isPending && <p role="status">Loading the figures…</p>}
      {statistics.data && <Figures statistics={statistics.data} />}
    </Page>
  );
}

function PeriodForm({ from, to, apiProblem }: { from: string; to: string; apiProblem?: ApiProblem }) {
  const [values, setValues] = useState({ from, to });
  const [problems, setProblems] = useState<{ field: string; message: string }[]>([]);
  const [attempt, setAttempt] = useState(0);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const chosen = { from: isoDateOf(values.from), to: isoDateOf(values.to) };
    const found = periodProblems(chosen.from, chosen.to);
    setProblems(found);
    setAttempt((count) => count + 1);
    if (found.length === 0) navigate(`${paths.dashboard}?${new URLSearchParams(chosen).toString()}`);
  };
  const errorsOf = (field: 'from' | 'to') => [
    ...problems.filter((problem) => problem.field === field).map((problem) => problem.message),
    ...(apiProblem?.errors ?? []).filter((error) => error.field === field).map((error) => error.message),
  ];
  return (
    <>
      {problems.length > 0 && (
        <ErrorSummary
          key={attempt}
          items={problems.map((problem) => ({ message: problem.message, target: controlId(problem.field) }))}
        />
      )}
      <form className="panel" onSubmit={apply} noValidate aria-label="Period">
        <div className="inline-form">
          {(['from', 'to'] as const).map((field) => (
            <DateField
              key={field}
              field={field}
              legend={field === 'from' ? 'From' : 'To'}
              hint={field === 'from' ? 'The first day of the period.' : 'The last day, included.'}
              errors={errorsOf(field)}
              value={dateParts(values[field])}
              onChange={(parts) => setValues({ ...values, [field]: joinDateParts(parts) })}
            />
          ))}
        </div>
        <button className="button" type="submit">
          Show the figures
        </button>
      </form>
    </>
  );
}

function Figures({ statistics }: { statistics: ContactStatistics }) {
  const { organisation } = useNames();
  const { types, weeks } = weeksOf(statistics);
  const logged = weeks.reduce((sum, week) => sum + week.total, 0);
  const outcomes = outcomeBars(statistics);
  const overdue = overdueBars(statistics, (id) => organisation(id));
  const { timeToResolve } = statistics;
  return (
    <>
      <h2>
        {formatDate(statistics.from)} to {formatDate(statistics.to)}
      </h2>
      <dl className="summary">
        <dt>Contacts logged</dt>
        <dd>{logged}</dd>
        <dt>Contacts closed</dt>
        <dd>{outcomes.reduce((sum, bar) => sum + bar.value, 0)}</dd>
        <dt>Days to resolve (calendar days)</dt>
        <dd>
          median {formatDays(timeToResolve.medianDays)}, 90% within {formatDays(timeToResolve.p90Days)}, of{' '}
          {timeToResolve.resolved} resolved
        </dd>
      </dl>
      <ColumnChart
        title="Contacts logged per week, by type"
        summary={`${logged} contacts logged over ${weeks.length} weeks: ${types
          .map((type) => `${type} ${weeks.reduce((sum, week) => sum + week.byType[type], 0)}`)
          .join(', ')}.`}
        series={types.map((type) => ({ key: type, label: type }))}
        groups={weeks.map((week) => ({
          shortLabel: formatDate(week.weekStarting).replace(/ \d{4}$/, ''),
          label: `Week of ${formatDate(week.weekStarting)}`,
          values: week.byType,
        }))}
        unit="contacts"
      />
      <BarChart
        title="Outcomes of the contacts closed"
        summary={outcomes.map((bar) => `${bar.label}: ${bar.value}`).join('; ')}
        data={outcomes}
        unit="Contacts"
      />
      <BarChart
        title="Time to resolve"
        summary={`${timeToResolve.resolved} resolved; median ${formatDays(timeToResolve.medianDays)} days.`}
        data={resolutionBars(statistics)}
        unit="Contacts resolved"
      />
      <h2>Overdue today ({formatDate(statistics.today)})</h2>
      {overdue.length === 0 ? (
        <p>Nothing is overdue.</p>
      ) : (
        <BarChart
          title="Overdue by party"
          summary={overdue.map((bar) => `${bar.label}: ${bar.value}`).join('; ')}
          data={overdue}
          unit="Open contacts"
        />
      )}
    </>
  );
}
