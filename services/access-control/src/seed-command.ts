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
import { ExitStatus, runCommand, withServiceDatabase, type ServiceCommand } from '@cms/service-defaults';
import { AccessSeedRefused, readAccessSeed, type AccessSeed } from './application/access-seed';
import { insertAccessSeed } from './infrastructure/access-seed.writer';
import { accessControlEntities } from './infrastructure/entities';
import { accessControlMigrations } from './infrastructure/migrations';
import { PasswordHasher } from './infrastructure/password-hasher';

// The service's database as app.module.ts declares it: its tables, and the platform's with idempotency's.
const seedCommand = {
  name: 'access-control seed',
  database: { entities: accessControlEntities, migrations: accessControlMigrations, idempotency: true },
} satisfies ServiceCommand;

async function main(argv: string[]): Promise<number> {
  if (argv.length !== 1 || argv[0].startsWith('-')) {
    process.stderr.write('usage: seed-command.ts <seed.json>\n');
    return ExitStatus.usage;
  }
  const [path] = argv;
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    process.stderr.write(`${seedCommand.name}: ${path} cannot be read: ${(error as Error).message}\n`);
    return ExitStatus.noInput;
  }
  let seed: AccessSeed;
  try {
    seed = readAccessSeed(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) {
      process.stderr.write(`${seedCommand.name}: ${path}: it is not JSON: ${error.message}\n`);
      return ExitStatus.dataError;
    }
    if (!(error instanceof AccessSeedRefused)) throw error;
    process.stderr.write(`${seedCommand.name}: ${path}: ${error.message}\n`);
    return ExitStatus.dataError;
  }

  return withServiceDatabase(seedCommand, async (dataSource) => {
    const result = await insertAccessSeed(dataSource, await PasswordHasher.create(), seed);
    process.stdout.write(
      `${path}: ${result.organisationsAdded} of ${seed.organisations.length} organisations and ` +
        `${result.usersAdded} of ${seed.users.length} users added (the rest were present)\n`,
    );
    return ExitStatus.ok;
  });
}

runCommand(seedCommand, () => main(process.argv.slice(2)));
