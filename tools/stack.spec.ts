import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueEntries, catalogueSecrets, gatewayEntry, routedServices, urlSettingOf, type ServiceName } from '@cms/catalogue';
import { InfraError } from './infra';
import { localSecretFileName, refuseTakenPorts, serviceEnvironment, startStack, type LocalStackSettings } from './stack';

/** One run's inputs, as startStack gathers them. */
const settings: LocalStackSettings = {
  // Each service on its catalogue port + 10000 (gateway 18080, access-control 18081, …).
  ports: Object.fromEntries(catalogueEntries.map((entry) => [entry.name, [entry.port + 10_000]])) as Record<
    ServiceName,
    number[]
  >,
  kafkaBrokers: ['127.0.0.1:19092', '127.0.0.1:19093'],
  databaseUrls: Object.fromEntries(
    catalogueEntries.flatMap((entry) =>
      entry.database ? [[entry.name, `postgres://cms@127.0.0.1:15432/${entry.database}`]] : [],
    ),
  ),
  secrets: Object.fromEntries(catalogueSecrets().map((secret) => [secret.setting, `secret ${secret.setting}`])),
  demo: { METER_POINT_EXTRACT: '/data/demo/meter-points.csv' },
  tracing: {},
  extra: { SMTP_URL: 'smtp://127.0.0.1:2525' },
};

const common = {
  KAFKA_BROKERS: '127.0.0.1:19092,127.0.0.1:19093',
  AUTH_JWKS_URL: 'http://127.0.0.1:18081/.well-known/jwks.json',
  METER_POINT_EXTRACT: '/data/demo/meter-points.csv',
  SMTP_URL: 'smtp://127.0.0.1:2525',
};

/**
 * The environment tools/stack.ts gave each service before the catalogue (its hand-written
 * SERVICES list and settings), less the addresses of services it does not call: before, every
 * service was given ACCESS_CONTROL_URL, METER_POINTS_URL and CONTACT_LOGGING_URL; now each is
 * given those of the services it calls (the gateway: all three; contact-logging: meter-points, and
 * since supervisors give contacts to their colleagues, access-control), as compose and Kubernetes
 * always did.
 */
const expected: Record<string, Record<string, string>> = {
  'access-control': {
    ...common,
    DATABASE_URL: 'postgres://cms@127.0.0.1:15432/cms_access_control',
    SIGNING_KEY_ENCRYPTION_KEY: 'secret SIGNING_KEY_ENCRYPTION_KEY',
  },
  'meter-points': { ...common, DATABASE_URL: 'postgres://cms@127.0.0.1:15432/cms_meter_points' },
  'contact-logging': {
    ...common,
    METER_POINTS_URL: 'http://127.0.0.1:18082',
    ACCESS_CONTROL_URL: 'http://127.0.0.1:18081',
    DATABASE_URL: 'postgres://cms@127.0.0.1:15432/cms_contact_logging',
  },
  gateway: {
    ...common,
    ACCESS_CONTROL_URL: 'http://127.0.0.1:18081',
    METER_POINTS_URL: 'http://127.0.0.1:18082',
    CONTACT_LOGGING_URL: 'http://127.0.0.1:18083',
  },
};

/** The addresses of services added since (the gateway calls every service with routes). */
const addedSince: string[] = catalogueEntries
  .filter((entry) => !(entry.name in expected))
  .map((entry) => urlSettingOf(entry.name));
const withoutAddedServices = (environment: Record<string, string>) =>
  Object.fromEntries(Object.entries(environment).filter(([setting]) => !addedSince.includes(setting)));

