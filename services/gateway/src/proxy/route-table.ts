import { gatewayRoutes, urlSettingOf } from '@cms/catalogue';
import type { GatewayConfig } from '../gateway.config';

export interface Route {
  /** Path prefix under which requests go to this service (matched on a segment boundary). */
  prefix: string;
  /** When set, the route covers only the paths under its prefix that match this pattern. */
  pattern?: RegExp;
  upstream: string;
  /**
   * Reachable without an access token (sign-in and its companions). A token sent anyway is
   * forwarded, and the service decides what it means (an LSO resetting a user's password).
   */
  public?: boolean;
  /** Also takes application/x-www-form-urlencoded bodies (the OAuth 2 token endpoint). */
  acceptForm?: boolean;
}

/**
 * Which service answers which public path: the service catalogue's routes (libs/catalogue), each
 * sent to its service's `<NAME>_URL`. Patterned routes first, then the longest prefix. The gateway
 * verifies the access token before forwarding (defence in depth: each service verifies it again
 * and scopes by the caller's organisation).
 */
export function routeTable(config: GatewayConfig): Route[] {
  return gatewayRoutes().map(({ service, ...route }) => ({ ...route, upstream: config[urlSettingOf(service)] }));
}

/** The route for a path: patterned routes first, then the longest prefix. */
export function findRoute(routes: Route[], path: string): Route | undefined {
  return routes.find(
    (route) => (path === route.prefix || path.startsWith(`${route.prefix}/`)) && (!route.pattern || route.pattern.test(path)),
  );
}

/** Every distinct service behind the gateway (for readiness and the merged OpenAPI document). */
export function upstreams(routes: Route[]): string[] {
  return [...new Set(routes.map((route) => route.upstream))];
}
