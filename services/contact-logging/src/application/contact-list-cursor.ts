import { invalidCursor } from '@cms/service-defaults';
import { isCalendarDate, isCrn } from '@cms/gas-market';

/**
 * The orders `GET /contacts` lists in, each a total order ending on the CRN, so that a keyset page
 * boundary is exact:
 * - `loggedAt`: newest logged first (logged_at DESC, crn DESC), the default;
 * - `dueOn`: soonest due first (the earliest date the contact is due by, ASC; contacts due by
 *   nothing last), then crn ASC.
 */
export const CONTACT_LIST_SORTS = ['loggedAt', 'dueOn'] as const;

export type ContactListSort = (typeof CONTACT_LIST_SORTS)[number];

/** Where a page ended in its sort's order: the next page is the contacts strictly after it. */
export type ContactListPosition =
  | { sort: 'loggedAt'; loggedAt: Date; crn: string }
  /** `dueOn` null: a contact due by nothing (those come last). */
  | { sort: 'dueOn'; dueOn: string | null; crn: string };

/** What a listed row holds of its position. */
export interface PositionedRow {
  crn: string;
  logged_at: Date;
  /** `YYYY-MM-DD`, or null when it is due by nothing. */
  next_due_on: string | null;
}

export function positionOf(row: PositionedRow, sort: ContactListSort): ContactListPosition {
  return sort === 'dueOn' ? { sort, dueOn: row.next_due_on, crn: row.crn } : { sort, loggedAt: row.logged_at, crn: row.crn };
}

/** The cursor of a position: opaque to clients (base64url of JSON: the sort, its key, the CRN). */
export function encodeContactCursor(position: ContactListPosition): string {
  const key = position.sort === 'dueOn' ? position.dueOn : position.loggedAt.toISOString();
  return Buffer.from(JSON.stringify([position.sort, key, position.crn]), 'utf8').toString('base64url');
}

/**
 * The position a cursor of encodeContactCursor holds, for a list in `sort` order. Anything else is
 * refused with 422 INVALID_CURSOR: a cursor not made by this API, or made for another sort (its
 * key means nothing in this order).
 */
export function decodeContactCursor(cursor: string, sort: ContactListSort): ContactListPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 3) throw invalidCursor();
  const [cursorSort, key, crn] = decoded as unknown[];
  if (cursorSort !== sort || typeof crn !== 'string' || !isCrn(crn)) throw invalidCursor();
  if (sort === 'dueOn') {
    if (key !== null && (typeof key !== 'string' || !isCalendarDate(key))) throw invalidCursor();
    return { sort, dueOn: key, crn };
  }
  const loggedAt = typeof key === 'string' ? new Date(key) : new Date(Number.NaN);
  if (Number.isNaN(loggedAt.getTime()) || loggedAt.toISOString() !== key) throw invalidCursor();
  return { sort, loggedAt, crn };
}