describe('the local stack', () => {
  it.each(Object.keys(expected) as ServiceName[])(
    'gives %s the environment it had before the catalogue, but the addresses it never reads',
    (name) => {
      expect(withoutAddedServices(serviceEnvironment(name, settings))).toEqual(expected[name]);
    },
  );

  it('gives the gateway the address of every service with routes', () => {
    const addresses = routedServices().map((entry) => [
      urlSettingOf(entry.name),
      `http://127.0.0.1:${entry.port + 10_000}`,
    ]);
    expect(addresses.length).toBeGreaterThanOrEqual(3);
    expect(serviceEnvironment('gateway', settings)).toMatchObject(Object.fromEntries(addresses));
  });

  it("gives a caller every replica of each service it calls, and the first access-control's token keys", () => {
    const twoEach = Object.fromEntries(catalogueEntries.map((entry) => [entry.name, [entry.port + 10_000, entry.port + 10_100]])) as Record<ServiceName, number[]>;
    const environment = serviceEnvironment('contact-logging', { ...settings, ports: twoEach });
    expect(environment.METER_POINTS_URL).toBe('http://127.0.0.1:18082,http://127.0.0.1:18182');
    expect(environment.AUTH_JWKS_URL).toBe('http://127.0.0.1:18081/.well-known/jwks.json');
  });

  it("lets the caller's extra settings override the shared ones, never a service's database or secrets", () => {
    const extra = {
      METER_POINTS_URL: 'http://elsewhere:1',
      DATABASE_URL: 'postgres://wrong/db',
      SIGNING_KEY_ENCRYPTION_KEY: 'wrong',
      METER_POINT_EXTRACT: '/elsewhere/extract.csv',
    };
    const accessControl = serviceEnvironment('access-control', { ...settings, extra });
    expect(accessControl.DATABASE_URL).toBe('postgres://cms@127.0.0.1:15432/cms_access_control');
    expect(accessControl.SIGNING_KEY_ENCRYPTION_KEY).toBe('secret SIGNING_KEY_ENCRYPTION_KEY');
    expect(accessControl.METER_POINT_EXTRACT).toBe('/elsewhere/extract.csv');
    expect(serviceEnvironment('contact-logging', { ...settings, extra }).METER_POINTS_URL).toBe('http://elsewhere:1');
    expect(serviceEnvironment('gateway', { ...settings, extra }).DATABASE_URL).toBe('postgres://wrong/db');
  });

  it('keeps each secret in the file npm start has always used for it', () => {
    expect(localSecretFileName('SIGNING_KEY_ENCRYPTION_KEY')).toBe('signing-key-encryption.key');
    expect(localSecretFileName('WEBHOOK_SIGNING_SECRET')).toBe('webhook-signing-secret.key');
  });
});

describe('the local stack with Zipkin', () => {
  const tracing = { OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://127.0.0.1:19411/api/v2/spans' };

  it('has every service send its spans to it', () => {
    for (const entry of catalogueEntries) {
      expect(serviceEnvironment(entry.name, { ...settings, tracing })).toMatchObject(tracing);
    }
  });

  it("lets the caller's extra settings override where spans go", () => {
    const extra = { OTEL_EXPORTER_ZIPKIN_ENDPOINT: 'http://elsewhere:9411/api/v2/spans' };
    expect(serviceEnvironment('gateway', { ...settings, tracing, extra }).OTEL_EXPORTER_ZIPKIN_ENDPOINT).toBe('http://elsewhere:9411/api/v2/spans');
  });
});

describe('npm start on a machine where another program holds a port', () => {
  const listen = (port: number) =>
    new Promise<Server>((resolve, reject) => {
      const server = createServer();
      server.once('error', reject);
      server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
    });
  const close = (server: Server) => new Promise((resolve) => server.close(resolve));

  it("refuses before starting anything, naming the port, the service and what holds it, when it is the gateway's", async () => {
    const gatewayPort = gatewayEntry().port;
    const other = await listen(gatewayPort);
    const dataDir = mkdtempSync(join(tmpdir(), 'cms-stack-spec-'));
    const progress: string[] = [];
    try {
      const starting = startStack({ dataDir, ports: 'default', zipkin: true, log: (line) => progress.push(line) });

      await expect(starting).rejects.toThrow(InfraError);
      await expect(starting).rejects.toThrow(
        new RegExp(`127\\.0\\.0\\.1:${gatewayPort} \\(gateway\\): in use by pid ${process.pid} \\(.*node.*\\)`),
      );
      // Nothing provisioned, nothing written: not even the data folder's logs.
      expect(progress).toEqual([]);
      expect(readdirSync(dataDir)).toEqual([]);
    } finally {
      await close(other);
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('names every port that is taken at once', async () => {
    const [first, second] = await Promise.all([listen(0), listen(0)]);
    const portOf = (server: Server) => (server.address() as { port: number }).port;
    try {
      const refusal = refuseTakenPorts([
        { name: 'gateway', port: portOf(first), host: '127.0.0.1' },
        { name: 'zipkin', port: portOf(second), host: '127.0.0.1' },
      ]);

      await expect(refusal).rejects.toThrow(`127.0.0.1:${portOf(first)} (gateway): in use by pid ${process.pid}`);
      await expect(refusal).rejects.toThrow(`127.0.0.1:${portOf(second)} (zipkin): in use by pid ${process.pid}`);
    } finally {
      await Promise.all([close(first), close(second)]);
    }
  });
});
