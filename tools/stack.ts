/**
 * The whole CMS stack on one machine: PostgreSQL and Kafka (provisioned by tools/infra), one
 * database per service, every service as its own Node process, the gateway in front, and Zipkin
 * for their traces when asked. Used by `npm start`, by the end-to-end tests and by the benchmark,
 * so that all three run the product exactly as a user starts it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  callsOf,
  catalogueEntries,
  catalogueSecrets,
  entryOf,
  gatewayEntry,
  healthPaths,
  tokenKeys,
  urlSettingOf,
  type ServiceName,
} from '@cms/catalogue';
import { repositoryRoot } from '@cms/config';
import { tracingSettings } from '@cms/observability';
import { buildIfStale } from './build/build';
import { nodeArguments, type Runtime } from './build/runtime';
import {
  InfraError,
  isListeningOn,
  isPortFree,
  processesListeningOn,
  provisionKafka,
  provisionPostgres,
  startLocalZipkin,
  ZIPKIN_PORT,
  type KafkaBroker,
  type Postgres,
  type Zipkin,
} from './infra';
import { freePorts } from './infra/free-port';
import { tailFile } from './infra/processes';
import { seedAccessControl } from './demo-data/seed-access-control';
import { writeDemoExtract } from './demo-data/write-extract';
import { writeDemoPafFile } from './demo-data/write-paf-file';
import { buildWebIfStale } from './web/build-web';

const ROOT = repositoryRoot(__dirname);

export interface ServiceProcess {
  name: string;
  /** Which replica of the service (0 for the first; StackOptions.replicas). */
  replica: number;
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
  /**
   * Runs Zipkin and has every service send it its spans: `npm start` and the end-to-end tests.
   * Off by default, for the benchmark, whose figures are for services that export nothing
   * (docs/benchmarks.md, "Tracing"); tracing off (OTEL_SDK_DISABLED=true) leaves it off too.
   */
  zipkin?: boolean;
  /**
   * Processes per service, the gateway's included (default 1). With 2, the gateway balances across
   * each service's replicas and the services across each other's (README "No maintenance window"):
   * with default ports, the second replica listens on its catalogue port + REPLICA_PORT_STEP.
   */
  replicas?: number;
  /**
   * What runs the services: their build under dist/ with plain Node (`npm start` and the benchmark,
   * as in production; built first when a source is newer), or their TypeScript sources (the
   * default: the tests, with nothing to build).
   */
  runtime?: Runtime;
}

/** With default ports, replica n (from 0) of a service listens on its catalogue port + n × this. */
export const REPLICA_PORT_STEP = 100;

export interface Stack {
  /** The first gateway replica's address. */
  gatewayUrl: string;
  /** Every gateway replica's address (one unless StackOptions.replicas): a load balancer's targets. */
  gatewayUrls: string[];
  postgres: Postgres;
  kafka: KafkaBroker;
  /** The trace viewer, when StackOptions.zipkin asked for it. */
  zipkin?: Zipkin;
  services: ServiceProcess[];
  databaseUrls: Record<string, string>;
  /** Sends one service's replica (the first unless told) SIGTERM, as an orchestrator stopping it would, and waits for it to exit: its exit code. */
  stopService(name: string, replica?: number): Promise<number | null>;
  /** Starts a stopped replica of a service again, on the same port with the same settings, and waits until it is ready. */
  startService(name: string, replica?: number): Promise<void>;
  stop(): Promise<void>;
}

/** What a service is given besides its PORT, apart from what it inherits from this process. */
export interface LocalStackSettings {
  /** Each service's ports this run, one per replica. */
  ports: Record<ServiceName, number[]>;
  kafkaBrokers: string[];
  /** Each service's database URL, for the services with a database. */
  databaseUrls: Record<string, string>;
  /** The value of every catalogue secret, by setting name. */
  secrets: Record<string, string>;
  /** Demo-only settings, for every service (METER_POINT_EXTRACT, PAF_ADDRESS_FILE). */
  demo: Record<string, string>;
  /** Where every service sends its spans (OTEL_EXPORTER_ZIPKIN_ENDPOINT when Zipkin runs). */
  tracing: Record<string, string>;
  /** Extra environment for every service (StackOptions.env). */
  extra: Record<string, string>;
}

