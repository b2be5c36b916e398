import { Counter, Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@cms/observability';

/** Timers at or past their due time and not yet fired (failing ones among them); reported by every replica after each poll. */
export const timersDue = new Gauge({
  name: 'cms_timers_due',
  help: 'Durable timers at or past their due time and not yet fired, by kind (failing ones among them); reported by every replica after each poll',
  labelNames: ['kind'],
  registers: [metricsRegistry],
});

/** How long the oldest timer still waiting has been due: grows while a timer keeps failing or no replica polls. */
export const timersOldestDueSeconds = new Gauge({
  name: 'cms_timers_oldest_due_seconds',
  help: 'Seconds since the due time of the oldest timer not yet fired, by kind (0 when none is due)',
  labelNames: ['kind'],
  registers: [metricsRegistry],
});

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
