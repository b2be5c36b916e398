/**
 * The rule the generator is for: a new service needs no hand edit outside its own folder and the
 * catalogue. In a copy of this repository (its working tree as it stands, node_modules linked),
 * `npm run new-service` writes a throwaway service; then, with nothing else edited, the copy
 * type-checks, the new folder and the catalogue pass ESLint, the files generated from the catalogue
 * match it, and the service starts on the test PostgreSQL and Kafka: ready, its route answering, a
 * ContactLogged published on cms.contacts.v1 consumed.
 */
import { execFile, execFileSync } from 'node:child_process';
import { createHash, randomInt } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import pino from 'pino';
import { catalogueEntries, type CatalogueEntry } from '@cms/catalogue';
import { ContactLoggedV1, createEnvelope, toKafkaHeaders, Topics } from '@cms/contracts';
import { demoOrganisation } from '@cms/demo-data';
import { KafkaAdapter } from '@cms/messaging';
import type { ServiceDefinition } from '@cms/service-defaults';
import { testDatabaseAdminUrl, testKafkaBrokers, type ServiceUnderTest, type TestTokenIssuer } from '@cms/testing';
import { nameForms } from './service-name';

const REPO_ROOT = resolve(__dirname, '../..');
const NAME = 'kit-probe';
const CATALOGUE = 'libs/catalogue/src/service-catalogue.ts';
/** What `npm run catalogue -- write` writes (tools/catalogue/generated-files.ts). */
const WRITTEN_FROM_THE_CATALOGUE = /^(docker-compose\.yml|Dockerfile|deploy\/k8s\/[^/]+)$/;

interface Outcome {
  code: number;
  output: string;
}

