/**
 * `npm run new-service -- <name> [--title "…"]`: a new service in the kit's shape (README, "One way
 * to build a service"). It writes services/<name>/ from ./templates (a working example: contacts
 * logged, consumed from cms.contacts.v1 and shown over HTTP to the organisations involved), adds the
 * service's entry to the catalogue (the next free port, its database, its routes under
 * /api/v1/<name>), then runs `npm run catalogue -- write` for docker-compose.yml and deploy/k8s.
 * Nothing else is edited: `npm start`, the gateway, jest, tsc, ESLint and Nx find the service from
 * the catalogue and from its folder.
 * Exit status: 0 written; 64 usage or a name it may not take (nothing written); 1 any other failure.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { catalogueEntries } from '@cms/catalogue';
import { Topics } from '@cms/contracts';
import {
  catalogueEntrySource,
  databaseNameOf,
  nextFreePort,
  withCatalogueEntry,
  type NewCatalogueEntry,
} from './catalogue-entry';
import { serviceFiles } from './service-files';
import { defaultTitle, routePrefixOf, serviceNameProblems, titleProblem } from './service-name';

const ROOT = resolve(__dirname, '..', '..');
const CATALOGUE = 'libs/catalogue/src/service-catalogue.ts';
const EX_USAGE = 64;

const USAGE = `usage: npm run new-service -- <name> [--title "<title>"]

  <name>    kebab case, e.g. site-visits: its folder under services/, its catalogue entry
  --title   what the catalogue and its OpenAPI document call it (default: from the name, "Site visits")`;

function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

function fail(lines: string[], code: number): number {
  for (const line of lines) process.stderr.write(`new-service: ${line}\n`);
  return code;
}

function main(argv: string[]): number {
  let args: ReturnType<typeof parse>;
  try {
    args = parse(argv);
  } catch (error) {
    return fail([(error as Error).message, USAGE], EX_USAGE);
  }
  if (args.values.help) {
    print(USAGE);
    return 0;
  }
  if (args.positionals.length !== 1) return fail([USAGE], EX_USAGE);

  const [name] = args.positionals;
  const folders = readdirSync(join(ROOT, 'services'));
  const problems = serviceNameProblems(name, { services: catalogueEntries, folders });
  if (problems.length > 0) return fail(problems, EX_USAGE);
  const title = args.values.title ?? defaultTitle(name);
  const badTitle = titleProblem(title);
  if (badTitle) return fail([badTitle], EX_USAGE);

  const entry: NewCatalogueEntry = {
    name,
    title,
    port: nextFreePort(catalogueEntries),
    database: databaseNameOf(name),
    routePrefix: routePrefixOf(name),
  };
  const files = serviceFiles({ name, title, now: new Date() });
  for (const file of files) {
    const path = join(ROOT, 'services', name, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content, { flag: 'wx' });
  }
  print(`new-service: wrote services/${name}/ (${files.length} files)`);

  const cataloguePath = join(ROOT, CATALOGUE);
  writeFileSync(cataloguePath, withCatalogueEntry(readFileSync(cataloguePath, 'utf8'), catalogueEntrySource(entry)));
  print(
    `new-service: added ${name} to ${CATALOGUE}: port ${entry.port}, database ${entry.database}, ` +
      `routes under ${entry.routePrefix}, consumes ${Topics.contacts}`,
  );

  // In a process of its own: this one loaded the catalogue before the entry was added.
  const writer = spawnSync(process.execPath, ['-r', '@swc-node/register', 'tools/catalogue/generate.ts', 'write'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (writer.status !== 0) {
    return fail([`\`npm run catalogue -- write\` failed: run it again once the catalogue is fixed`], 1);
  }

  print(`
Next:
  node_modules/.bin/jest --selectProjects unit integration services/${name}   its tests
  npm start                                   runs it with the others, behind the gateway (${entry.routePrefix})
Its example (contacts logged, kept and shown to the organisations involved) is the shape to follow:
rename and replace it with the service's own rules, ports, adapters, routes and events.`);
  return 0;
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    options: { title: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  process.exitCode = fail([error instanceof Error ? error.message : String(error)], 1);
}
