import { listQueryOf, type ContactListQuery } from './contact-filters';

/**
 * The CDSP agent's work queue (docs/domain.md "Who uses it": work is queued, as in the legacy CMS's
 * Contacts Queue): three views of GET /contacts, each soonest due first, searched by CRN or MPRN
 * when asked (`q`, read as the contact list reads it). The view, the search and the page live in the
 * address (`?queue=mine&q=…&pages=…`), like the contact list's filters.
 */
export type QueueName = 'unassigned' | 'mine' | 'overdue';

export interface Queue {
  name: QueueName;
  label: string;
  /** What it holds, in words. */
  description: string;
  /** Its filters on GET /contacts. */
  filters: ContactListQuery;
}

export const QUEUES: readonly Queue[] = [
  {
    name: 'unassigned',
    label: 'Not yet taken',
    description: 'Open contacts no agent investigates yet.',
    filters: { unassigned: 'true' },
  },
  {
    name: 'mine',
    label: 'Mine',
    description: 'Contacts you investigate that are still open.',
    // assignedTo=me matches closed contacts too; the queue is the work still to do.
    filters: { assignedTo: 'me', status: 'UNDER_INVESTIGATION' },
  },
  {
    name: 'overdue',
    label: 'Overdue',
    description: 'Open contacts past a date they are due by: a clarification, a site visit or the resolution.',
    filters: { overdue: 'true' },
  },
];

export function queueOf(search: URLSearchParams): Queue {
  return QUEUES.find((queue) => queue.name === search.get('queue')) ?? QUEUES[0];
}

/** The address (search) of a queue's first page, searched for a CRN or an MPRN if one is given. */
export function queueSearch(name: QueueName, q = ''): string {
  const search = new URLSearchParams({ queue: name });
  if (q.trim()) search.set('q', q.trim());
  return `?${search.toString()}`;
}

/** GET /contacts' query for the queue, search and page of the address: the queue's own filters, nothing else of the list's. */
export function queueQueryOf(search: URLSearchParams): ContactListQuery {
  const page = new URLSearchParams();
  for (const kept of ['q', 'pages']) {
    const value = search.get(kept);
    if (value) page.set(kept, value);
  }
  return { ...listQueryOf(page), ...queueOf(search).filters, sort: 'dueOn' };
}
