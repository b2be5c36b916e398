// The trace viewer without Docker: Zipkin's server, its one executable jar fetched once with Maven
// (deploy/local-zipkin/pom.xml), run on the Java that runs Kafka, with its spans kept in memory.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '@cms/config';
import { classDataSharing } from './class-data-sharing';
import { checkJava, type JavaNeed, type JavaRuntime } from './local-kafka';
import { fetchWithMaven } from './maven';
import { isListeningOn } from './port-listeners';
import { indent, seconds, signalOnExit, sleep, startWatchdog, stopChild, tailFile } from './processes';
import { InfraError } from './types';

export const ZIPKIN_VERSION = '3.6.1';
/** Zipkin's own port, where `npm start` runs it (README). */
export const ZIPKIN_PORT = 9411;

const execFileAsync = promisify(execFile);
const REPO_ROOT = repositoryRoot(__dirname);
const CACHE = path.join(REPO_ROOT, '.cache', 'zipkin', ZIPKIN_VERSION);
export const ZIPKIN_POM = path.join(REPO_ROOT, 'deploy', 'local-zipkin', 'pom.xml');
const START_TIMEOUT_MS = 90_000;
/**
 * Spans kept before the oldest traces are dropped (Zipkin's MEM_MAX_SPANS; its default, 500,000,
 * outgrows the heap below). A logged contact's trace holds about 70 spans (every service that reads
 * its event included), so this keeps the last thousand-odd requests of that kind: a viewer for
 * what just happened, not an archive.
 */
const MAX_SPANS = 100_000;

const NO_ZIPKIN_HINT = 'or run without traces: OTEL_SDK_DISABLED=true';
const ZIPKIN_NEEDS_JAVA: JavaNeed = { program: 'Zipkin (the trace viewer)', alternative: NO_ZIPKIN_HINT };

export interface Zipkin {
  /** Its address: the UI at `${url}/zipkin/`, the API at `${url}/api/v2/`. */
  readonly url: string;
  /** Where services send their spans (OTEL_EXPORTER_ZIPKIN_ENDPOINT). */
  readonly spansEndpoint: string;
  /** The server's own output. */
  readonly logFile: string;
  stop(): Promise<void>;
}

/**
 * The server to run: `.cache/zipkin/<version>/extracted/zipkin-server-<version>-exec.jar`, its
 * libraries beside it in `lib/`. The exec jar is fetched with Maven on first use, then extracted
 * once (Spring Boot's `-Djarmode=tools extract`): classes read from plain jars start about a third
 * faster than from jars nested in one, and only they can go in a class-data archive.
 */
export async function ensureZipkinServer(runtime: JavaRuntime, log: (line: string) => void): Promise<string> {
  const jar = `zipkin-server-${ZIPKIN_VERSION}-exec.jar`;
  const extracted = path.join(CACHE, 'extracted');
  if (fs.existsSync(path.join(extracted, 'lib'))) return path.join(extracted, jar);
  const downloaded = await fetchWithMaven({
    name: 'zipkin',
    what: `the Zipkin ${ZIPKIN_VERSION} server`,
    size: 'about 135 MB',
    pom: ZIPKIN_POM,
    into: path.join(CACHE, 'download'),
    marker: jar,
    alternative: NO_ZIPKIN_HINT,
    log,
  });
  const temp = `${extracted}.tmp-${process.pid}`;
  fs.rmSync(temp, { recursive: true, force: true });
  try {
    await execFileAsync(runtime.command, ['-Djarmode=tools', '-jar', path.join(downloaded, jar), 'extract', '--destination', temp], { timeout: 120_000 });
  } catch (error) {
    fs.rmSync(temp, { recursive: true, force: true });
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new InfraError(`Extracting Zipkin's server (java -Djarmode=tools -jar ${jar} extract) failed:\n${indent((`${e.stdout ?? ''}\n${e.stderr ?? ''}`.trim() || e.message))}`);
  }
  // The rename is the commit; another process may have got there first.
  try {
    fs.renameSync(temp, extracted);
  } catch {
    fs.rmSync(temp, { recursive: true, force: true });
  }
  return path.join(extracted, jar);
}

/** Zipkin answers its health check, as Zipkin: `{"status": "UP", "zipkin": {…}}`. */
async function answersAsZipkin(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    if (!response.ok) return false;
    const health = (await response.json()) as { status?: string; zipkin?: unknown };
    return health.status === 'UP' && health.zipkin !== undefined;
  } catch {
    return false;
  }
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Starts Zipkin's server on 127.0.0.1:`port` (in-memory storage, its output in `logFile`) and waits
 * until it answers its health check from that port itself.
 */
export async function startLocalZipkin(opts: { port: number; logFile: string; log: (line: string) => void }): Promise<Zipkin> {
  const { port, logFile, log } = opts;
  const started = Date.now();
  const runtime = await checkJava(ZIPKIN_NEEDS_JAVA);
  const jar = await ensureZipkinServer(runtime, log);
  const cds = classDataSharing({ dir: CACHE, name: 'server', classPath: jar, runtime, disabled: false });
  const url = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });

  log(`zipkin: starting Zipkin ${ZIPKIN_VERSION} on ${url}`);
  const out = fs.openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      runtime.command,
      [
        '-Xms64m',
        '-Xmx512m',
        '-XX:+UseSerialGC',
        '-XX:+ExitOnOutOfMemoryError',
        // The client compiler only, as for the local broker: C2's compile threads would take the
        // two cores the services need while the stack starts.
        '-XX:TieredStopAtLevel=1',
        ...cds.options(),
        '-jar',
        jar,
        // Armeria serves the UI, the API and the span collector on one port: this address only.
        `--armeria.ports[0].ip=127.0.0.1`,
        `--armeria.ports[0].port=${port}`,
        '--armeria.ports[0].protocols[0]=http',
      ],
      {
        env: { ...process.env, STORAGE_TYPE: 'mem', MEM_MAX_SPANS: String(MAX_SPANS) },
        // Its own process group: a Ctrl-C in the terminal reaches us, and we stop it in order.
        detached: true,
        stdio: ['ignore', out, out],
      },
    );
  } finally {
    fs.closeSync(out);
  }
  let spawnError: Error | undefined;
  child.on('error', (error) => (spawnError = error));
  child.unref();
  const removeExitHandler = signalOnExit(child, 'SIGTERM');
  if (child.pid) startWatchdog(child.pid, 'SIGTERM', 10_000);
  const stop = async () => {
    // The run that records the class-data archive writes it while exiting: give it longer.
    await stopChild(child, [['SIGTERM', cds.recording() ? 45_000 : 10_000]]);
    removeExitHandler();
    cds.afterStop();
  };

  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const failure = spawnError?.message ?? (hasExited(child) ? `it exited (${child.exitCode ?? child.signalCode})` : undefined);
    const timedOut = Date.now() > deadline ? `not ready within ${START_TIMEOUT_MS / 1000} s` : undefined;
    if (failure || timedOut) {
      await stop();
      throw new InfraError(
        `Zipkin did not start on ${url}: ${failure ?? timedOut}\n  last lines of ${logFile}:\n${indent(tailFile(logFile, 20) || '(empty)')}`,
      );
    }
    // Ours when the server we started holds the port (or this system cannot tell).
    if ((await answersAsZipkin(url)) && !hasExited(child) && isListeningOn(child.pid!, port) !== false) break;
    await sleep(250);
  }
  log(`zipkin: ready on ${url} in ${seconds(started)}`);
  return { url, spansEndpoint: `${url}/api/v2/spans`, logFile, stop };
}