/**
 * One service's environment on this machine, from its catalogue entry: the broker, where the
 * token keys are, the address of each service it calls (`<NAME>_URL`), the demo settings, the
 * caller's extra settings, then its own database and secrets (which the extra settings do not
 * override).
 */
export function serviceEnvironment(name: ServiceName, settings: LocalStackSettings): Record<string, string> {
  const entry = entryOf(name);
  // Every replica of the callee, in turn (Replicas); the token keys from the first access-control.
  const urlOf = (service: ServiceName) => settings.ports[service].map((port) => `http://127.0.0.1:${port}`).join(',');
  const own: Record<string, string> = {};
  if (entry.database) own.DATABASE_URL = settings.databaseUrls[name];
  for (const { setting } of entry.secrets) own[setting] = settings.secrets[setting];
  return {
    KAFKA_BROKERS: settings.kafkaBrokers.join(','),
    AUTH_JWKS_URL: `http://127.0.0.1:${settings.ports[tokenKeys.service][0]}${tokenKeys.path}`,
    ...Object.fromEntries(callsOf(name).map((callee) => [urlSettingOf(callee), urlOf(callee)])),
    ...settings.demo,
    ...settings.tracing,
    ...settings.extra,
    ...own,
  };
}

export async function startStack(options: StackOptions): Promise<Stack> {
  const { dataDir, log } = options;
  // Tracing off leaves Zipkin out: nothing would send it a span.
  const runZipkin = (options.zipkin ?? false) && !tracingSettings({ ...process.env, ...options.env }).disabled;
  const replicas = options.replicas ?? 1;
  if (!Number.isInteger(replicas) || replicas < 1) throw new Error(`replicas must be a whole number from 1, got ${replicas}`);
  const replicaIndexes = [...Array(replicas).keys()];
  const free = options.ports === 'free' ? await freePorts(catalogueEntries.length * replicas + 1) : [];
  const portOf = Object.fromEntries(
    catalogueEntries.map((entry, index) => [
      entry.name,
      replicaIndexes.map((replica) => (options.ports === 'free' ? free[index * replicas + replica] : entry.port + replica * REPLICA_PORT_STEP)),
    ]),
  ) as Record<ServiceName, number[]>;
  const zipkinPort = options.ports === 'free' ? free[free.length - 1] : ZIPKIN_PORT;
  if (options.ports === 'default') {
    await refuseTakenPorts([
      ...catalogueEntries.flatMap((entry) => portOf[entry.name].map((port) => ({ name: entry.name, port, host: process.env.HOST ?? '127.0.0.1' }))),
      ...(runZipkin ? [{ name: 'zipkin', port: zipkinPort, host: '127.0.0.1' }] : []),
    ]);
  }

  // The gateway serves the web app's build (dist/web): built first when its sources are newer.
  buildWebIfStale(log);
  const runtime = options.runtime ?? 'sources';
  if (runtime === 'compiled') buildIfStale(log);
  mkdirSync(join(dataDir, 'logs'), { recursive: true });
  const { postgres, kafka, zipkin } = await provisionTogether({
    postgres: () => provisionPostgres({ dataDir, log, fresh: options.fresh }),
    kafka: () => provisionKafka({ dataDir, log, fresh: options.fresh }),
    zipkin: () => (runZipkin ? startLocalZipkin({ port: zipkinPort, logFile: join(dataDir, 'logs', 'zipkin.log'), log }) : Promise.resolve(undefined)),
  });
  const services: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all(services.map((service) => stopProcess(service.child)));
    await Promise.all([kafka.stop(), postgres.stop(), zipkin?.stop()]);
  };
  try {

    const extract = join(dataDir, 'demo', 'meter-points.csv');
    if (!existsSync(extract)) {
      mkdirSync(join(dataDir, 'demo'), { recursive: true });
      writeDemoExtract(extract);
    }
    // The demo meter points' addresses and their neighbours, for address-lookup's table.
    const pafFile = join(dataDir, 'demo', 'paf.csv');
    if (!existsSync(pafFile)) writeDemoPafFile(pafFile);

    const databaseUrls: Record<string, string> = {};
    for (const entry of catalogueEntries) {
      if (entry.database) databaseUrls[entry.name] = await postgres.createDatabase(entry.database);
    }
    // Each secret from this process's environment, else the data folder's own (kept beside the
    // data, never in the database).
    const secrets: Record<string, string> = {};
    for (const { setting } of catalogueSecrets()) {
      secrets[setting] = process.env[setting] ?? localSecret(dataDir, setting);
    }
    const settings: LocalStackSettings = {
      ports: portOf,
      kafkaBrokers: kafka.brokers,
      databaseUrls,
      secrets,
      demo: { METER_POINT_EXTRACT: extract, PAF_ADDRESS_FILE: pafFile },
      tracing: zipkin ? { OTEL_EXPORTER_ZIPKIN_ENDPOINT: zipkin.spansEndpoint } : {},
      extra: options.env ?? {},
    };
    // The demo organisations and users (access-control's seed command; idempotent).
    await seedAccessControl(databaseUrls['access-control'], dataDir, runtime);
    const start = (name: ServiceName, replica: number) =>
      spawnService(name, replica, portOf[name][replica], dataDir, serviceEnvironment(name, settings), runtime);

    // The services first, then the gateway in front of them. Replicas one after the other: the
    // first brings the schema and the demo data up to date, the others find them so.
    log(replicas === 1 ? 'starting services…' : `starting services, ${replicas} replicas each…`);
    for (const replica of replicaIndexes) {
      const started = catalogueEntries.filter((candidate) => candidate.role === 'service').map((entry) => start(entry.name, replica));
      services.push(...started);
      await Promise.all(started.map((service) => waitUntilReady(service)));
    }
    const gateways = replicaIndexes.map((replica) => start(gatewayEntry().name, replica));
    services.push(...gateways);
    await Promise.all(gateways.map((gateway) => waitUntilReady(gateway)));

    const serviceNamed = (name: string, replica: number) => {
      const service = services.find((candidate) => candidate.name === name && candidate.replica === replica);
      if (!service) throw new Error(`no replica ${replica} of a service named ${name}`);
      return service;
    };
    const stopService = async (name: string, replica = 0) => {
      const { child } = serviceNamed(name, replica);
      await stopProcess(child, 60_000);
      return child.exitCode;
    };
    const startService = async (name: string, replica = 0) => {
      const service = serviceNamed(name, replica);
      if (service.child.exitCode === null && service.child.signalCode === null) throw new Error(`${name} (replica ${replica}) is still running`);
      Object.assign(service, start(entryOf(name).name, replica));
      await waitUntilReady(service);
    };
    const gatewayUrls = gateways.map((gateway) => gateway.url);
    return { gatewayUrl: gatewayUrls[0], gatewayUrls, postgres, kafka, zipkin, services, databaseUrls, stopService, startService, stop };
  } catch (error) {
    await stop().catch(() => undefined);
    throw error;
  }
}

