import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { filterFieldOf, filtersOf, listQueryOf, pagesBefore, searchOf, type ContactFilters } from '../contacts/contact-filters';
import { ContactTable, PageLinks } from '../contacts/contact-table';
import { CONTACT_STATUS_NAMES } from '../contacts/contact-words';
import { CrnOrMprnField } from '../contacts/crn-or-mprn-field';
import { ExportContacts } from '../contacts/export-contacts';
import { useContactTypes } from '../reference-data';
import { paths } from '../routing/paths';
import { Link, navigate, useLocation } from '../routing/router';
import { controlId } from '../ui/fields';
import { Page } from '../ui/page';
import { SelectField } from '../ui/select-field';
import { ErrorSummary, ProblemNotice } from '../ui/problem-notice';

/** "My organisation's contacts": every contact it is involved in, filtered, a page at a time (GET /contacts). */
export function ContactsScreen() {
  const { api } = useApp();
  const { search } = useLocation();
  const query = listQueryOf(search);
  const contacts = useQuery({
    queryKey: ['contacts', query],
    queryFn: async () => {
      const page = await dataOf(api.GET('/api/v1/contacts', { params: { query } }));
      // The route also answers CSV, when asked to (Accept: text/csv); this client never asks.
      if (typeof page === 'string') throw ApiProblem.from(undefined, 200);
      return page;
    },
    placeholderData: keepPreviousData,
  });
  const page = pagesBefore(search).length + 1;
  const problem = contacts.error instanceof ApiProblem ? contacts.error : undefined;

  return (
    <Page title="My organisation's contacts">
      {problem && problem.errors.length > 0 ? (
        <ErrorSummary
          key={search.toString()}
          problem={problem}
          items={problem.errors.map((error) => {
            const filter = filterFieldOf(error.field);
            return { message: error.message, target: filter ? controlId(filter) : undefined };
          })}
        />
      ) : (
        problem && <ProblemNotice problem={problem} heading="The contacts could not be listed" />
      )}
      <Filters key={search.toString()} initial={filtersOf(search)} problem={problem} />
      <ExportContacts search={search} />
      {contacts.data && (
        <>
          <ContactTable
            caption={contacts.data.items.length === 0 ? 'No contacts match' : `Contacts, page ${page}`}
            contacts={contacts.data.items}
            updating={contacts.isFetching}
          />
          <PageLinks path={paths.contacts} search={search} nextCursor={contacts.data.nextCursor} label="Pages of contacts" />
        </>
      )}
      {contacts.isPending && <p role="status">Loading contacts…</p>}
    </Page>
  );
}

const STATUSES = Object.entries(CONTACT_STATUS_NAMES).map(([value, label]) => ({ value, label }));

function Filters({ initial, problem }: { initial: ContactFilters; problem?: ApiProblem }) {
  const [filters, setFilters] = useState(initial);
  const types = useContactTypes().data ?? [];
  const set = <K extends keyof ContactFilters>(key: K, value: ContactFilters[K]) =>
    setFilters({ ...filters, [key]: value });
  const errorsOf = (filter: keyof ContactFilters) =>
    (problem?.errors ?? []).filter((error) => filterFieldOf(error.field) === filter).map((error) => error.message);
  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.contacts + searchOf(filters));
  };
  const flag = (key: 'waitingOnMe' | 'overdue' | 'assignedToMe' | 'unassigned', label: string) => (
    <label className="choice">
      <input
        type="checkbox"
        id={controlId(key)}
        checked={filters[key]}
        onChange={(event) => set(key, event.target.checked)}
      />
      {label}
    </label>
  );
  return (
    <form className="panel" onSubmit={apply} role="search" aria-label="Filter contacts" noValidate>
      <div className="inline-form">
        <CrnOrMprnField value={filters.q} onChange={(q) => set('q', q)} errors={errorsOf('q')} />
        <SelectField
          field="type"
          label="Type"
          errors={errorsOf('type')}
          value={filters.type}
          onChange={(type) => set('type', type)}
          blank="Any type"
          options={types.map((type) => ({ value: type.type, label: `${type.name} (${type.type})` }))}
        />
        <SelectField
          field="status"
          label="Status"
          errors={errorsOf('status')}
          value={filters.status}
          onChange={(status) => set('status', status)}
          blank="Any status"
          options={STATUSES}
        />
        <SelectField
          field="sort"
          label="Order"
          errors={errorsOf('sort')}
          value={filters.sort}
          onChange={(sort) => set('sort', sort)}
          blank="Newest logged first"
          options={[{ value: 'dueOn', label: 'Soonest due first' }]}
        />
      </div>
      <fieldset className="field">
        <legend className="visually-hidden">Only contacts that are</legend>
        <div className="choices">
          {flag('waitingOnMe', 'Waiting on us')}
          {flag('overdue', 'Overdue')}
          {flag('assignedToMe', 'Assigned to me')}
          {flag('unassigned', 'Not assigned')}
        </div>
      </fieldset>
      <div className="button-group">
        <button className="button" type="submit">
          Apply filters
        </button>
        <Link to={paths.contacts}>Clear filters</Link>
      </div>
    </form>
  );
}
