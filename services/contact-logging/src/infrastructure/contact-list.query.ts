import type { Caller } from '@cms/auth';
import type { ContactListFilter } from '../application/contact-store.port';
import { OPEN_CONTACT_STATUSES, seesEveryContact } from '../domain';

/**
 * A contact still open, as a literal condition: it implies the predicate of the partial index
 * contact_one_open_per_mprn, so the planner can read the open contacts from that index.
 */
const OPEN_CONTACT = `contact.status IN (${OPEN_CONTACT_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/**
 * The dates an open contact is due by (docs/domain.md "Time limits"): each open DC, OC and SV it
 * waits on (contact_waiting_on, kept from the other services' events), and its own resolution
 * target while its clock runs (paused while it waits on the originator, the date moves on when it
 * resumes; the overdue timer skips it meanwhile too). nextDueOn, overdue and the dueOn sort all
 * follow from this list.
 */
const DUE_DATES = [
  '(SELECT min(w.due_on) FROM contact_waiting_on w WHERE w.crn = contact.crn)',
  'CASE WHEN contact.clock_paused_on IS NULL THEN contact.due_on END',
];

/** Per listed contact: the earliest date it is due by; null when it is due by nothing, or closed. */
const QUEUE = `SELECT CASE WHEN ${OPEN_CONTACT} THEN least(${DUE_DATES.join(', ')}) END AS next_due_on`;

/**
 * `GET /contacts` as one statement: the caller's visibility (the SQL wall; row-level security is
 * the second, readAsCaller), the filters, the keyset position and the order, each row with its
 * queue columns (next_due_on, overdue). The queue filters select open contacts, except assignedTo:
 * whose contact it is stays true once it is closed (narrow it with `status`).
 */
export function contactListQuery(caller: Caller, filter: ContactListFilter): { text: string; parameters: unknown[] } {
  const parameters = new Parameters();
  const matching = [parameters.bind('(? OR ? = ANY(contact.visible_to))', seesEveryContact(caller.organisationType), caller.organisationId)];
  if (filter.type) matching.push(parameters.bind('contact.contact_type = ?', filter.type));
  if (filter.status) matching.push(parameters.bind('contact.status = ?', filter.status));
  if (filter.mprn) matching.push(parameters.bind('contact.mprn = ?', filter.mprn));
  if (filter.crn) matching.push(parameters.bind('contact.crn = ?', filter.crn));
  if (filter.loggedFrom) matching.push(parameters.bind('contact.logged_at >= ?', filter.loggedFrom));
  if (filter.loggedTo) matching.push(parameters.bind('contact.logged_at < ?', filter.loggedTo));
  if (filter.assignedTo) {
    const { side, userId } = filter.assignedTo;
    matching.push(
      side.role === 'INVESTIGATING_AGENT'
        ? parameters.bind('contact.investigating_agent_user_id = ?', userId)
        : parameters.bind('contact.handlers @> ?::jsonb', JSON.stringify({ [side.organisationId]: userId })),
    );
  }
  if (filter.unassigned) {
    const side = filter.unassigned;
    matching.push(
      side.role === 'INVESTIGATING_AGENT'
        ? `${OPEN_CONTACT} AND contact.investigating_agent_user_id IS NULL`
        : parameters.bind(`${OPEN_CONTACT} AND contact.handlers ->> ?::text IS NULL`, side.organisationId),
    );
  }
  if (filter.waitingOn) {
    matching.push(
      parameters.bind(
        `${OPEN_CONTACT} AND EXISTS (SELECT 1 FROM contact_waiting_on w WHERE w.crn = contact.crn AND w.waiting_on_organisation_id = ?)`,
        filter.waitingOn,
      ),
    );
  }
  const today = parameters.bind('?::date', filter.today);
  // OPEN_CONTACT is implied (a closed contact is due by nothing); stated, it lets the planner start from the open ones.
  if (filter.overdue) matching.push(`${OPEN_CONTACT} AND queue.next_due_on < ${today}`);
  const limit = parameters.bind('?', filter.limit);
  const select = (conditions: string[], orderBy: string) =>
    `SELECT contact.*, to_char(queue.next_due_on, 'YYYY-MM-DD') AS next_due_on, coalesce(queue.next_due_on < ${today}, false) AS overdue
       FROM contact CROSS JOIN LATERAL (${QUEUE}) queue
      WHERE ${conditions.join(' AND ')}
      ORDER BY ${orderBy} LIMIT ${limit}`;

  const after = filter.after;
  if (after && after.sort !== filter.sort) throw new Error(`a ${after.sort} position cannot continue a list sorted by ${filter.sort}`);

  if (filter.sort === 'loggedAt') {
    const position = after?.sort === 'loggedAt' ? [parameters.bind('(contact.logged_at, contact.crn) < (?, ?)', after.loggedAt, after.crn)] : [];
    return { text: select([...matching, ...position], 'contact.logged_at DESC, contact.crn DESC'), parameters: parameters.values };
  }
  // Soonest due first, in two parts so that neither reads every contact: those due by a date (open
  // ones only, few, read from the partial index of open contacts), soonest first; then those due by
  // nothing, by CRN (read in primary key order). Each part starts where the previous page left off.
  const dueAfter = after?.sort === 'dueOn' ? after : undefined;
  const parts: string[] = [];
  if (dueAfter?.dueOn !== null) {
    const position = dueAfter ? [parameters.bind('(queue.next_due_on, contact.crn) > (?::date, ?)', dueAfter.dueOn, dueAfter.crn)] : [];
    parts.push(select([...matching, OPEN_CONTACT, 'queue.next_due_on IS NOT NULL', ...position], 'queue.next_due_on, contact.crn'));
  }
  const position = dueAfter?.dueOn === null ? [parameters.bind('contact.crn > ?', dueAfter.crn)] : [];
  parts.push(select([...matching, 'queue.next_due_on IS NULL', ...position], 'contact.crn'));
  // next_due_on is YYYY-MM-DD text by now, which orders as the dates do.
  const page = parts.map((part) => `(${part})`).join(' UNION ALL ');
  return { text: `SELECT * FROM (${page}) page ORDER BY page.next_due_on NULLS LAST, page.crn LIMIT ${limit}`, parameters: parameters.values };
}

/** A statement's parameters, each `?` of a fragment bound to the next placeholder ($1, $2…). */
class Parameters {
  readonly values: unknown[] = [];

  bind(fragment: string, ...values: unknown[]): string {
    let next = 0;
    return fragment.replace(/\?/g, () => {
      this.values.push(values[next++]);
      return `$${this.values.length}`;
    });
  }
}
