import type { Caller } from '@cms/auth';
import type { ContactListPosition } from '../application/contact-list-cursor';
import type { ContactListFilter } from '../application/contact-store.port';
import { OPEN_CONTACT_STATUSES, seesEveryContact } from '../domain';

/**
 * A contact still open, as a literal condition: it implies the predicate of the partial index
 * contact_one_open_per_mprn, so the planner can read the open contacts from that index.
 */
const OPEN_CONTACT = `contact.status IN (${OPEN_CONTACT_STATUSES.map((status) => `'${status}'`).join(', ')})`;

/**
 * The dates an open contact is due by (docs/domain.md "Time limits"): each open DC, OC and SV it
 * waits on (contact_waiting_on, kept from the other services' events). The contact's own
 * resolution target joins this list as one more entry (`contact.due_on`): nextDueOn, overdue and
 * the dueOn sort all follow from it.
 */
const DUE_DATES = ['(SELECT min(w.due_on) FROM contact_waiting_on w WHERE w.crn = contact.crn)'];

/** Per listed contact: the earliest date it is due by; null when it is due by nothing, or closed. */
const QUEUE = `SELECT CASE WHEN ${OPEN_CONTACT} THEN least(${DUE_DATES.join(', ')}) END AS next_due_on`;

/** A sort's ORDER BY, and its keyset condition (`?`: the position's key, then its CRN). */
interface ListOrder {
  orderBy: string;
  after: string;
}

const NEWEST_LOGGED_FIRST: ListOrder = {
  orderBy: 'contact.logged_at DESC, contact.crn DESC',
  after: '(contact.logged_at, contact.crn) < (?, ?)',
};

// A contact due by nothing sorts as due on 'infinity' (a date PostgreSQL orders after every other):
// last, and still in a total order a keyset can continue from.
const SOONEST_DUE_FIRST: ListOrder = {
  orderBy: `coalesce(queue.next_due_on, 'infinity'::date), contact.crn`,
  after: `(coalesce(queue.next_due_on, 'infinity'::date), contact.crn) > (?::date, ?)`,
};

/**
 * `GET /contacts` as one statement: the caller's visibility (the SQL wall; row-level security is
 * the second, readAsCaller), the filters, the keyset position and the order, each row with its
 * queue columns (next_due_on, overdue). The queue filters select open contacts, except assignedTo:
 * whose contact it is stays true once it is closed (narrow it with `status`).
 */
export function contactListQuery(caller: Caller, filter: ContactListFilter): { text: string; parameters: unknown[] } {
  const where = new Conditions();
  where.add('(? OR ? = ANY(contact.visible_to))', seesEveryContact(caller.organisationType), caller.organisationId);
  if (filter.type) where.add('contact.contact_type = ?', filter.type);
  if (filter.status) where.add('contact.status = ?', filter.status);
  if (filter.mprn) where.add('contact.mprn = ?', filter.mprn);
  if (filter.crn) where.add('contact.crn = ?', filter.crn);
  if (filter.loggedFrom) where.add('contact.logged_at >= ?', filter.loggedFrom);
  if (filter.loggedTo) where.add('contact.logged_at < ?', filter.loggedTo);
  if (filter.assignedTo) {
    const { side, userId } = filter.assignedTo;
    if (side.role === 'INVESTIGATING_AGENT') where.add('contact.investigating_agent_user_id = ?', userId);
    else where.add('contact.handlers @> ?::jsonb', JSON.stringify({ [side.organisationId]: userId }));
  }
  if (filter.unassigned) {
    const side = filter.unassigned;
    if (side.role === 'INVESTIGATING_AGENT') where.add(`${OPEN_CONTACT} AND contact.investigating_agent_user_id IS NULL`);
    else where.add(`${OPEN_CONTACT} AND contact.handlers ->> ?::text IS NULL`, side.organisationId);
  }
  if (filter.waitingOn) {
    where.add(
      `${OPEN_CONTACT} AND EXISTS (SELECT 1 FROM contact_waiting_on w WHERE w.crn = contact.crn AND w.waiting_on_organisation_id = ?)`,
      filter.waitingOn,
    );
  }
  const today = where.parameter(filter.today);
  if (filter.overdue) where.add(`queue.next_due_on < ${today}::date`);
  const order = filter.sort === 'dueOn' ? SOONEST_DUE_FIRST : NEWEST_LOGGED_FIRST;
  if (filter.after) where.add(order.after, keyOf(filter.after), filter.after.crn);
  const limit = where.parameter(filter.limit);
  return {
    text: `SELECT contact.*, to_char(queue.next_due_on, 'YYYY-MM-DD') AS next_due_on,
                  coalesce(queue.next_due_on < ${today}::date, false) AS overdue
             FROM contact CROSS JOIN LATERAL (${QUEUE}) queue
            WHERE ${where.sql()}
            ORDER BY ${order.orderBy} LIMIT ${limit}`,
    parameters: where.parameters,
  };
}

/** The key of a position, as its sort's keyset condition compares it. */
function keyOf(position: ContactListPosition): Date | string {
  return position.sort === 'dueOn' ? (position.dueOn ?? 'infinity') : position.loggedAt;
}

/** A WHERE clause built one condition at a time, each `?` standing for the next parameter ($1, $2…). */
class Conditions {
  readonly parameters: unknown[] = [];
  private readonly conditions: string[] = [];

  add(condition: string, ...values: unknown[]): void {
    let next = 0;
    this.conditions.push(condition.replace(/\?/g, () => this.parameter(values[next++])));
  }

  /** The placeholder of one more parameter. */
  parameter(value: unknown): string {
    this.parameters.push(value);
    return `$${this.parameters.length}`;
  }

  sql(): string {
    return this.conditions.join(' AND ');
  }
}
