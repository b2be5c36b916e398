import type { operations } from '../api/schema';

/** GET /contacts' query, as generated from the API's document. */
export type ContactListQuery = NonNullable<operations['ContactsController_list']['parameters']['query']>;

/** Contacts per page. */
export const PAGE_SIZE = 25;

/**
 * The list's filters live in the address (a bookmark, the back button, a link to a colleague):
 * `q` (a CRN or an MPRN), `type`, `status`, `sort`, the flags `waitingOnMe`, `overdue`,
 * `assignedTo=me`, `unassigned`; and `pages`, the cursors of the pages before this one (keyset
 * paging has no page numbers), so that "Previous" needs no memory of its own.
 */
export interface ContactFilters {
  q: string;
  type: string;
  status: string;
  sort: string;
  waitingOnMe: boolean;
  overdue: boolean;
  assignedToMe: boolean;
  unassigned: boolean;
}

export function filtersOf(search: URLSearchParams): ContactFilters {
  return {
    q: search.get('q') ?? '',
    type: search.get('type') ?? '',
    status: search.get('status') ?? '',
    sort: search.get('sort') ?? '',
    waitingOnMe: search.get('waitingOnMe') === 'true',
    overdue: search.get('overdue') === 'true',
    assignedToMe: search.get('assignedTo') === 'me',
    unassigned: search.get('unassigned') === 'true',
  };
}

/** The address of the first page of these filters. */
export function searchOf(filters: ContactFilters): string {
  const search = new URLSearchParams();
  const q = filters.q.trim();
  if (q) search.set('q', q);
  if (filters.type) search.set('type', filters.type);
  if (filters.status) search.set('status', filters.status);
  if (filters.sort) search.set('sort', filters.sort);
  if (filters.waitingOnMe) search.set('waitingOnMe', 'true');
  if (filters.overdue) search.set('overdue', 'true');
  if (filters.assignedToMe) search.set('assignedTo', 'me');
  if (filters.unassigned) search.set('unassigned', 'true');
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** The cursors of the pages before this one. */
export function pagesBefore(search: URLSearchParams): string[] {
  return (search.get('pages') ?? '').split('.').filter(Boolean);
}

/** The query for the API: the filters as its parameters (a CRN starts with C, an MPRN is digits: the API checks either), this page's cursor. */
export function listQueryOf(search: URLSearchParams): ContactListQuery {
  const filters = filtersOf(search);
  const q = filters.q.trim();
  const query: ContactListQuery = { limit: PAGE_SIZE };
  if (q) {
    if (/^c/i.test(q)) query.crn = q.toUpperCase();
    else query.mprn = q;
  }
  if (filters.type) query.type = filters.type as ContactListQuery['type'];
  if (filters.status) query.status = filters.status as ContactListQuery['status'];
  if (filters.sort) query.sort = filters.sort as ContactListQuery['sort'];
  if (filters.waitingOnMe) query.waitingOnMe = 'true';
  if (filters.overdue) query.overdue = 'true';
  if (filters.assignedToMe) query.assignedTo = 'me';
  if (filters.unassigned) query.unassigned = 'true';
  const cursor = pagesBefore(search).at(-1);
  if (cursor) query.cursor = cursor;
  return query;
}

/** The address of the page after this one, whose cursor the API gave. */
export function nextPageSearch(search: URLSearchParams, nextCursor: string): string {
  const next = new URLSearchParams(search);
  next.set('pages', [...pagesBefore(search), nextCursor].join('.'));
  return `?${next.toString()}`;
}

/** The address of the page before this one. */
export function previousPageSearch(search: URLSearchParams): string {
  const previous = new URLSearchParams(search);
  const pages = pagesBefore(search).slice(0, -1);
  if (pages.length > 0) previous.set('pages', pages.join('.'));
  else previous.delete('pages');
  const text = previous.toString();
  return text ? `?${text}` : '';
}

/** Which API parameter a problem's `field` names, as the filter the person typed it in. */
export function filterFieldOf(apiField: string | undefined): keyof ContactFilters | undefined {
  if (apiField === 'crn' || apiField === 'mprn') return 'q';
  if (apiField === 'assignedTo') return 'assignedToMe';
  return apiField && ['type', 'status', 'sort', 'waitingOnMe', 'overdue', 'unassigned'].includes(apiField)
    ? (apiField as keyof ContactFilters)
    : undefined;
}
