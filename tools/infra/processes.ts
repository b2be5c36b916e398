import { ChildProcess, spawn } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Whether a process with this id exists (a zombie counts). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The command line of a running process, or undefined when it is gone or cannot be read. */
export function commandLine(pid: number): string | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
  } catch {
    try {
      const out = execFileSync('ps', ['-o', 'command=', '-p', String(pid)], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      });
      return out.trim() || undefined;
    } catch {
      return undefined;
    }
  }
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    // already gone
  }
}

/** Whether the process exists and is not a zombie waiting to be reaped by its (new) parent. */
export function isRunning(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/** Polls until the process is gone; true when it went within `timeoutMs`. */
export async function waitForPidExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (isRunning(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/**
 * Stops a process that is not our child (left over from an earlier run): `signals` in turn, each
 * followed by a grace period, ending with SIGKILL.
 */
export async function stopPid(
  pid: number,
  steps: Array<[NodeJS.Signals, number]>,
): Promise<void> {
  for (const [sig, graceMs] of steps) {
    if (!isRunning(pid)) return;
    signal(pid, sig);
    if (await waitForPidExit(pid, graceMs)) return;
  }
  signal(pid, 'SIGKILL');
  await waitForPidExit(pid, 5_000);
}

function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves when the child has exited (at once if it already has). */
export function childExited(child: ChildProcess): Promise<void> {
  if (hasExited(child)) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Stops our child: each signal of `steps` in turn, waiting its grace period, then SIGKILL.
 */
export async function stopChild(
  child: ChildProcess,
  steps: Array<[NodeJS.Signals, number]>,
): Promise<void> {
  const exited = childExited(child);
  for (const [sig, graceMs] of steps) {
    if (hasExited(child)) return;
    child.kill(sig);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = await Promise.race([
      exited.then(() => false),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(true), graceMs))),
    ]);
    clearTimeout(timer);
    if (!timedOut) return;
  }
  if (!hasExited(child)) child.kill('SIGKILL');
  await exited;
}

/**
 * Sends `sig` to the child when this Node process exits without having stopped it (the 'exit'
 * event only allows synchronous work, so the signal is all we can do there; the watchdog
 * escalates). Returns a function that removes the handler.
 */
export function signalOnExit(child: ChildProcess, sig: NodeJS.Signals): () => void {
  const handler = () => {
    if (!hasExited(child)) child.kill(sig);
  };
  process.on('exit', handler);
  return () => process.off('exit', handler);
}

// A tiny detached Node process that watches us: if we die without stopping the child (even by
// SIGKILL, when no 'exit' handler runs), it signals the child, then kills it after a grace period.
// It notices our death by its parent id changing, and exits on its own once the child is gone.
const WATCHDOG = `
const [parent, child, sig, grace] = process.argv.slice(1);
const alive = (p) => {
  try { process.kill(p, 0); } catch (e) { if (e.code !== 'EPERM') return false; }
  try { const s = require('fs').readFileSync('/proc/' + p + '/stat', 'utf8'); return s[s.lastIndexOf(')') + 2] !== 'Z'; } catch { return true; }
};
const kill = (s) => { try { process.kill(Number(child), s); } catch {} };
const watch = setInterval(() => {
  if (!alive(Number(child))) process.exit(0);
  if (process.ppid !== Number(parent)) {
    clearInterval(watch);
    kill(sig);
    const deadline = Date.now() + Number(grace);
    setInterval(() => {
      if (!alive(Number(child))) process.exit(0);
      if (Date.now() > deadline) { kill('SIGKILL'); process.exit(0); }
    }, 200);
  }
}, 500);
`;

export function startWatchdog(childPid: number, sig: NodeJS.Signals, graceMs: number): void {
  const watchdog = spawn(
    process.execPath,
    ['-e', WATCHDOG, String(process.pid), String(childPid), sig, String(graceMs)],
    { detached: true, stdio: 'ignore', env: {} },
  );
  watchdog.on('error', () => undefined);
  watchdog.unref();
}

/** The last `lines` lines of a text file ('' when it cannot be read). */
export function tailFile(file: string, lines: number): string {
  try {
    const stat = fs.statSync(file);
    const length = Math.min(stat.size, 64 * 1024);
    const fd = fs.openSync(file, 'r');
    try {
      const buffer = Buffer.alloc(length);
      fs.readSync(fd, buffer, 0, length, stat.size - length);
      return buffer.toString('utf8').split('\n').filter(Boolean).slice(-lines).join('\n');
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    return '';
  }
}

/** Indents a block of text for inclusion in an error message. */
export function indent(text: string, prefix = '    '): string {
  return text
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

export function seconds(sinceMs: number): string {
  return `${((Date.now() - sinceMs) / 1000).toFixed(1)} s`;
}
