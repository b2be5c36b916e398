// Kafka without Docker: Apache Kafka's own jars (fetched once with Maven, see
// deploy/local-kafka/pom.xml) run as a single-node KRaft broker+controller child process.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '@cms/config';
import { freePorts, isPortFree } from './free-port';
import { classDataSharing } from './class-data-sharing';
import { fetchWithMaven } from './maven';
import { waitForKafka } from './kafka-ready';
import { liveOtherOwner, readState, ServerState, writeState } from './owner';
import { PARTNER_LISTENER_SETTINGS } from './partner-listener';
import {
  commandLine,
  indent,
  isRunning,
  seconds,
  signalOnExit,
  startWatchdog,
  stopChild,
  stopPid,
  tailFile,
} from './processes';
import { InfraError, KafkaBroker, ProvisionOptions } from './types';

const execFileAsync = promisify(execFile);

export const KAFKA_VERSION = '3.9.1';
const REPO_ROOT = repositoryRoot(__dirname);
const POM = path.join(REPO_ROOT, 'deploy', 'local-kafka', 'pom.xml');
const START_TIMEOUT_MS = 60_000;
const STOP_STEPS: Array<[NodeJS.Signals, number]> = [['SIGTERM', 15_000]];

const NO_KAFKA_HINT = 'or set KAFKA_BROKERS to an existing broker';

function lastLines(text: string, n: number): string {
  return text.trim().split('\n').slice(-n).join('\n');
}

/** The `java` to run: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` from PATH. */
function javaCommand(): string {
  const home = process.env['JAVA_HOME'];
  return home ? path.join(home, 'bin', 'java') : 'java';
}

export interface JavaRuntime {
  /** The command that runs it. */
  command: string;
  /** Its major version (17, 21, ...). */
  major: number;
  /** The full output of `java -version`, which identifies the exact build. */
  versionText: string;
}

/** Who needs Java, for the messages of checkJava: the program, and what else the person can do. */
export interface JavaNeed {
  program: string;
  alternative: string;
}

const KAFKA_NEEDS_JAVA: JavaNeed = { program: 'Kafka', alternative: NO_KAFKA_HINT };

/**
 * Checks for a Java 17+ runtime. Throws an InfraError that says what to install otherwise.
 */
