import { findRoute, routeTable } from './route-table';
import { loadGatewayConfig } from '../gateway.config';

describe('the gateway route table', () => {
  const routes = routeTable(loadGatewayConfig({}));
  const find = (path: string) => {
    const route = findRoute(routes, path);
    return route && { upstream: new URL(route.replicas.urls[0]).port, public: Boolean(route.public) };
  };

  it('sends each path to the service that owns it, on segment boundaries', () => {
    expect(find('/api/v1/contacts')).toEqual({ upstream: '8083', public: false });
    expect(find('/api/v1/contacts/C000000001')).toEqual({ upstream: '8083', public: false });
    expect(find('/api/v1/meter-points/3938424403')).toEqual({ upstream: '8082', public: false });
    expect(find('/api/v1/contactsX')).toBeUndefined();
  });

  it('needs no token only for sign-in and its companions', () => {
    expect(find('/api/v1/auth/login')?.public).toBe(true);
    expect(find('/api/v1/auth/password-reset/complete')?.public).toBe(true);
    expect(find('/api/v1/auth/password')?.public).toBe(false);
    expect(find('/api/v1/users/bwe.user/password-reset')?.public).toBe(true);
    expect(find('/api/v1/users/bwe.user')?.public).toBe(false);
    expect(find('/api/v1/users')?.public).toBe(false);
    expect(find('/api/v1/users/bwe.user/password-reset/extra')?.public).toBe(false);
  });

  it('is built from the service catalogue: patterned routes first, then the longest prefix', () => {
    // Today's services' routes, in the order they were in before the catalogue (a new service's
    // routes may fall between them).
    const todays = new Set(['8081', '8082', '8083']);
    const table = routes
      .filter((route) => todays.has(new URL(route.replicas.urls[0]).port))
      .map((route) => [
        route.prefix,
        route.pattern?.source ?? null,
        new URL(route.replicas.urls[0]).port,
        route.public ? 'public' : 'token',
        route.acceptForm ? 'form' : 'json',
      ]);
    expect(table).toEqual([
      ['/api/v1/users', '^\\/api\\/v1\\/users\\/[^/]+\\/password-reset$', '8081', 'public', 'json'],
      ['/api/v1', '^\\/api\\/v1\\/(api-clients|signing-keys)(\\/|$)', '8081', 'token', 'json'],
      ['/api/v1/auth/password-reset/complete', null, '8081', 'public', 'json'],
      ['/api/v1/meter-point-statuses', null, '8082', 'token', 'json'],
      ['/api/v1/rejected-submissions', null, '8083', 'token', 'json'],
      ['/api/v1/resolution-reasons', null, '8083', 'token', 'json'],
      ['/api/v1/auth/jwks.json', null, '8081', 'public', 'json'],
      ['/api/v1/audit/contacts', null, '8083', 'token', 'json'],
      ['/api/v1/auth/password', null, '8081', 'token', 'json'],
      ['/api/v1/organisations', null, '8081', 'token', 'json'],
      ['/api/v1/contact-types', null, '8083', 'token', 'json'],
      ['/api/v1/auth/refresh', null, '8081', 'public', 'json'],
      ['/api/v1/meter-points', null, '8082', 'token', 'json'],
      ['/api/v1/auth/logout', null, '8081', 'public', 'json'],
      ['/api/v1/auth/login', null, '8081', 'public', 'json'],
      ['/api/v1/auth/token', null, '8081', 'public', 'form'],
      ['/api/v1/contacts', null, '8083', 'token', 'json'],
      ['/api/v1/users', null, '8081', 'token', 'json'],
      ['/api/v1/audit', null, '8081', 'token', 'json'],
      ['/api/v1/me', null, '8081', 'token', 'json'],
    ]);
  });

  it("sends each service's routes to its <NAME>_URL setting", () => {
    const config = loadGatewayConfig({
      ACCESS_CONTROL_URL: 'http://access-control.internal',
      METER_POINTS_URL: 'http://meter-points.internal',
      CONTACT_LOGGING_URL: 'http://contact-logging.internal',
    });
    const upstreamOf = (path: string) => findRoute(routeTable(config), path)?.replicas.urls;
    expect(upstreamOf('/api/v1/signing-keys')).toEqual(['http://access-control.internal']);
    expect(upstreamOf('/api/v1/meter-point-statuses')).toEqual(['http://meter-points.internal']);
    expect(upstreamOf('/api/v1/contacts')).toEqual(['http://contact-logging.internal']);
  });

  it("takes each replica's URL where a service runs several, and one Replicas per service for all its routes", () => {
    const table = routeTable(loadGatewayConfig({ CONTACT_LOGGING_URL: 'http://127.0.0.1:8083,http://127.0.0.1:18083' }));
    const contacts = findRoute(table, '/api/v1/contacts')!.replicas;
    expect(contacts.urls).toEqual(['http://127.0.0.1:8083', 'http://127.0.0.1:18083']);
    expect(findRoute(table, '/api/v1/audit/contacts')!.replicas).toBe(contacts);
  });
});
