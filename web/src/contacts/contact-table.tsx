import type { components } from '../api/schema';
import { formatDate, formatDateTime } from '../format/dates';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { nextPageSearch, pagesBefore, previousPageSearch } from './contact-filters';
import { OverdueTag, StatusTag } from './status-tag';

type ContactListItem = components['schemas']['ContactListItemResponse'];

/** A page of contacts (GET /contacts), each linked to its one-screen view: the contact list's and the work queue's. */
export function ContactTable({
  caption,
  contacts,
  updating,
}: {
  caption: string;
  contacts: readonly ContactListItem[];
  updating: boolean;
}) {
  return (
    <div className="table-wrapper">
      <table>
        <caption>
          {caption}
          {updating && <span className="visually-hidden"> (updating)</span>}
        </caption>
        <thead>
          <tr>
            <th scope="col">CRN</th>
            <th scope="col">Type</th>
            <th scope="col">MPRN</th>
            <th scope="col">Status</th>
            <th scope="col">Logged</th>
            <th scope="col">Next due</th>
            <th scope="col">Handled by</th>
          </tr>
        </thead>
        <tbody>
          {contacts.map((contact) => (
            <tr key={contact.crn}>
              <td>
                <Link to={paths.contact(contact.crn)}>{contact.crn}</Link>
              </td>
              <td>{contact.type}</td>
              <td>{contact.mprn}</td>
              <td>
                <StatusTag status={contact.status} />
              </td>
              <td>{formatDateTime(contact.loggedAt)}</td>
              <td>
                {contact.nextDueOn ? formatDate(contact.nextDueOn) : '–'} {contact.overdue && <OverdueTag />}
              </td>
              <td>{contact.handlerUserId ?? 'Not assigned'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** "Previous page" and "Next page" of a keyset-paged list whose pages live in the address (contact-filters.ts). */
export function PageLinks({
  path,
  search,
  nextCursor,
  label,
}: {
  path: string;
  search: URLSearchParams;
  nextCursor: string | null | undefined;
  label: string;
}) {
  const page = pagesBefore(search).length + 1;
  if (page === 1 && !nextCursor) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 && <Link to={path + previousPageSearch(search)}>Previous page</Link>}
      {nextCursor && (
        <Link to={path + nextPageSearch(search, nextCursor)} rel="next">
          Next page
        </Link>
      )}
    </nav>
  );
}
