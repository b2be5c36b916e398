import { Inject, Injectable } from '@nestjs/common';
import { Clock, invalidCursor } from '@cms/service-defaults';
import { ALERT_STORE, type AlertReader, type AlertStore, type KeptAlert } from './alert-store.port';

export interface NotificationsPage {
  items: KeptAlert[];
  unreadCount: number;
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** An alert id as the API shows it: a positive whole number (bigint) as decimal text. */
/** An alert's id: its number, 1 upwards (at most 18 digits: within a bigint). */
export const ALERT_ID_PATTERN = /^[1-9][0-9]{0,17}$/;

export function isAlertId(value: string): boolean {
  return ALERT_ID_PATTERN.test(value);
}

/**
 * The notifications area of the caller: newest first in keyset pages (the cursor is the last
 * alert's id, opaque to clients), the unread count, read marks.
 */
@Injectable()
export class NotificationsQueries {
  constructor(
    @Inject(ALERT_STORE) private readonly store: AlertStore,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async page(reader: AlertReader, cursor: string | undefined, limit: number): Promise<NotificationsPage> {
    const before = cursor === undefined ? undefined : decodeCursor(cursor);
    const rows = await this.store.newestFirst(reader, before, limit + 1);
    const items = rows.slice(0, limit);
    const nextCursor = rows.length > limit ? encodeCursor(items[items.length - 1].id) : null;
    return { items, unreadCount: await this.store.unreadCount(reader), nextCursor };
  }

  markRead(reader: AlertReader, id: string): Promise<boolean> {
    if (!isAlertId(id)) return Promise.resolve(false);
    return this.store.markRead(reader, id, this.clock.now());
  }

  markAllRead(reader: AlertReader): Promise<void> {
    return this.store.markAllRead(reader, this.clock.now());
  }
}

function encodeCursor(id: string): string {
  return Buffer.from(JSON.stringify([id]), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== 1 || typeof decoded[0] !== 'string' || !isAlertId(decoded[0])) throw invalidCursor();
  return decoded[0];
}
