import { pagesBefore, PAGE_SIZE, type ContactListQuery } from './contact-filters';

/**
 * The CDSP agent's work queue (docs/domain.md "Who uses it": work is queued, as in the legacy CMS's
 * Contacts Queue): three views of GET /contacts, each soonest due first. The view and its page live
 * in the address (`?queue=mine&pages=…`), like the contact list's filters.
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

/** The address (search) of a queue's first page. */
export function queueSearch(name: QueueName): string {
  return `?queue=${name}`;
}

/** GET /contacts' query for the queue and page of the address. */
export function queueQueryOf(search: URLSearchParams): ContactListQuery {
  const query: ContactListQuery = { limit: PAGE_SIZE, ...queueOf(search).filters, sort: 'dueOn' };
  const cursor = pagesBefore(search).at(-1);
  if (cursor) query.cursor = cursor;
  return query;
}
