import { Counter, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * One Prometheus registry per process, served at `/metrics`: Node's own metrics and the counters
 * below. The service kit adds the request histogram and the open event streams (libs/service-defaults
 * http.metrics.ts), and each service's outbox, consumer lag and timers, read at each scrape
 * (platform.metrics.ts).
 */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const eventsPublished = new Counter({
  name: 'cms_events_published_total',
  help: 'Events published from the outbox to Kafka',
  labelNames: ['topic'],
  registers: [metricsRegistry],
});

export const outboxPublishFailures = new Counter({
  name: 'cms_outbox_publish_failures_total',
  help:
    'Failed attempts to publish outbox rows, by reason: refused (the broker refused the row), topic (its topic ' +
    'cannot be written while other rows go), unavailable (the broker could not take the cycle: it backs off)',
  labelNames: ['reason'],
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'cms_events_consumed_total',
  help: 'Events consumed, by outcome (applied, duplicate, dead_lettered, passed_over: a type the consumer does not act on)',
  labelNames: ['topic', 'group', 'outcome'],
  registers: [metricsRegistry],
});
