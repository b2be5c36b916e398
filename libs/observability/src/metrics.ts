import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** One Prometheus registry per process, served at `/metrics`. */
export const metricsRegistry = new Registry();
collectDefaultMetrics({ register: metricsRegistry });

export const httpRequestDuration = new Histogram({
  name: 'http_server_request_duration_seconds',
  help: 'HTTP request duration by method, route and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const eventsPublished = new Counter({
  name: 'cms_events_published_total',
  help: 'Events published from the outbox to Kafka',
  labelNames: ['topic'],
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'cms_events_consumed_total',
  help: 'Events consumed, by outcome (applied, duplicate, dead_lettered)',
  labelNames: ['topic', 'group', 'outcome'],
  registers: [metricsRegistry],
});
