import { loadGatewayConfig } from '../gateway.config';
import { metricsRouteOf } from './metrics-route';
import { routeTable } from './route-table';

describe("the gateway's route in its request histogram", () => {
  const routes = routeTable(loadGatewayConfig({}));

  it("is an API request's catalogue route, never its path", () => {
    expect(metricsRouteOf(routes, '/api/v1/contacts')).toBe('/api/v1/contacts/*');
    expect(metricsRouteOf(routes, '/api/v1/contacts/C000000001')).toBe('/api/v1/contacts/*');
    expect(metricsRouteOf(routes, '/api/v1/contacts/C000000001/clarifications')).toBe('/api/v1/contacts/[^/]+/clarifications');
    expect(metricsRouteOf(routes, '/api/v1/users/bwe.user/password-reset')).toBe('/api/v1/users/[^/]+/password-reset');
    expect(metricsRouteOf(routes, '/api/v1/audit/contacts')).toBe('/api/v1/audit/contacts/*');
  });

  it('names the merged API document and the web app, and nothing else', () => {
    expect(metricsRouteOf(routes, '/api/docs-json')).toBe('/api/docs-json');
    expect(metricsRouteOf(routes, '/contacts/C000000001')).toBe('/*');
    expect(metricsRouteOf(routes, '/assets/index-1a2b3c.js')).toBe('/*');
    expect(metricsRouteOf(routes, '/api/v1/no-such-thing')).toBeUndefined();
    expect(metricsRouteOf(routes, '/api/v2/contacts')).toBeUndefined();
  });
});
