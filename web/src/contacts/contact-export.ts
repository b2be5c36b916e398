import type { ContactListQuery } from './contact-filters';
import { listQueryOf } from './contact-filters';

/**
 * The contact list exported as CSV: the list's own route asked for `text/csv` (GET /contacts with
 * `Accept: text/csv`), which streams every contact of the filters over all pages, in the list's
 * order and visibility, as the service writes it (formula cells defused). So the filters of the
 * address, without the page's `limit` and `cursor`, which the CSV answer refuses.
 */
export function exportQueryOf(search: URLSearchParams): Omit<ContactListQuery, 'limit' | 'cursor'> {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { limit, cursor, ...filters } = listQueryOf(search);
  return filters;
}

/** The file name the API gives (`attachment; filename="contacts-2026-11-20.csv"`), else a plain one. */
export function exportFileNameOf(contentDisposition: string | null): string {
  const name = /filename="([^"]+)"/.exec(contentDisposition ?? '')?.[1];
  return name && /^[\w.-]+$/.test(name) ? name : 'contacts.csv';
}
