/**
 * The whole CMS stack on one machine: PostgreSQL and Kafka (provisioned by tools/infra), one
 * database per service, every service as its own Node process, the gateway in front. Used by
 * `npm start`, by the end-to-end tests and by the benchmark, so that all three run the product
 * exactly as a user starts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { provisionKafka, provisionPostgres, type KafkaBroker, type Postgres } from './infra';
import { freePorts } from './infra/free-port';
import { tailFile } from './infra/processes';
import { seedAccessControl } from './demo-data/seed-access-control';
import { writeDemoExtract } from './demo-data/write-extract';

const ROOT = resolve(__dirname, '..');

export interface ServiceProcess {
  name: string;
  url: string;
  port: number;
  logFile: string;
  child: ChildProcess;
}

export interface StackOptions {
  /** Where data, logs and the demo extract live. */
  dataDir: string;
  /** Start from empty data (tests); default false keeps demo data between runs. */
  fresh?: boolean;
  /** Fixed ports (npm start) or free ones (tests, so they never collide with a running stack). */
  ports: 'default' | 'free';
  log: (line: string) => void;
  /** Extra environment for every service. */
  env?: Record<string, string>;
}

export interface Stack {
  gatewayUrl: string;
  postgres: Postgres;
  kafka: KafkaBroker;
  services: ServiceProcess[];
  databaseUrls: Record<string, string>;
  /** Sends one service SIGTERM, as an orchestrator stopping it would, and waits for it to exit: its exit code. */
  stopService(name: string): Promise<number | null>;
  /** Starts a stopped service again, on the same port with the same settings, and waits until it is ready. */
  startService(name: string): Promise<void>;
  stop(): Promise<void>;
}

const SERVICES = [
  { name: 'access-control', database: 'cms_access_control', defaultPort: 8081 },
  { name: 'meter-points', database: 'cms_meter_points', defaultPort: 8082 },
  { name: 'contact-logging', database: 'cms_contact_logging', defaultPort: 8083 },
] as const;

const GATEWAY_DEFAULT_PORT = 8080;

export async function startStack(options: StackOptions): Promise<Stack> {
  const { dataDir, log } = options;
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const [postgres, kafka] = await Promise.all([
    provisionPostgres({ dataDir, log, fresh: options.fresh }),
    provisionKafka({ dataDir, log, fresh: options.fresh }),
  ]);
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.map((service) => stopProcess(service.child)));
    await Promise.all([kafka.stop(), postgres.stop()]);
  };
  try {
    const ports =
      options.ports === 'free'
        ? await freePorts(SERVICES.length + 1)
        : [...SERVICES.map((service) => service.defaultPort), GATEWAY_DEFAULT_PORT];
    const portOf = Object.fromEntries(SERVICES.map((service, index) => [service.name, ports[index]]));
    const urlOf = (name: string) => `http://127.0.0.1:${portOf[name]}`;
    const gatewayPort = ports[SERVICES.length];

    const extract = join(dataDir, 'demo', 'meter-points.csv');
    if (!existsSync(extract)) {
      mkdirSync(join(dataDir, 'demo'), { recursive: true });
      writeDemoExtract(extract);
    }

    const databaseUrls: Record<string, string> = {};
    for (const service of SERVICES) databaseUrls[service.name] = await postgres.createDatabase(service.database);

    const common: Record<string, string> = {
      KAFKA_BROKERS: kafka.brokers.join(','),
      AUTH_JWKS_URL: `${urlOf('access-control')}/.well-known/jwks.json`,
      METER_POINTS_URL: urlOf('meter-points'),
      ACCESS_CONTROL_URL: urlOf('access-control'),
      CONTACT_LOGGING_URL: urlOf('contact-logging'),
      METER_POINT_EXTRACT: extract,
      ...options.env,
    };
    // What each service is given besides the common settings: its database, and access-control the
    // key that seals its signing keys (kept beside the data, never in the database).
    const ownSettings: Record<string, Record<string, string>> = {
      gateway: {},
      ...Object.fromEntries(SERVICES.map((service) => [service.name, { DATABASE_URL: databaseUrls[service.name] }])),
    };
    ownSettings['access-control'].SIGNING_KEY_ENCRYPTION_KEY = process.env.SIGNING_KEY_ENCRYPTION_KEY ?? signingKeyEncryptionKey(dataDir);
    // The demo organisations and users (access-control's seed command; idempotent).
    await seedAccessControl(databaseUrls['access-control'], dataDir);
    log('starting services…');
    for (const service of SERVICES) {
      services.push(spawnService(service.name, portOf[service.name], dataDir, { ...common, ...ownSettings[service.name] }));
    }
    await Promise.all(services.map((service) => waitUntilReady(service)));
    const gateway = spawnService('gateway', gatewayPort, dataDir, common);
    services.push(gateway);
    await waitUntilReady(gateway);

    const serviceNamed = (name: string) => {
      const service = services.find((candidate) => candidate.name === name);
      if (!service) throw new Error(`no service named ${name}`);
      return service;
    };
    const stopService = async (name: string) => {
      const { child } = serviceNamed(name);
      await stopProcess(child, 60_000);
      return child.exitCode;
    };
    const startService = async (name: string) => {
      const service = serviceNamed(name);
      if (service.child.exitCode === null && service.child.signalCode === null) throw new Error(`${name} is still running`);
      Object.assign(service, spawnService(name, service.port, dataDir, { ...common, ...ownSettings[name] }));
      await waitUntilReady(service);
    };
    return { gatewayUrl: gateway.url, postgres, kafka, services, databaseUrls, stopService, startService, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/** The data folder's signing-key encryption key (base64), made on first use: the keys it sealed stay readable across restarts. */
function signingKeyEncryptionKey(dataDir: string): string {
  const file = join(dataDir, 'secrets', 'signing-key-encryption.key');
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

function spawnService(name: string, port: number, dataDir: string, env: Record<string, string>): ServiceProcess {
  const logFile = join(dataDir, 'logs', `${name}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(
    process.execPath,
    ['--enable-source-maps', '-r', '@swc-node/register', join(ROOT, 'services', name, 'src', 'main.ts')],
    { cwd: ROOT, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  // If this process dies, the services must not outlive it.
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  child.once('exit', () => process.removeListener('exit', kill));
  return { name, port, url: `http://127.0.0.1:${port}`, logFile, child };
}

async function waitUntilReady(service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      throw new Error(`${service.name} exited during start-up; last log lines:\n${tailFile(service.logFile, 30)}`);
    }
    try {
      const response = await fetch(`${service.url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${service.name} was not ready within ${timeoutMs / 1000} s; last log lines:\n${tailFile(service.logFile, 30)}`);
}

async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
