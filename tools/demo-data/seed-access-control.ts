/**
 * DEMO ONLY. Puts the demo organisations and users into access-control's database: writes the demo
 * seed file and runs access-control's seed command on it (services/access-control/src/seed-command.ts),
 * which validates it, brings the schema up to date and inserts what is missing.
 *
 *   DATABASE_URL=… node_modules/.bin/node -r @swc-node/register tools/demo-data/seed-access-control.ts [dataDir]
 *
 * Default data folder `.data`; the file is `<dataDir>/demo/access-control-seed.json`.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repositoryRoot } from '@cms/config';
import { nodeArguments, type Runtime } from '../build/runtime';
import { demoOrganisations } from './organisations';
import { demoUsers } from './users';

const ROOT = repositoryRoot(__dirname);
const SEED_COMMAND = 'services/access-control/src/seed-command.ts';

/** The demo organisations and users in the seed command's file format. */
export function demoAccessSeed(): { organisations: unknown[]; users: unknown[] } {
  return { organisations: demoOrganisations(), users: demoUsers() };
}

/**
 * Writes the demo seed file into `dataDir` and runs access-control's seed command on it against
 * `databaseUrl`, from its build or its sources as the stack runs the services.
 */
export async function seedAccessControl(databaseUrl: string, dataDir: string, runtime: Runtime = 'sources'): Promise<void> {
  const file = join(dataDir, 'demo', 'access-control-seed.json');
  mkdirSync(join(dataDir, 'demo'), { recursive: true });
  writeFileSync(file, `${JSON.stringify(demoAccessSeed(), null, 2)}\n`, 'utf8');
  const child = spawn(process.execPath, [...nodeArguments(runtime, SEED_COMMAND), file], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((done, fail) => {
    child.once('error', fail);
    child.once('exit', (exitCode) => done(exitCode));
  });
  if (code !== 0) throw new Error(`access-control seed command exited with ${code}:\n${output}`);
}

if (require.main === module) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('seed-access-control: set DATABASE_URL to access-control\'s database');
    process.exit(64);
  }
  seedAccessControl(databaseUrl, resolve(process.argv[2] ?? '.data')).then(
    () => console.log('demo organisations and users present in access-control'),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
