import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Topics } from '@cms/contracts';
import {
  callsOf,
  gatewayRoutes,
  localUrlOf,
  routedServices,
  serviceCatalogue,
  urlSettingOf,
  type RoutedServiceName,
  type ServiceEntry,
  type UrlSetting,
} from './service-catalogue';

const SERVICES_DIR = join(__dirname, '..', '..', '..', 'services');
const entries: readonly ServiceEntry[] = serviceCatalogue;

/** The folders under services/ whose project.json says they are a service (Nx tag type:service). */
function serviceFolders(): string[] {
  return readdirSync(SERVICES_DIR, { withFileTypes: true })
    .filter((dirent) => dirent.isDirectory() && existsSync(join(SERVICES_DIR, dirent.name, 'project.json')))
    .filter((dirent) => {
      const project = JSON.parse(readFileSync(join(SERVICES_DIR, dirent.name, 'project.json'), 'utf8')) as {
        tags?: string[];
      };
      return project.tags?.includes('type:service') ?? false;
    })
    .map((dirent) => dirent.name)
    .sort();
}

function duplicates(values: readonly unknown[]): unknown[] {
  return values.filter((value, index) => values.indexOf(value) !== index);
}

describe('the service catalogue', () => {
  it('has one entry for every service folder, and a folder for every entry', () => {
    expect(entries.map((entry) => entry.name).sort()).toEqual(serviceFolders());
  });

  it('gives every service its own port and every database its own name', () => {
    expect(duplicates(entries.map((entry) => entry.name))).toEqual([]);
    expect(duplicates(entries.map((entry) => entry.port))).toEqual([]);
    expect(duplicates(entries.flatMap((entry) => (entry.database ? [entry.database] : [])))).toEqual([]);
  });

  it('has one gateway, without a database or routes of its own; every other service has a database', () => {
    const gateways = entries.filter((entry) => entry.role === 'gateway');
    expect(gateways.map((entry) => [entry.name, entry.database, entry.routes.length])).toEqual([
      ['gateway', undefined, 0],
    ]);
    for (const entry of entries.filter((candidate) => candidate.role === 'service')) {
      expect([entry.name, entry.database]).toEqual([entry.name, expect.stringMatching(/^cms_[a-z0-9_]+$/)]);
    }
  });

  it('names services as folders, settings and Kubernetes objects all accept them', () => {
    for (const entry of entries) expect(entry.name).toMatch(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/);
  });

  it('routes only paths under /api/v1, each prefix (with its pattern) once', () => {
    const routes = gatewayRoutes();
    for (const route of routes) expect(route.prefix).toMatch(/^\/api\/v1(\/[^/]+)*$/);
    expect(duplicates(routes.map((route) => `${route.prefix} ${route.pattern?.source ?? ''}`))).toEqual([]);
  });

  it('orders the routes as the gateway tries them: patterned first, then the longest prefix', () => {
    const routes = gatewayRoutes();
    const patterned = routes.filter((route) => route.pattern);
    expect(routes.slice(0, patterned.length)).toEqual(patterned);
    const plain = routes.slice(patterned.length).map((route) => route.prefix.length);
    expect(plain).toEqual([...plain].sort((a, b) => b - a));
    expect(routes.length).toBe(entries.reduce((sum, entry) => sum + entry.routes.length, 0));
  });

  it('produces and consumes only the topics in libs/contracts', () => {
    const known: string[] = Object.values(Topics);
    for (const entry of entries) {
      for (const topic of [...entry.produces, ...entry.consumes])
        expect([entry.name, topic, known.includes(topic)]).toEqual([entry.name, topic, true]);
    }
  });

  it('has one producer per topic: a topic belongs to the service that owns its aggregate', () => {
    expect(duplicates(entries.flatMap((entry) => entry.produces))).toEqual([]);
  });

  it('lets services call only other services in the catalogue', () => {
    const names = entries.map((entry) => entry.name);
    for (const entry of entries) {
      for (const callee of entry.calls)
        expect([entry.name, callee, names.includes(callee) && callee !== entry.name]).toEqual([
          entry.name,
          callee,
          true,
        ]);
    }
    expect(callsOf('contact-logging')).toEqual(['meter-points', 'access-control', 'address-lookup']);
  });

  it('puts the gateway in front of every service that has routes, and of nothing else', () => {
    expect(callsOf('gateway')).toEqual(routedServices().map((entry) => entry.name));
    expect(routedServices().map((entry) => entry.name)).toEqual(
      entries.filter((entry) => entry.routes.length > 0).map((entry) => entry.name),
    );
    expect(routedServices().map((entry) => entry.name)).toEqual(
      expect.arrayContaining(['access-control', 'meter-points', 'contact-logging']),
    );
  });

  it('names secrets as environment variables, each once per service', () => {
    for (const entry of entries) {
      for (const secret of entry.secrets) expect(secret.setting).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(duplicates(entry.secrets.map((secret) => secret.setting))).toEqual([]);
    }
    expect(entries.find((entry) => entry.name === 'access-control')?.secrets.map((secret) => secret.setting)).toEqual([
      'SIGNING_KEY_ENCRYPTION_KEY',
    ]);
  });

  it("names a service's address setting after it, and defaults it to its local port", () => {
    const setting: UrlSetting<RoutedServiceName> = urlSettingOf('contact-logging');
    expect(setting).toBe('CONTACT_LOGGING_URL');
    expect(urlSettingOf('meter-points')).toBe('METER_POINTS_URL');
    expect(urlSettingOf('access-control')).toBe('ACCESS_CONTROL_URL');
    expect(localUrlOf('meter-points')).toBe('http://127.0.0.1:8082');
  });
});
