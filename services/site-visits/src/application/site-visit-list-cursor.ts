import { isCalendarDate } from '@cms/gas-market';
import { invalidCursor } from '@cms/service-defaults';
import type { SiteVisitListPosition } from './site-visit-reads.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * `GET /site-visits` lists soonest due first, (due_on, id) ascending: a total order, so a keyset
 * page boundary is exact while visits are added. The cursor is opaque to clients (base64url of JSON).
 */
export function encodeSiteVisitCursor(position: SiteVisitListPosition): string {
  return Buffer.from(JSON.stringify([position.dueOn, position.id]), 'utf8').toString('base64url');
}

/** The position a cursor of encodeSiteVisitCursor holds; anything else is refused (422 INVALID_CURSOR). */
export function decodeSiteVisitCursor(cursor: string): SiteVisitListPosition {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 2) throw invalidCursor();
  const [dueOn, id] = decoded as unknown[];
  if (typeof dueOn !== 'string' || !isCalendarDate(dueOn) || typeof id !== 'string' || !UUID.test(id)) throw invalidCursor();
  return { dueOn, id };
}
