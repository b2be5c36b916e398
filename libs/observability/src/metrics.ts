import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

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

export const outboxPublishFailures = new Counter({
  name: 'cms_outbox_publish_failures_total',
  help:
    'Failed attempts to publish outbox rows, by reason: refused (the broker refused the row), topic (its topic ' +
    'cannot be written while other rows go), unavailable (the broker could not take the cycle: it backs off)',
  labelNames: ['reason'],
  registers: [metricsRegistry],
});

export const outboxParkedMessages = new Gauge({
  name: 'cms_outbox_parked_messages',
  help: 'Outbox rows parked after repeated publish failures, waiting for an operator (npm run outbox -- parked); reported by the replica that publishes',
  registers: [metricsRegistry],
});

export const eventsConsumed = new Counter({
  name: 'cms_events_consumed_total',
  help: 'Events consumed, by outcome (applied, duplicate, dead_lettered)',
  labelNames: ['topic', 'group', 'outcome'],
  registers: [metricsRegistry],
});
