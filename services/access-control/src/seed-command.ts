/**
 * Inserts organisations and users into access-control's database, without starting the service:
 * the demo and test environments' accounts (tools/demo-data writes the demo file).
 *
 *   node -r @swc-node/register services/access-control/src/seed-command.ts <seed.json>
 *
 * The file: `{ "organisations": [{ id, shortCode, name, type }], "users": [{ userId, displayName,
 * email, organisationShortCode, roles, password }] }`. It is held to the rules an administrator's
 * changes are held to (readAccessSeed) and refused whole, naming every problem, if it breaks one.
 * Reads DATABASE_URL; brings the schema up to date first. Idempotent: what exists is left alone,
 * so users keep passwords they have changed since.
 * Exit status: 0 seeded; 65 the file was refused; 64 usage; 66 the file cannot be read;
 * 78 configuration; 1 any other failure.
 */
import { readFile } from 'node:fs/promises';
import { ConfigError, loadConfig } from '@cms/config';
import { messagingMigrations } from '@cms/messaging';
import { openServiceDataSource } from '@cms/persistence';
import { idempotencyMigrations, platformSettings } from '@cms/service-defaults';
import { AccessSeedRefused, readAccessSeed, type AccessSeed } from './application/access-seed';
import { insertAccessSeed } from './infrastructure/access-seed.writer';
import { accessControlEntities } from './infrastructure/entities';
import { accessControlMigrations } from './infrastructure/migrations';
import { PasswordHasher } from './infrastructure/password-hasher';

const EX_USAGE = 64;
const EX_DATAERR = 65;
const EX_NOINPUT = 66;
const EX_CONFIG = 78;

const commandSettings = { DATABASE_URL: platformSettings.DATABASE_URL };

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    process.stderr.write('usage: seed-command.ts <seed.json>\n');
    return EX_USAGE;
  }
  const [path] = argv;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    process.stderr.write(`access-control seed: ${path} cannot be read: ${(error as Error).message}\n`);
    return EX_NOINPUT;
  }
  let seed: AccessSeed;
  try {
    seed = readAccessSeed(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) {
      process.stderr.write(`access-control seed: ${path}: it is not JSON: ${error.message}\n`);
      return EX_DATAERR;
    }
    if (!(error instanceof AccessSeedRefused)) throw error;
    const why = error.message;
    process.stderr.write(`access-control seed: ${path}: ${why}\n`);
    return EX_DATAERR;
  }
  let settings;
  try {
    settings = loadConfig(commandSettings);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`access-control seed: ${error.message}\n`);
    return EX_CONFIG;
  }

  // Same schema as the service: the platform's outbox, inbox and idempotency tables, and its own.
  const dataSource = await openServiceDataSource({
    url: settings.DATABASE_URL,
    entities: accessControlEntities,
    migrations: [...messagingMigrations, ...idempotencyMigrations, ...accessControlMigrations],
    poolSize: 2,
  });
  try {
    const result = await insertAccessSeed(dataSource, await PasswordHasher.create(), seed);
    process.stdout.write(
      `${path}: ${result.organisationsAdded} of ${seed.organisations.length} organisations and ` +
        `${result.usersAdded} of ${seed.users.length} users added (the rest were present)\n`,
    );
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`access-control seed failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
