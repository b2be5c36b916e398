import { findRoute, routeTable } from './route-table';
import { loadGatewayConfig } from '../gateway.config';

describe('the gateway route table', () => {
  const routes = routeTable(loadGatewayConfig({}));
  const find = (path: string) => {
    const route = findRoute(routes, path);
    return route && { upstream: new URL(route.upstream).port, public: Boolean(route.public) };
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
});
