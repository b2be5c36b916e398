import type { NextFunction, Request, Response } from 'express';
import { Gauge, Histogram } from 'prom-client';
import { metricsRegistry } from '@cms/observability';

/**
 * How long each HTTP answer took, by method, route and status class: the route is the template the
 * request matched (`/api/v1/contacts/:crn`), never its path, so that the series stay few whatever
 * is asked. Event streams are left out: they last as long as their client stays.
 */
export const httpRequestDuration = new Histogram({
  name: 'cms_http_server_request_duration_seconds',
  help: 'Time to answer an HTTP request, by method, route template (never the path itself) and status class (2xx, 4xx, 5xx); event streams left out',
  labelNames: ['method', 'route', 'status_class'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

export const sseConnectionsOpen = new Gauge({
  name: 'cms_sse_connections_open',
  help: 'Server-sent event streams open in this process (the notifications stream; at the gateway, those it passes on)',
  registers: [metricsRegistry],
});

/** The label of a request no route matched (a 404, or a path the caller made up). */
export const UNMATCHED_ROUTE = 'unmatched';

const eventStreams = new WeakSet<Response>();

/**
 * Counts an event stream as open until its connection closes, and leaves it out of the request
 * histogram. Called once its headers are sent.
 */
export function trackEventStream(response: Response): void {
  if (eventStreams.has(response) || response.destroyed) return;
  eventStreams.add(response);
  sseConnectionsOpen.inc();
  response.once('close', () => sseConnectionsOpen.dec());
}

/** `2xx`, `4xx`, … */
export function statusClassOf(statusCode: number): string {
  return `${Math.floor(statusCode / 100)}xx`;
}

/**
 * The template of the Express route that answered the request (a NestJS route is one, under the
 * router's mount point if any), or undefined when none did.
 */
export function routeTemplateOf(request: Pick<Request, 'route' | 'baseUrl'>): string | undefined {
  const path = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : undefined;
}

export interface RequestMetricsOptions {
  /**
   * The route of a request that no Express route answered (the gateway's proxy, which is
   * middleware): a template or a fixed name, never the path itself; `unmatched` when undefined.
   * Read `request.originalUrl`: by the time the answer is sent, a mounted middleware's `path` has
   * its mount point cut off.
   */
  routeOf?: (request: Request) => string | undefined;
}

/** Middleware: observes every answer in `cms_http_server_request_duration_seconds`. */
export function requestMetrics(options: RequestMetricsOptions = {}) {
  return (request: Request, response: Response, next: NextFunction): void => {
    const started = performance.now();
    response.once('finish', () => {
      if (eventStreams.has(response)) return;
      httpRequestDuration.observe(
        {
          method: request.method,
          route: routeTemplateOf(request) ?? options.routeOf?.(request) ?? UNMATCHED_ROUTE,
          status_class: statusClassOf(response.statusCode),
        },
        (performance.now() - started) / 1_000,
      );
    });
    next();
  };
}
