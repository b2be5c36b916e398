// Who listens on a TCP port, read from Linux's /proc: to name what holds a port the stack needs, and
// to know that the process answering on a port is the one the stack started. Elsewhere (no /proc)
// these answer "cannot tell" and the callers say less.
import fs from 'node:fs';
import { commandLine } from './processes';

/** TCP state 0A in /proc/net/tcp: LISTEN (include/net/tcp_states.h). */
const LISTEN = '0A';

/**
 * The inodes of the sockets listening on `port` in one /proc/net/tcp or tcp6 table. Each row:
 * `sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode …`, the local address
 * as `<hex address>:<hex port>`.
 */
export function listeningInodes(table: string, port: number): string[] {
  const inodes: string[] = [];
  for (const row of table.split('\n').slice(1)) {
    const fields = row.trim().split(/\s+/);
    if (fields.length < 10 || fields[3] !== LISTEN) continue;
    if (Number.parseInt(fields[1].split(':')[1], 16) === port) inodes.push(fields[9]);
  }
  return inodes;
}

/** The inodes of every socket listening on `port` (IPv4 and IPv6); undefined without /proc. */
function socketsListeningOn(port: number): Set<string> | undefined {
  const tables = ['/proc/net/tcp', '/proc/net/tcp6'].filter((file) => fs.existsSync(file));
  if (tables.length === 0) return undefined;
  return new Set(tables.flatMap((file) => listeningInodes(fs.readFileSync(file, 'utf8'), port)));
}

/** The socket inodes a process holds open; undefined when its descriptors cannot be read (another user's). */
function socketsOf(pid: number): Set<string> | undefined {
  try {
    const sockets = new Set<string>();
    for (const fd of fs.readdirSync(`/proc/${pid}/fd`)) {
      try {
        const match = /^socket:\[(\d+)\]$/.exec(fs.readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (match) sockets.add(match[1]);
      } catch {
        // closed meanwhile
      }
    }
    return sockets;
  } catch {
    return undefined;
  }
}

/** Whether process `pid` listens on `port`; undefined when this system cannot tell. */
export function isListeningOn(pid: number, port: number): boolean | undefined {
  const listening = socketsListeningOn(port);
  const held = socketsOf(pid);
  if (!listening || !held) return undefined;
  return [...held].some((inode) => listening.has(inode));
}

/**
 * The processes listening on `port`, each as `pid 123 (its command line)`: empty when none of
 * those this user can see does, or when this system cannot tell.
 */
export function processesListeningOn(port: number): string[] {
  const listening = socketsListeningOn(port);
  if (!listening || listening.size === 0) return [];
  const holders: string[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    const held = socketsOf(pid);
    if (held && [...held].some((inode) => listening.has(inode))) {
      holders.push(`pid ${pid} (${commandLine(pid) || 'command line unknown'})`);
    }
  }
  return holders;
}
