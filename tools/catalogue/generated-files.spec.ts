import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { callsOf, catalogueEntries, entryOf, healthPaths, urlSettingOf } from '@cms/catalogue';
import { DEMO_SECRET } from './compose-file';
import { drift, generatedFiles, ROOT } from './generated-files';

/** Like libs/contracts' AsyncAPI test: what is committed must be what the catalogue generates. */
describe('the files generated from the service catalogue', () => {
  it.each(generatedFiles().map((file) => [file.path, file.content]))(
    '%s is what `npm run catalogue -- write` writes',
    (path, content) => {
      expect(readFileSync(join(ROOT, path), 'utf8')).toBe(content);
    },
  );

  it('leaves no manifest in deploy/k8s for a service not in the catalogue', () => {
    expect(drift().filter((problem) => problem.problem === 'stale')).toEqual([]);
  });

  describe('the drift check', () => {
    let root: string;
    beforeEach(() => {
      root = mkdtempSync(join(tmpdir(), 'cms-catalogue-'));
      for (const path of ['Dockerfile', 'docker-compose.yml', 'deploy/k8s', 'deploy/demo'])
        cpSync(join(ROOT, path), join(root, path), { recursive: true });
    });
    afterEach(() => rmSync(root, { recursive: true, force: true }));

    it('finds nothing in an up-to-date copy', () => {
      expect(drift(root)).toEqual([]);
    });

    it('finds a hand edit, a missing manifest, and the manifest of a removed service', () => {
      writeFileSync(
        join(root, 'docker-compose.yml'),
        readFileSync(join(root, 'docker-compose.yml'), 'utf8').replace('PORT: 8082', 'PORT: 9082'),
      );
      rmSync(join(root, 'deploy/k8s/meter-points.yaml'));
      writeFileSync(join(root, 'deploy/k8s/retired-service.yaml'), 'apiVersion: v1\n');
      writeFileSync(
        join(root, 'Dockerfile'),
        readFileSync(join(root, 'Dockerfile'), 'utf8').replace(/^EXPOSE .*$/m, 'EXPOSE 8080'),
      );
      expect(drift(root)).toEqual([
        { path: 'docker-compose.yml', problem: 'differs' },
        { path: 'deploy/k8s/meter-points.yaml', problem: 'missing' },
        { path: 'Dockerfile', problem: 'differs' },
        { path: 'deploy/k8s/retired-service.yaml', problem: 'stale' },
      ]);
    });
  });
});

/** What the generated files mean, read back as YAML, against the catalogue. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true });

  it.each(catalogueEntries.map((entry) => entry.name))(
    'runs %s from the one image, on its catalogue port, health-checked',
    (name) => {
      const entry = entryOf(name);
      const service = compose.services[name];
      expect(service.image).toBe('cms:local');
      expect(service.environment).toMatchObject({ SERVICE: name, PORT: entry.port, KAFKA_BROKERS: 'kafka:9092' });
      expect(service.ports).toEqual([`${entry.port}:${entry.port}`]);
      expect(service.healthcheck.test.join(' ')).toContain(healthPaths.ready);
      expect(service.stop_grace_period).toBe('30s');
    },
  );

  it.each(catalogueEntries.map((entry) => entry.name))(
    'gives %s its database, its secrets and the addresses of the services it calls',
    (name) => {
      const entry = entryOf(name);
      const environment = compose.services[name].environment;
      if (entry.database)
        expect(environment.DATABASE_URL).toBe(`postgres://postgres:postgres@postgres:5432/${entry.database}`);
      else expect(environment.DATABASE_URL).toBeUndefined();
      for (const secret of entry.secrets)
        expect(environment[secret.setting]).toBe(`\${${secret.setting}:-${DEMO_SECRET}}`);
      for (const callee of callsOf(name)) {
        expect(environment[urlSettingOf(callee)]).toBe(`http://${callee}:${entryOf(callee).port}`);
        expect(compose.services[name].depends_on[callee]).toEqual({ condition: 'service_healthy' });
      }
    },
  );

  it('seeds the demo organisations and users once the database is up, through access-control\'s seed command and the generated demo file', () => {
    const seed = compose.services['access-control-seed'];
    expect(seed).toMatchObject({ image: 'cms:local', restart: 'no', depends_on: { postgres: { condition: 'service_healthy' } } });
    expect(seed.environment.DATABASE_URL).toMatch(/\/cms_access_control$/);
    expect(seed.configs).toEqual([{ source: 'access-control-demo-seed', target: '/seed/access-control-seed.json' }]);
    expect(seed.command).toEqual(['node', '--enable-source-maps', 'dist/services/access-control/src/seed-command.js', '/seed/access-control-seed.json']);
    // The image's build of it (tools/build/compile.ts: dist/ mirrors the sources).
    expect(existsSync(join(ROOT, 'services/access-control/src/seed-command.ts'))).toBe(true);
    expect(compose.configs['access-control-demo-seed']).toEqual({ file: './deploy/demo/access-control-seed.json' });
    const file = JSON.parse(readFileSync(join(ROOT, 'deploy/demo/access-control-seed.json'), 'utf8'));
    expect(file.users.map((user: { userId: string }) => user.userId)).toEqual(expect.arrayContaining(['bwe.user', 'cds.agent', 'pdm.lso']));
  });

  it('creates every database once, when PostgreSQL first starts', () => {
    const databases = catalogueEntries.flatMap((entry) => (entry.database ? [entry.database] : []));
    expect(compose.configs['postgres-databases'].content).toBe(
      databases.map((database) => `CREATE DATABASE ${database};\n`).join(''),
    );
  });

  it('keeps a demo secret at 32 bytes, as the services require of a real one', () => {
    expect(Buffer.from(DEMO_SECRET, 'base64')).toHaveLength(32);
  });
});
