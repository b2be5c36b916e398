import type { DataSource } from 'typeorm';

/** What is waiting in a service's outbox: the relay's backlog, and what it gave up on. */
export interface OutboxBacklog {
  /** Rows neither published nor parked: the relay still has to send them. */
  pending: number;
  /** Rows parked after OUTBOX_MAX_ATTEMPTS failures of their own, waiting for an operator (`npm run outbox`). */
  parked: number;
  /** Seconds since the oldest pending row was written; 0 when none is pending. */
  oldestPendingAgeSeconds: number;
}

/**
 * Each figure from its partial index (outbox_message_pending, outbox_message_parked), so the
 * published rows kept for retention are never read. The age is the database's own time against
 * `created_at`, which the database set: one clock, whatever the reader's.
 */
const OUTBOX_BACKLOG = `
  SELECT (SELECT count(*)::int FROM outbox_message WHERE published_at IS NULL AND parked_at IS NULL) AS pending,
         (SELECT count(*)::int FROM outbox_message WHERE parked_at IS NOT NULL) AS parked,
         coalesce(extract(epoch FROM now() - (SELECT min(created_at) FROM outbox_message
                                               WHERE published_at IS NULL AND parked_at IS NULL)), 0)::float8 AS oldest_pending_age_seconds`;

/** The outbox's backlog now, for `/metrics`. */
export async function readOutboxBacklog(dataSource: Pick<DataSource, 'query'>): Promise<OutboxBacklog> {
  const [row] = await dataSource.query<{ pending: number; parked: number; oldest_pending_age_seconds: number }[]>(OUTBOX_BACKLOG);
  return { pending: row.pending, parked: row.parked, oldestPendingAgeSeconds: Math.max(0, row.oldest_pending_age_seconds) };
}
