import { Counter, Histogram } from 'prom-client';
import type { DataSource } from 'typeorm';
import { metricsRegistry } from '@cms/observability';

/**
 * The timers' metrics. As they fire: how late (`cms_timer_lateness_seconds`) and which failed
 * (`cms_timer_failures_total`). At each scrape of /metrics, what is due now and how late the oldest
 * is (readDueTimers, served as `cms_timers_due` and `cms_timers_oldest_due_seconds` by
 * platform.metrics.ts): read at the scrape rather than after each poll, so that a runner that is
 * stuck, or a replica that no longer polls, shows as a lateness that keeps growing.
 */

export const timerLatenessSeconds = new Histogram({
  name: 'cms_timer_lateness_seconds',
  help: 'How long after its due time each timer fired, by kind',
  labelNames: ['kind'],
  buckets: [1, 5, 15, 60, 300, 900, 3_600, 4 * 3_600, 24 * 3_600],
  registers: [metricsRegistry],
});

export const timerFailures = new Counter({
  name: 'cms_timer_failures_total',
  help: 'Timer firings whose handler failed (the timer is fired again later), by kind',
  labelNames: ['kind'],
  registers: [metricsRegistry],
});

/** The timers of one kind at or past their due time and not yet fired (failing ones among them). */
export interface DueTimers {
  kind: string;
  due: number;
  /** Seconds since the due time of the oldest of them; 0 when none is due. */
  oldestDueSeconds: number;
}

// Served by the index timer_due_at.
const COUNT_DUE_TIMERS = `
  SELECT kind, count(*)::int AS due, min(due_at) AS oldest_due_at
    FROM timer
   WHERE kind = ANY($1::text[]) AND due_at <= $2
   GROUP BY kind`;

/**
 * The due timers of each of `kinds` at `now`: the service's Clock, the time its due times are set
 * and fired by (a test's own clock included).
 */
export async function readDueTimers(dataSource: Pick<DataSource, 'query'>, kinds: readonly string[], now: Date): Promise<DueTimers[]> {
  const rows = await dataSource.query<{ kind: string; due: number; oldest_due_at: Date }[]>(COUNT_DUE_TIMERS, [kinds, now]);
  return kinds.map((kind) => {
    const row = rows.find((candidate) => candidate.kind === kind);
    return { kind, due: row?.due ?? 0, oldestDueSeconds: row ? Math.max(0, now.getTime() - row.oldest_due_at.getTime()) / 1_000 : 0 };
  });
}
