import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { filterFieldOf } from '../contacts/contact-filters';
import { ContactTable, PageLinks } from '../contacts/contact-table';
import { CrnOrMprnField } from '../contacts/crn-or-mprn-field';
import { QUEUES, queueOf, queueQueryOf, queueSearch, type QueueName } from '../contacts/work-queue';
import { paths } from '../routing/paths';
import { Link, navigate, useLocation } from '../routing/router';
import { controlId } from '../ui/fields';
import { Page } from '../ui/page';
import { ErrorSummary, ProblemNotice } from '../ui/problem-notice';

/**
 * The CDSP agent's work queue: the contacts nobody investigates yet, mine still open, and those
 * overdue, each soonest due first, and a contact found in them by its CRN or MPRN (work-queue.ts).
 * Taking one is on its screen.
 */
export function WorkQueueScreen() {
  const { api } = useApp();
  const { search } = useLocation();
  const queue = queueOf(search);
  const query = queueQueryOf(search);
  const contacts = useQuery({
    queryKey: ['contacts', 'queue', query],
    queryFn: async () => {
      const page = await dataOf(api.GET('/api/v1/contacts', { params: { query } }));
      if (typeof page === 'string') throw ApiProblem.from(undefined, 200);
      return page;
    },
    placeholderData: keepPreviousData,
  });
  const problem = contacts.error instanceof ApiProblem ? contacts.error : undefined;
  const q = search.get('q') ?? '';
  const searchErrors = (problem?.errors ?? []).filter((error) => filterFieldOf(error.field) === 'q').map((error) => error.message);
  return (
    <Page title="Work queue" lede="Contacts to investigate, soonest due first.">
      <nav className="nav nav--tabs" aria-label="Queues">
        <ul>
          {QUEUES.map((candidate) => (
            <li key={candidate.name}>
              <Link
                to={paths.workQueue + queueSearch(candidate.name, q)}
                aria-current={candidate.name === queue.name ? 'page' : undefined}
              >
                {candidate.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>{queue.description}</p>
      {problem && problem.errors.length > 0 ? (
        <ErrorSummary
          key={search.toString()}
          problem={problem}
          items={problem.errors.map((error) => ({
            message: error.message,
            target: filterFieldOf(error.field) === 'q' ? controlId('q') : undefined,
          }))}
        />
      ) : (
        problem && <ProblemNotice problem={problem} heading="The queue could not be read" />
      )}
      <QueueSearch key={search.toString()} queue={queue.name} initial={q} errors={searchErrors} />
      {contacts.isPending && <p role="status">Loading the queue…</p>}
      {contacts.data && (
        <>
          <ContactTable
            caption={contacts.data.items.length === 0 ? `${queue.label}: none` : queue.label}
            contacts={contacts.data.items}
            updating={contacts.isFetching}
          />
          <PageLinks
            path={paths.workQueue}
            search={search}
            nextCursor={contacts.data.nextCursor}
            label={`Pages of ${queue.label.toLowerCase()}`}
          />
        </>
      )}
    </Page>
  );
}

/** A CRN or an MPRN to find in the queue; blank shows the whole queue. */
function QueueSearch({ queue, initial, errors }: { queue: QueueName; initial: string; errors: string[] }) {
  const [q, setQ] = useState(initial);
  const find = (event: FormEvent) => {
    event.preventDefault();
    navigate(paths.workQueue + queueSearch(queue, q));
  };
  return (
    <form className="panel" onSubmit={find} role="search" aria-label="Find in the queue" noValidate>
      <div className="inline-form">
        <CrnOrMprnField value={q} onChange={setQ} errors={errors} />
        <button className="button" type="submit">
          Find
        </button>
        {initial && <Link to={paths.workQueue + queueSearch(queue)}>Show the whole queue</Link>}
      </div>
    </form>
  );
}