/**
 * Refuses to start while a port the stack will listen on is taken, before anything is started:
 * else a service that cannot listen stops the stack a moment after it said it was ready, and the
 * program on its port is taken for it meanwhile. Names what holds each port where it can tell.
 */
export async function refuseTakenPorts(wanted: { name: string; port: number; host: string }[]): Promise<void> {
  const taken: string[] = [];
  for (const { name, port, host } of wanted) {
    if (await isPortFree(port, host)) continue;
    const holders = processesListeningOn(port);
    taken.push(`  ${host}:${port} (${name}): in use by ${holders.length > 0 ? holders.join(', ') : 'a process this user cannot see'}`);
  }
  if (taken.length === 0) return;
  throw new InfraError(
    `${taken.length === 1 ? 'A port' : 'Ports'} CMS listens on ${taken.length === 1 ? 'is' : 'are'} taken, so nothing was started:\n` +
      `${taken.join('\n')}\n  Stop what holds ${taken.length === 1 ? 'it' : 'them'}, then start again.`,
  );
}

/**
 * Starts PostgreSQL, Kafka and Zipkin side by side; if one fails, stops those that started and
 * throws its error.
 */
async function provisionTogether<T extends Record<string, () => Promise<{ stop(): Promise<void> } | undefined>>>(
  starts: T,
): Promise<{ [K in keyof T]: Awaited<ReturnType<T[K]>> }> {
  const names = Object.keys(starts) as (keyof T)[];
  const results = await Promise.allSettled(names.map((name) => starts[name]()));
  const failure = results.find((result) => result.status === 'rejected');
  if (failure) {
    await Promise.all(results.map((result) => (result.status === 'fulfilled' ? result.value?.stop().catch(() => undefined) : undefined)));
    throw failure.reason;
  }
  return Object.fromEntries(names.map((name, index) => [name, (results[index] as PromiseFulfilledResult<unknown>).value])) as {
    [K in keyof T]: Awaited<ReturnType<T[K]>>;
  };
}

