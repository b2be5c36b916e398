import type { GatewayConfig } from '../gateway.config';

export interface Route {
  /** Path prefix under which requests go to this service (matched on a segment boundary). */
  prefix: string;
  upstream: string;
  /** Routes reachable without an access token (sign-in and its companions). */
  public?: boolean;
}

/**
 * Which service answers which public path. Longest prefix wins. The gateway verifies the access
 * token before forwarding (defence in depth: each service verifies it again and scopes by the
 * caller's organisation).
 */
export function routeTable(config: GatewayConfig): Route[] {
  const accessControl = config.ACCESS_CONTROL_URL;
  return [
    { prefix: '/api/v1/auth/login', upstream: accessControl, public: true },
    { prefix: '/api/v1/auth/refresh', upstream: accessControl, public: true },
    { prefix: '/api/v1/auth/logout', upstream: accessControl, public: true },
    { prefix: '/api/v1/auth/token', upstream: accessControl, public: true },
    { prefix: '/api/v1/auth/jwks.json', upstream: accessControl, public: true },
    { prefix: '/api/v1/me', upstream: accessControl },
    { prefix: '/api/v1/users', upstream: accessControl },
    { prefix: '/api/v1/organisations', upstream: accessControl },
    { prefix: '/api/v1/meter-points', upstream: config.METER_POINTS_URL },
    { prefix: '/api/v1/meter-point-statuses', upstream: config.METER_POINTS_URL },
    { prefix: '/api/v1/contacts', upstream: config.CONTACT_LOGGING_URL },
  ].sort((a, b) => b.prefix.length - a.prefix.length);
}

export function findRoute(routes: Route[], path: string): Route | undefined {
  return routes.find((route) => path === route.prefix || path.startsWith(`${route.prefix}/`));
}

/** Every distinct service behind the gateway (for readiness and the merged OpenAPI document). */
export function upstreams(routes: Route[]): string[] {
  return [...new Set(routes.map((route) => route.upstream))];
}
