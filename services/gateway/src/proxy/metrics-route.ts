import { findRoute, type Route } from './route-table';

/**
 * The route of a request in the gateway's request histogram (cms_http_server_request_duration_seconds)
 * when no Express route answered it (the proxy is middleware): never the path itself, so that the
 * series stay few whatever is asked. An API request's is the catalogue route it went to, its prefix
 * and everything under it (`/api/v1/contacts/*`) or its pattern (`/api/v1/contacts/[^/]+/clarifications`);
 * each service's own histogram has the exact template. The merged API document is itself; every
 * other path outside /api is the web app's (`/*`); a path under /api that nothing serves, undefined.
 */
export function metricsRouteOf(routes: Route[], path: string): string | undefined {
  const route = findRoute(routes, path);
  if (route) return route.pattern ? route.pattern.source.replace(/^\^|\$$/g, '').replaceAll('\\/', '/') : `${route.prefix}/*`;
  if (path === '/api/docs-json') return path;
  return path === '/api' || path.startsWith('/api/') ? undefined : '/*';
}