/** Runs a command in the copy; its exit code and everything it wrote, for the assertion to show. */
function run(copy: string, command: string, args: string[], env: Record<string, string> = {}): Promise<Outcome> {
  return new Promise((done) => {
    execFile(
      command,
      args,
      { cwd: copy, env: { ...process.env, ...env }, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => done({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
}

/** The repository's working tree (tracked and untracked files, none ignored) copied into `copy`, node_modules linked. */
function copyRepository(copy: string): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
  })
    .toString()
    .split('\0')
    .filter((file) => file && existsSync(join(REPO_ROOT, file))); // a file deleted but not yet committed is listed
  for (const file of files) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    copyFileSync(join(REPO_ROOT, file), join(copy, file));
  }
  symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules')), join(copy, 'node_modules'), 'dir');
}

/** Every file under `root` (node_modules and tool caches aside) with a hash of its content. */
function fileHashes(root: string): Map<string, string> {
  const hashes = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = relative(root, join(entry.parentPath, entry.name));
    if (!entry.isFile() || /^(node_modules|\.nx)\//.test(path)) continue;
    hashes.set(
      path,
      createHash('sha256')
        .update(readFileSync(join(root, path)))
        .digest('hex'),
    );
  }
  return hashes;
}

/** Files added, changed or removed between two snapshots. */
function changedFiles(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((path) => before.get(path) !== after.get(path)).sort();
}

describe('npm run new-service', () => {
  const node = process.execPath;
  let copy: string;
  let generated: Outcome;
  let changed: string[];
  /** The copy's type check: the slowest step, so it runs while the others do. */
  let typecheck: Promise<Outcome> | undefined;

  beforeAll(async () => {
    copy = mkdtempSync(join(tmpdir(), 'cms-new-service-'));
    copyRepository(copy);
    const before = fileHashes(copy);
    // As `npm run new-service -- kit-probe` runs it (tools/cms.sh), without cms.sh's install check.
    generated = await run(copy, node, ['-r', '@swc-node/register', 'tools/new-service/generate.ts', NAME]);
    changed = changedFiles(before, fileHashes(copy));
    typecheck = run(copy, node, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.json', '--noEmit']);
  });

  afterAll(async () => {
    await typecheck;
    if (copy) rmSync(copy, { recursive: true, force: true });
  });

  it('writes the service folder and its catalogue entry, then the files generated from the catalogue, and nothing else', () => {
    expect(generated).toMatchObject({ code: 0 });
    const outside = changed.filter((path) => !path.startsWith(`services/${NAME}/`));
    expect(outside.filter((path) => path !== CATALOGUE && !WRITTEN_FROM_THE_CATALOGUE.test(path))).toEqual([]);
    expect(outside).toEqual(expect.arrayContaining([CATALOGUE, 'docker-compose.yml', `deploy/k8s/${NAME}.yaml`]));
    expect(changed).toEqual(expect.arrayContaining([`services/${NAME}/project.json`, `services/${NAME}/src/main.ts`]));
  });

  it('passes ESLint, module boundaries included, in the new folder and the catalogue', async () => {
    const nx = await run(copy, node, ['node_modules/nx/dist/bin/nx.js', 'show', 'projects'], {
      NX_DAEMON: 'false',
      NX_NO_CLOUD: 'true',
    });
    expect(nx.output.split('\n')).toContain(NAME);

    const eslint = ['node_modules/eslint/bin/eslint.js', '--max-warnings=0', `services/${NAME}`, CATALOGUE];
    expect(await run(copy, node, eslint, { NX_DAEMON: 'false' })).toEqual({ code: 0, output: '' });
  });

  it('leaves the catalogue and the files generated from it in step (`npm run catalogue -- check`)', async () => {
    expect(await run(copy, node, ['-r', '@swc-node/register', 'tools/catalogue/generate.ts', 'check'])).toEqual({
      code: 0,
      output: 'catalogue: every generated file matches the catalogue.\n',
    });
  });

  describe('the new service, started as its own tests start it', () => {
    let issuer: TestTokenIssuer;
    let service: ServiceUnderTest;
    const originator = demoOrganisation('BWE');

    beforeAll(async () => {
      // The copy's harness and the copy's service (the libraries they import are this repository's,
      // through Jest's @cms/* mapping: the generator changes none of them).
      const testing = (await import(join(copy, 'libs/testing/src'))) as typeof import('@cms/testing');
      // The kit reads the service's port and topics from the catalogue, and this process's is the
      // repository's: add the copy's new entry to it for the start (and take it out after).
      const copyCatalogue = (await import(join(copy, 'libs/catalogue/src'))) as typeof import('@cms/catalogue');
      (catalogueEntries as CatalogueEntry[]).push(copyCatalogue.entryOf(NAME));
      const exports = (await import(join(copy, 'services', NAME, 'src/service'))) as Record<string, unknown>;
      const definition = exports[`${nameForms(NAME).camelName}Service`] as ServiceDefinition<never>;
      issuer = await testing.TestTokenIssuer.start();
      service = await testing.startServiceUnderTest(definition, { env: issuer.env() });
    });

    afterAll(async () => {
      await service?.close();
      await issuer?.stop();
      const added = (catalogueEntries as CatalogueEntry[]).findIndex((entry) => (entry.name as string) === NAME);
      if (added >= 0) (catalogueEntries as CatalogueEntry[]).splice(added, 1);
    });

    it('is ready: its database and the broker answer', async () => {
      const response = await service.fetch('/health/ready');

      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ status: 'up', checks: { database: 'up', kafka: 'up' } });
    });

    it('consumes a ContactLogged published on cms.contacts.v1 and shows the contact on its example route', async () => {
      // Far above the CRNs other tests' services number from 1 on the same topic.
      const crn = `C${randomInt(900_000_000, 1_000_000_000)}`;
      const token = await issuer.tokenFor({
        userId: 'bwe.user',
        organisationId: originator.id,
        organisationType: originator.type,
        roles: [],
      });
      const getContact = () =>
        service.fetch(`/api/v1/${NAME}/contacts/${crn}`, { headers: { authorization: `Bearer ${token}` } });
      expect((await getContact()).status).toBe(404);

      const logged: ContactLoggedV1 = {
        crn,
        contactType: 'ISO',
        mprn: '3938424403',
        status: 'LOGGED',
        requestedStatus: 'DE',
        originatorOrganisationId: originator.id,
        loggedByUserId: 'bwe.user',
        transporterOrganisationId: demoOrganisation('CAD').id,
        registeredShipperOrganisationId: originator.id,
        loggedAt: new Date().toISOString(),
        organisationIds: [originator.id, demoOrganisation('CDS').id],
      };
      const event = createEnvelope({
        type: ContactLoggedV1.type,
        source: '/cms/contact-logging',
        subject: crn,
        data: logged,
      });
      const kafka = new KafkaAdapter({
        clientId: 'new-service-test',
        brokers: testKafkaBrokers(),
        logger: pino({ level: 'silent' }),
      });
      try {
        await kafka.publish([
          { topic: Topics.contacts, key: crn, value: JSON.stringify(logged), headers: toKafkaHeaders(event) },
        ]);
      } finally {
        await kafka.disconnect();
      }

      let response = await getContact();
      for (
        const deadline = Date.now() + 20_000;
        response.status === 404 && Date.now() < deadline;
        response = await getContact()
      ) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ crn, contactType: 'ISO', mprn: '3938424403', loggedAt: logged.loggedAt });
    });
  });

  it('type-checks, the whole repository with the new service in it', async () => {
    expect(await typecheck).toEqual({ code: 0, output: '' });
  });

  // After the service above has stopped: its tests' service joins the same consumer group.
  it("passes its own tests and the catalogue's rules, run by Jest in the copy on the same PostgreSQL and Kafka", async () => {
    const jest = [
      'node_modules/jest/bin/jest.js',
      '--ci',
      // Its transform cache, keyed by the copy's paths, would never serve again: it goes with the copy.
      `--cacheDirectory=${join(copy, '.jest-cache')}`,
      `services/${NAME}`,
      'libs/catalogue',
      '--selectProjects',
      'unit',
      'integration',
    ];
    // The test harness takes a server it is given instead of starting one (tools/infra/provision.ts).
    const outcome = await run(copy, node, jest, {
      DATABASE_URL: testDatabaseAdminUrl(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
    });

    expect(outcome).toMatchObject({ code: 0 });
    expect(outcome.output).toMatch(new RegExp(`PASS integration services/${NAME}/test/${NAME}\\.int-spec\\.ts`));
    expect(outcome.output).toMatch(new RegExp(`PASS unit services/${NAME}/src/domain/logged-contact\\.spec\\.ts`));
  });
});
