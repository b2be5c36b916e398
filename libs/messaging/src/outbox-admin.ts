import type { ClientBase } from 'pg';
import { OUTBOX_NOTIFY_CHANNEL } from './outbox-relay';

/**
 * The operator's side of parking (`npm run outbox`): list the outbox rows the relay gave up on,
 * and requeue them once the cause is fixed. Each works on one service's database, through a
 * connection the caller holds.
 */

/** A parked outbox row, as the operator sees it. */
export interface ParkedOutboxMessage {
  id: string;
  topic: string;
  key: string;
  createdAt: Date;
  parkedAt: Date;
  attempts: number;
  lastError: string | null;
}

export type RequeueResult =
  | { outcome: 'requeued' }
  | { outcome: 'unknown' }
  /** The row exists but is not parked: published already (publishedAt), or still pending (attempts so far). */
  | { outcome: 'not-parked'; publishedAt: Date | null; attempts: number };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Outbox rows are keyed by their event's id, a UUID. */
export function isOutboxMessageId(value: string): boolean {
  return UUID.test(value);
}

/** Every parked row, oldest first. */
export async function listParkedOutboxMessages(client: ClientBase): Promise<ParkedOutboxMessage[]> {
  const { rows } = await client.query<{
    id: string;
    topic: string;
    message_key: string;
    created_at: Date;
    parked_at: Date;
    attempts: number;
    last_error: string | null;
  }>(
    `SELECT id, topic, message_key, created_at, parked_at, attempts, last_error
       FROM outbox_message
      WHERE parked_at IS NOT NULL
      ORDER BY created_at, id`,
  );
  return rows.map((row) => ({
    id: row.id,
    topic: row.topic,
    key: row.message_key,
    createdAt: row.created_at,
    parkedAt: row.parked_at,
    attempts: row.attempts,
    lastError: row.last_error,
  }));
}

/**
 * Makes a parked row pending again, its attempts back to 0 (its last error stays until the next
 * one), and wakes the relay. A row that is not parked is left as it is.
 */
export async function requeueParkedOutboxMessage(client: ClientBase, id: string): Promise<RequeueResult> {
  if (!isOutboxMessageId(id)) return { outcome: 'unknown' };
  const { rows } = await client.query<{ requeued: boolean; published_at: Date | null; attempts: number }>(
    `WITH requeued AS (
       UPDATE outbox_message SET parked_at = NULL, attempts = 0
        WHERE id = $1 AND parked_at IS NOT NULL
       RETURNING id)
     SELECT EXISTS (SELECT 1 FROM requeued) AS requeued, published_at, attempts
       FROM outbox_message
      WHERE id = $1`,
    [id],
  );
  if (rows.length === 0) return { outcome: 'unknown' };
  const [row] = rows;
  if (!row.requeued) return { outcome: 'not-parked', publishedAt: row.published_at, attempts: row.attempts };
  await wakeRelay(client);
  return { outcome: 'requeued' };
}

/** Makes every parked row pending again (see requeueParkedOutboxMessage); returns how many. */
export async function requeueAllParkedOutboxMessages(client: ClientBase): Promise<number> {
  const { rowCount } = await client.query('UPDATE outbox_message SET parked_at = NULL, attempts = 0 WHERE parked_at IS NOT NULL');
  if (rowCount) await wakeRelay(client);
  return rowCount ?? 0;
}

/** The relay LISTENs on the outbox channel: a requeued row goes at once, not at the next idle delay. */
async function wakeRelay(client: ClientBase): Promise<void> {
  await client.query('SELECT pg_notify($1, $2)', [OUTBOX_NOTIFY_CHANNEL, '']);
}
