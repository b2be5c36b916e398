import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem, type ProblemError } from '../api/problem';
import { useApp } from '../app-context';
import { addressText } from '../contacts/contact-details';
import { PageLinks } from '../contacts/contact-table';
import { dateParts, joinDateParts } from '../contacts/log-contact-form';
import { OverdueTag } from '../contacts/status-tag';
import { formatDate, formatDateTime } from '../format/dates';
import { useNames } from '../reference-data';
import { paths } from '../routing/paths';
import { Link, navigate, useLocation } from '../routing/router';
import {
  referralFilterErrors,
  referralFilterOf,
  referralFiltersOf,
  referralQueryOf,
  referralSearchOf,
  SITE_VISIT_STATUS_NAMES,
  type ReferralFilter,
  type ReferralFilters,
} from '../site-visits/referral-filters';
import { controlId, DateField } from '../ui/fields';
import { Page } from '../ui/page';
import { SelectField } from '../ui/select-field';
import { ErrorSummary, ProblemNotice } from '../ui/problem-notice';

/**
 * The transporter's referrals (GET /site-visits): the site visits referred to its organisation,
 * soonest due first, by status and the day the finding is due; each opens its contact, where it is
 * accepted or declined and its finding recorded.
 */
export function ReferralsScreen() {
  const { api } = useApp();
  const { search } = useLocation();
  const { meterPointStatus } = useNames();
  const query = referralQueryOf(search);
  const visits = useQuery({
    queryKey: ['site-visits', query],
    queryFn: () => dataOf(api.GET('/api/v1/site-visits', { params: { query } })),
    placeholderData: keepPreviousData,
  });
  const problem = visits.error instanceof ApiProblem ? visits.error : undefined;
  // What the form found before asking (a due day missing a part), else what the API refused: one summary.
  const [missing, setMissing] = useState<{ errors: ProblemError[]; attempt: number }>({ errors: [], attempt: 0 });
  const refused = missing.errors.length > 0 ? missing.errors : (problem?.errors ?? []);
  return (
    <Page title="Referrals" lede="Site visits referred to your organisation, soonest due first.">
      {refused.length > 0 ? (
        <ErrorSummary
          key={`${search.toString()}-${missing.attempt}`}
          problem={missing.errors.length > 0 ? undefined : problem}
          items={refused.map((error) => {
            const filter = referralFilterOf(error.field);
            return { message: error.message, target: filter ? controlId(filter) : undefined };
          })}
        />
      ) : (
        problem && <ProblemNotice problem={problem} heading="The referrals could not be listed" />
      )}
      <ReferralFilterForm
        key={search.toString()}
        initial={referralFiltersOf(search)}
        refused={refused}
        onMissing={(errors) => setMissing((last) => ({ errors, attempt: last.attempt + 1 }))}
      />
      {visits.isPending && <p role="status">Loading the referrals…</p>}
      {visits.data && (
        <>
          <div className="table-wrapper">
            <table>
              <caption>
                {visits.data.items.length === 0 ? 'No referrals match' : 'Referrals'}
                {visits.isFetching && <span className="visually-hidden"> (updating)</span>}
              </caption>
              <thead>
                <tr>
                  <th scope="col">Contact</th>
                  <th scope="col">MPRN</th>
                  <th scope="col">To confirm</th>
                  <th scope="col">Status</th>
                  <th scope="col">Referred</th>
                  <th scope="col">Finding due</th>
                  <th scope="col">Supply address</th>
                </tr>
              </thead>
              <tbody>
                {visits.data.items.map((visit) => (
                  <tr key={visit.id}>
                    <td>
                      <Link to={paths.contact(visit.crn)}>{visit.crn}</Link> ({visit.contactType})
                    </td>
                    <td>{visit.mprn}</td>
                    <td>{meterPointStatus(visit.confirmStatus)}</td>
                    <td>{SITE_VISIT_STATUS_NAMES[visit.status] ?? visit.status}</td>
                    <td>{formatDateTime(visit.referredAt)}</td>
                    <td>
                      {formatDate(visit.dueOn)} {visit.overdue && <OverdueTag />}
                    </td>
                    <td>{visit.details.supplyAddress ? addressText(visit.details.supplyAddress) : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <PageLinks path={paths.referrals} search={search} nextCursor={visits.data.nextCursor} label="Pages of referrals" />
        </>
      )}
    </Page>
  );
}

const STATUSES = Object.entries(SITE_VISIT_STATUS_NAMES).map(([value, label]) => ({ value, label }));

function ReferralFilterForm({
  initial,
  refused,
  onMissing,
}: {
  initial: ReferralFilters;
  refused: readonly ProblemError[];
  onMissing: (errors: ProblemError[]) => void;
}) {
  const [filters, setFilters] = useState(initial);
  const set = (key: ReferralFilter, value: string) => setFilters({ ...filters, [key]: value });
  const errorsOf = (filter: ReferralFilter) =>
    refused.filter((error) => referralFilterOf(error.field) === filter).map((error) => error.message);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const found = referralFilterErrors(filters);
    onMissing(found);
    if (found.length === 0) navigate(paths.referrals + referralSearchOf(filters));
  };
  const dueDay = (key: 'dueFrom' | 'dueTo', legend: string) => (
    <DateField
      field={key}
      legend={legend}
      errors={errorsOf(key)}
      value={dateParts(filters[key])}
      onChange={(parts) => set(key, joinDateParts(parts))}
    />
  );
  return (
    <form className="panel" onSubmit={apply} role="search" aria-label="Filter referrals" noValidate>
      <div className="inline-form">
        <SelectField
          field="status"
          label="Status"
          errors={errorsOf('status')}
          value={filters.status}
          onChange={(status) => set('status', status)}
          blank="Any status"
          options={STATUSES}
        />
        {dueDay('dueFrom', 'Finding due from')}
        {dueDay('dueTo', 'Finding due by')}
      </div>
      <div className="button-group">
        <button className="button" type="submit">
          Apply filters
        </button>
        <Link to={paths.referrals}>Clear filters</Link>
      </div>
    </form>
  );
}
