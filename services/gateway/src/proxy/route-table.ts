import { gatewayRoutes, urlSettingOf } from '@cms/catalogue';
import { Replicas } from '@cms/service-defaults';
import type { GatewayConfig } from '../gateway.config';

export interface Route {
  /** Path prefix under which requests go to this service (matched on a segment boundary). */
  prefix: string;
  /** When set, the route covers only the paths under its prefix that match this pattern. */
  pattern?: RegExp;
  /** The replicas of the service that answers it (its `<NAME>_URL`), one Replicas per service. */
  replicas: Replicas;
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
  const replicasOf = new Map<string, Replicas>();
  return gatewayRoutes().map(({ service, ...route }) => {
    const setting = urlSettingOf(service);
    if (!replicasOf.has(setting)) replicasOf.set(setting, new Replicas(config[setting]));
    return { ...route, replicas: replicasOf.get(setting)! };
  });
}

/** The route for a path: patterned routes first, then the longest prefix. */
export function findRoute(routes: Route[], path: string): Route | undefined {
  return routes.find(
    (route) => (path === route.prefix || path.startsWith(`${route.prefix}/`)) && (!route.pattern || route.pattern.test(path)),
  );
}

/** Every distinct service behind the gateway (for readiness and the merged OpenAPI document). */
export function upstreams(routes: Route[]): Replicas[] {
  return [...new Set(routes.map((route) => route.replicas))];
}