export async function checkJava(need: JavaNeed = KAFKA_NEEDS_JAVA): Promise<JavaRuntime> {
  const java = javaCommand();
  const install =
    'install OpenJDK 17 or newer (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; ' +
    `macOS: brew install openjdk@17) ${need.alternative}`;
  let output: string;
  try {
    const result = await execFileAsync(java, ['-version'], { timeout: 30_000 });
    output = `${result.stderr}\n${result.stdout}`;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    const what =
      e.code === 'ENOENT' ? `no \`${java}\` was found` : `\`${java} -version\` failed: ${(e.stderr || e.message).trim()}`;
    throw new InfraError(`${need.program} needs a Java 17+ runtime, but ${what}: ${install}.`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output) ?? /(?:openjdk|java) (\d+)(?:\.(\d+))?/i.exec(output);
  let major = match ? Number(match[1]) : NaN;
  if (major === 1 && match?.[2]) major = Number(match[2]); // "1.8.0_392" is Java 8
  if (!(major >= 17)) {
    const found = Number.isNaN(major) ? `an unrecognised Java (${output.trim().split('\n')[0]})` : `Java ${major}`;
    throw new InfraError(`${need.program} needs a Java 17+ runtime, but ${java} is ${found}: ${install}.`);
  }
  return { command: java, major, versionText: output.trim() };
}

/**
 * The directory of Kafka's jars: `CMS_KAFKA_LIBS` when set (for example the libs/ directory of an
 * unpacked Kafka distribution), else `.cache/kafka/<version>/libs`, fetched with Maven on first use.
 */
export async function ensureKafkaJars(log: (line: string) => void): Promise<string> {
  const override = process.env['CMS_KAFKA_LIBS'];
  if (override) {
    if (!fs.existsSync(override) || !fs.readdirSync(override).some((f) => /^kafka_2\.\d+-.*\.jar$/.test(f))) {
      throw new InfraError(`CMS_KAFKA_LIBS=${override} does not contain Kafka's jars (kafka_2.13-*.jar).`);
    }
    return path.resolve(override);
  }
  return fetchWithMaven({
    name: 'kafka',
    what: `the Apache Kafka ${KAFKA_VERSION} jars`,
    size: 'about 46 MB',
    pom: POM,
    into: path.join(REPO_ROOT, '.cache', 'kafka', KAFKA_VERSION, 'libs'),
    marker: `kafka_2.13-${KAFKA_VERSION}.jar`,
    alternative: NO_KAFKA_HINT,
    log,
  });
}

interface KafkaState extends ServerState {
  port?: number;
  partnerPort?: number;
  controllerPort?: number;
  clusterId?: string;
}

/** A cluster id as `kafka-storage random-uuid` makes them: 16 random bytes, base64url. */
function newClusterId(): string {
  for (;;) {
    const id = crypto.randomBytes(16).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

const PARTNER_LISTENER_PROPERTIES = [
  '# The partner listener (partner-listener.ts): SCRAM-authenticated, ACLs enforced; the internal listeners are super users.',
  ...Object.entries(PARTNER_LISTENER_SETTINGS).map(([name, value]) => `${name}=${value}`),
].join('\n');

/** Java properties files treat backslashes as escapes. */
const propPath = (p: string) => p.replace(/\\/g, '/');

function serverProperties(opts: { port: number; partnerPort: number; controllerPort: number; logDirs: string }): string {
  const { port, partnerPort, controllerPort, logDirs } = opts;
  return `# Written by tools/infra/local-kafka.ts on every start; edits are overwritten.
# Single-node KRaft: this process is both broker and controller.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:${controllerPort}
listeners=PLAINTEXT://127.0.0.1:${port},PARTNER://127.0.0.1:${partnerPort},CONTROLLER://127.0.0.1:${controllerPort}
advertised.listeners=PLAINTEXT://127.0.0.1:${port},PARTNER://127.0.0.1:${partnerPort}
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,PARTNER:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=${propPath(logDirs)}
${PARTNER_LISTENER_PROPERTIES}

# One broker: replication factor 1 everywhere.
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
min.insync.replicas=1
# Topics are created explicitly (by the services' set-up and by tests), never by accident.
auto.create.topics.enable=false
delete.topic.enable=true

# Fast start-up and small footprint for a development machine.
group.initial.rebalance.delay.ms=0
# After a hard kill, the restarted broker cannot register until the controller has expired its
# previous session: keep that short (defaults 9 s / 2 s).
broker.session.timeout.ms=4000
broker.heartbeat.interval.ms=500
offsets.topic.num.partitions=10
transaction.state.log.num.partitions=10
num.network.threads=2
num.io.threads=4
num.recovery.threads.per.data.dir=1
background.threads=4
log.cleaner.threads=1
log.cleaner.dedupe.buffer.size=16777216
log.retention.hours=168
log.retention.check.interval.ms=300000
`;
}

function log4jProperties(brokerLog: string): string {
  return `# Written by tools/infra/local-kafka.ts: the broker logs to a file, not to our stdout.
log4j.rootLogger=INFO, file
log4j.appender.file=org.apache.log4j.RollingFileAppender
log4j.appender.file.File=${propPath(brokerLog)}
log4j.appender.file.MaxFileSize=20MB
log4j.appender.file.MaxBackupIndex=2
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka=INFO
log4j.logger.org.apache.kafka=INFO
log4j.logger.state.change.logger=WARN
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.log.LogCleaner=WARN
log4j.logger.org.apache.kafka.storage.internals.log.LogCleaner=WARN
`;
}

/**
 * The bootstrap servers of the local broker whose data is in `${dataDir}/kafka`, on the port it last
 * ran on (as its state file records, running or not); undefined if none was ever started there.
 */
export function localKafkaBrokers(dataDir: string): string[] | undefined {
  const port = readState<KafkaState>(path.join(path.resolve(dataDir), 'kafka', 'state.json'))?.port;
  return port ? [`127.0.0.1:${port}`] : undefined;
}

/** Starts (or reuses) a local single-node KRaft broker with its data in `${dataDir}/kafka`. */
export async function startLocalKafka(opts: ProvisionOptions): Promise<KafkaBroker> {
  const { log } = opts;
  const fresh = opts.fresh ?? false;
  const started = Date.now();

  const runtime = await checkJava();
  const java = runtime.command;
  const libs = await ensureKafkaJars(log);
  const cds = classDataSharing({
    dir: path.join(REPO_ROOT, '.cache', 'kafka', KAFKA_VERSION),
    name: 'broker',
    classPath: libs,
    runtime,
    disabled: process.env['CMS_KAFKA_CDS'] === '0',
  });

  const kdir = path.join(path.resolve(opts.dataDir), 'kafka');
  const stateFile = path.join(kdir, 'state.json');
  const propsFile = path.join(kdir, 'server.properties');
  const log4jFile = path.join(kdir, 'log4j.properties');
  const brokerLog = path.join(kdir, 'broker.log');
  const javaLog = path.join(kdir, 'java.log');
  const logDirs = path.join(kdir, 'data');
  fs.mkdirSync(kdir, { recursive: true });

  const previous = readState<KafkaState>(stateFile);
  const otherOwner = liveOtherOwner(previous);
  if (otherOwner) {
    throw new InfraError(
      `The Kafka data in ${kdir} is in use by another running process (pid ${otherOwner}). ` +
        'Stop that one first, or set KAFKA_BROKERS to its broker.',
    );
  }
  if (previous?.pid && isRunning(previous.pid)) {
    const command = commandLine(previous.pid) ?? '';
    if (command.includes('kafka.Kafka') && command.includes(propsFile)) {
      log(`kafka: stopping the broker left running by an earlier run (pid ${previous.pid})`);
      await stopPid(previous.pid, STOP_STEPS);
    }
  }
  if (fresh) {
    fs.rmSync(kdir, { recursive: true, force: true });
    fs.mkdirSync(kdir, { recursive: true });
  }

  const formatted = fs.existsSync(path.join(logDirs, 'meta.properties'));
  let port: number;
  let partnerPort: number;
  let controllerPort: number;
  if (
    formatted &&
    previous?.port &&
    previous.partnerPort &&
    previous.controllerPort &&
    (await isPortFree(previous.port)) &&
    (await isPortFree(previous.partnerPort)) &&
    (await isPortFree(previous.controllerPort))
  ) {
    ({ port, partnerPort, controllerPort } = previous as Required<KafkaState>);
  } else {
    [port, partnerPort, controllerPort] = (await freePorts(3)) as [number, number, number];
    if (formatted && previous?.port) {
      log(`kafka: the ports ${previous.port}/${previous.partnerPort ?? '(none)'}/${previous.controllerPort} are taken or incomplete; moving to ${port}/${partnerPort}/${controllerPort}`);
    }
  }
  const clusterId = (formatted && previous?.clusterId) || newClusterId();
  fs.writeFileSync(propsFile, serverProperties({ port, partnerPort, controllerPort, logDirs }));
  fs.writeFileSync(log4jFile, log4jProperties(brokerLog));
  const state: KafkaState = { port, partnerPort, controllerPort, clusterId };
  writeState(stateFile, state);

  const jvmBase = [
    '-Djava.awt.headless=true',
    `-Dlog4j.configuration=file:${propPath(log4jFile)}`,
    `-Dkafka.logs.dir=${propPath(kdir)}`,
    '-cp',
    path.join(libs, '*'),
  ];

  if (!formatted) {
    log(`kafka: formatting storage in ${logDirs} (cluster ${clusterId})`);
    try {
      await execFileAsync(
        java,
        ['-Xmx256m', '-XX:TieredStopAtLevel=1', ...jvmBase, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', propsFile, '--ignore-formatted'],
        { timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      throw new InfraError(
        `Formatting Kafka's storage failed (kafka.tools.StorageTool format):\n` +
          indent(lastLines(`${e.stdout ?? ''}\n${e.stderr ?? ''}`, 30) || e.message),
      );
    }
  }

  const brokers = [`127.0.0.1:${port}`];
  const partnerBrokers = [`127.0.0.1:${partnerPort}`];
  let child: ChildProcess | undefined;
  let removeExitHandler = () => {};

  const start = async () => {
    const out = fs.openSync(javaLog, 'a');
    try {
      child = spawn(
        java,
        [
          '-Xms256m',
          '-Xmx512m',
          '-XX:+UseG1GC',
          '-XX:MaxGCPauseMillis=20',
          '-XX:+ExitOnOutOfMemoryError',
          // The client compiler only: a local single-node broker never needs the server
          // compiler's peak speed, and on a two-core machine C2's compile threads took the CPU
          // the services needed during the first minutes under load.
          '-XX:TieredStopAtLevel=1',
          ...cds.options(),
          ...jvmBase,
          'kafka.Kafka',
          propsFile,
        ],
        // Its own process group: a Ctrl-C in the terminal reaches us, and we stop it in order.
        { detached: true, stdio: ['ignore', out, out] },
      );
    } finally {
      fs.closeSync(out);
    }
    const current = child;
    let spawnError: Error | undefined;
    current.on('error', (error) => (spawnError = error));
    current.unref();
    removeExitHandler = signalOnExit(current, 'SIGTERM');
    if (current.pid) startWatchdog(current.pid, 'SIGTERM', 15_000);
    writeState(stateFile, { ...state, ownerPid: process.pid, pid: current.pid });
    try {
      await waitForKafka(brokers, START_TIMEOUT_MS, () => {
        if (spawnError) return spawnError;
        if (current.exitCode !== null || current.signalCode !== null) {
          return new Error(`the broker exited (${current.exitCode ?? current.signalCode})`);
        }
        return undefined;
      });
    } catch (error) {
      await stopChild(current, STOP_STEPS);
      removeExitHandler();
      cds.afterStop();
      const javaTail = tailFile(javaLog, 10);
      throw new InfraError(
        `Kafka did not start on ${brokers[0]}: ${(error as Error).message}\n` +
          `  last lines of ${brokerLog}:\n${indent(tailFile(brokerLog, 20) || '(empty)')}` +
          (javaTail ? `\n  last lines of ${javaLog}:\n${indent(javaTail)}` : ''),
      );
    }
  };

  const stopBroker = async (hard = false) => {
    const current = child;
    child = undefined;
    if (!current) return;
    // The run that records the class-data archive writes it while exiting: give it longer.
    await stopChild(current, hard ? [] : cds.recording() ? [['SIGTERM', 45_000]] : STOP_STEPS);
    removeExitHandler();
    cds.afterStop();
  };

  log(`kafka: starting Apache Kafka ${KAFKA_VERSION} (KRaft) on ${brokers[0]} (data: ${kdir})`);
  await start();
  log(`kafka: ready on ${brokers[0]} (partner listener ${partnerBrokers[0]}) in ${seconds(started)}`);

  let stopping: Promise<void> | undefined;
  return {
    kind: 'local',
    brokers,
    partnerBrokers,
    restart: async ({ hard = false } = {}) => {
      if (stopping) throw new Error('Kafka has been stopped');
      await stopBroker(hard);
      await start();
    },
    stop: () =>
      (stopping ??= (async () => {
        await stopBroker();
        if (fresh) fs.rmSync(kdir, { recursive: true, force: true });
        else writeState(stateFile, state);
      })()),
  };
}