/**
 * The name of a secret's file under .data/secrets: the setting in kebab case with a `.key`
 * extension, a trailing `_KEY` becoming the extension (SIGNING_KEY_ENCRYPTION_KEY →
 * signing-key-encryption.key, the file `npm start` has always kept it in).
 */
export function localSecretFileName(setting: string): string {
  return `${setting.toLowerCase().replaceAll('_', '-').replace(/-key$/, '')}.key`;
}

/**
 * The data folder's value of a secret (32 random bytes, base64, as every catalogue secret is),
 * made on first use: what it sealed stays readable across restarts.
 */
function localSecret(dataDir: string, setting: string): string {
  const file = join(dataDir, 'secrets', localSecretFileName(setting));
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export function spawnService(
  name: string,
  replica: number,
  port: number,
  dataDir: string,
  env: Record<string, string>,
  runtime: Runtime,
): ServiceProcess {
  const logFile = join(dataDir, 'logs', replica === 0 ? `${name}.log` : `${name}-${replica + 1}.log`);
  const out = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, nodeArguments(runtime, `services/${name}/src/main.ts`), {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(out);
  child.stderr!.pipe(out);
  killOnExit(child);
  return { name, replica, port, url: `http://127.0.0.1:${port}`, logFile, child };
}

/** The services running now: if this process dies, they must not outlive it. */
const runningServices = new Set<ChildProcess>();

/**
 * Kills the child when this process exits, by one exit listener for every service (one each, with
 * Kafka's, PostgreSQL's and Zipkin's, would pass Node's warning threshold of ten).
 */
function killOnExit(child: ChildProcess): void {
  if (runningServices.size === 0) process.on('exit', killRunningServices);
  runningServices.add(child);
  child.once('exit', () => {
    runningServices.delete(child);
    if (runningServices.size === 0) process.removeListener('exit', killRunningServices);
  });
}

function killRunningServices(): void {
  for (const child of runningServices) child.kill('SIGKILL');
}

/**
 * Waits until the service is ready: it answers its readiness check, and the answer is its own (the
 * process started holds the port: another program on it would answer too; where this system
 * cannot tell, the process being alive has to do).
 */
export async function waitUntilReady(service: ServiceProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (service.child.exitCode !== null || service.child.signalCode !== null) {
      const holders = processesListeningOn(service.port);
      throw new Error(
        `${service.name} exited during start-up${holders.length > 0 ? ` (port ${service.port} is held by ${holders.join(', ')})` : ''}; ` +
          `last log lines:\n${tailFile(service.logFile, 30)}`,
      );
    }
    try {
      const response = await fetch(`${service.url}${healthPaths.ready}`, { signal: AbortSignal.timeout(2_000) });
      if (response.ok && service.child.pid !== undefined && isListeningOn(service.child.pid, service.port) !== false) return;
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
