import { findRoute, routeTable } from '../src/proxy/route-table';
import { loadGatewayConfig } from '../src/gateway.config';

describe('the gateway routes for the audit', () => {
  const config = loadGatewayConfig({});
  const routes = routeTable(config);
  const upstreamOf = (path: string) => findRoute(routes, path)?.replicas.urls;

  it('sends the contact audit to contact-logging and the administrative audit to access-control', () => {
    expect(upstreamOf('/api/v1/audit/contacts')).toEqual(config.CONTACT_LOGGING_URL);
    expect(upstreamOf('/api/v1/audit')).toEqual(config.ACCESS_CONTROL_URL);
    expect(findRoute(routes, '/api/v1/audit')?.public).toBeFalsy();
    expect(findRoute(routes, '/api/v1/audit/contacts')?.public).toBeFalsy();
    expect(upstreamOf('/api/v1/auditX')).toBeUndefined();
  });
});
