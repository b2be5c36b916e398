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
    { prefix: '/api/v1/auth/token', upstream: accessControl, public: true, acceptForm: true },
    { prefix: '/api/v1/auth/jwks.json', upstream: accessControl, public: true },
    { prefix: '/api/v1/auth/password-reset/complete', upstream: accessControl, public: true },
    { prefix: '/api/v1/auth/password', upstream: accessControl },
    // The forgotten-password request: anyone may ask, the answer never says whether the user exists.
    { prefix: '/api/v1/users', pattern: /^\/api\/v1\/users\/[^/]+\/password-reset$/, upstream: accessControl, public: true },
    { prefix: '/api/v1/me', upstream: accessControl },
    { prefix: '/api/v1/users', upstream: accessControl },
    { prefix: '/api/v1/organisations', upstream: accessControl },
    { prefix: '/api/v1/audit', upstream: accessControl },
    { prefix: '/api/v1', pattern: /^\/api\/v1\/(api-clients|signing-keys)(\/|$)/, upstream: accessControl },
    { prefix: '/api/v1/meter-points', upstream: config.METER_POINTS_URL },
    { prefix: '/api/v1/meter-point-statuses', upstream: config.METER_POINTS_URL },
    { prefix: '/api/v1/contacts', upstream: config.CONTACT_LOGGING_URL },
    { prefix: '/api/v1/audit/contacts', upstream: config.CONTACT_LOGGING_URL },
  ].sort((a, b) => Number(Boolean(b.pattern)) - Number(Boolean(a.pattern)) || b.prefix.length - a.prefix.length);
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
