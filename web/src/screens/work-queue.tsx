import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { ContactTable, PageLinks } from '../contacts/contact-table';
import { QUEUES, queueOf, queueQueryOf, queueSearch } from '../contacts/work-queue';
import { paths } from '../routing/paths';
import { Link, useLocation } from '../routing/router';
import { Page } from '../ui/page';
import { ProblemNotice } from '../ui/problem-notice';

/**
 * The CDSP agent's work queue: the contacts nobody investigates yet, mine still open, and those
 * overdue, each soonest due first (work-queue.ts). Taking one is on its screen.
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
  return (
    <Page title="Work queue" lede="Contacts to investigate, soonest due first.">
      <nav className="tabs" aria-label="Queues">
        <ul>
          {QUEUES.map((candidate) => (
            <li key={candidate.name}>
              <Link
                to={paths.workQueue + queueSearch(candidate.name)}
                aria-current={candidate.name === queue.name ? 'page' : undefined}
              >
                {candidate.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p>{queue.description}</p>
      {problem && <ProblemNotice problem={problem} heading="The queue could not be read" />}
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
