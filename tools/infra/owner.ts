import fs from 'node:fs';
import { commandLine, isAlive } from './processes';

/**
 * A small JSON file beside a local server's data recording its ports and who runs it, so that
 * the next start can keep the same ports and can tell a server left behind by a crashed run
 * (stop it) from one that another live process is using (refuse).
 */
export interface ServerState {
  /** The Node process that started the server. */
  ownerPid?: number;
  /** The server process. */
  pid?: number;
  [key: string]: unknown;
}

export function readState<T extends ServerState>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

export function writeState(file: string, state: ServerState): void {
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, JSON.stringify(state, null, 2) + '\n');
  fs.renameSync(temp, file);
}

/** The pid of another live Node process that owns the server, if there is one. */
export function liveOtherOwner(state: ServerState | undefined): number | undefined {
  const owner = state?.ownerPid;
  if (!owner || owner === process.pid || !isAlive(owner)) return undefined;
  const command = commandLine(owner) ?? '';
  return /node/.test(command) ? owner : undefined;
}
