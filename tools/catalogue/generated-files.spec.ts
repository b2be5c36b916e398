import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import {
  callsOf,
  catalogueEntries,
  catalogueSecrets,
  entryOf,
  healthPaths,
  resourcesOf,
  urlSettingOf,
} from '@cms/catalogue';
import { DEMO_SECRET } from './compose-file';
import { drift, generatedFiles, ROOT } from './generated-files';
import { databaseUrlSecretKey } from './kubernetes-manifests';

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
    expect(seed.command).toEqual(['node', '-r', '@swc-node/register', 'services/access-control/src/seed-command.ts', '/seed/access-control-seed.json']);
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

describe('deploy/k8s', () => {
  const manifest = (name: string) =>
    parseAllDocuments(readFileSync(join(ROOT, 'deploy/k8s', `${name}.yaml`), 'utf8')).map((document) =>
      document.toJSON(),
    );
  const kustomization = parse(readFileSync(join(ROOT, 'deploy/k8s/kustomization.yaml'), 'utf8'));

  it('lists every service manifest in the kustomization', () => {
    expect(kustomization.resources).toEqual(catalogueEntries.map((entry) => `${entry.name}.yaml`));
  });

  it.each(catalogueEntries.map((entry) => entry.name))(
    'runs %s locked down, probed, limited, and reachable on port 80',
    (name) => {
      const [deployment, service] = manifest(name);
      const pod = deployment.spec.template.spec;
      const [container] = pod.containers;
      expect([deployment.kind, deployment.metadata.name, service.kind, service.metadata.name]).toEqual([
        'Deployment',
        name,
        'Service',
        name,
      ]);
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      expect(container.ports).toEqual([{ name: 'http', containerPort: entryOf(name).port }]);
      expect(
        [container.startupProbe, container.readinessProbe, container.livenessProbe].map((probe) => probe.httpGet.path),
      ).toEqual([healthPaths.live, healthPaths.ready, healthPaths.live]);
      const resources = resourcesOf(name);
      expect(container.resources).toEqual({
        requests: { cpu: resources.cpuRequest, memory: resources.memoryRequest },
        limits: { cpu: resources.cpuLimit, memory: resources.memoryLimit },
      });
      expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
      expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
    },
  );

  it.each(catalogueEntries.map((entry) => entry.name))(
    'gives %s its database URL and secrets from cms-secrets, and the addresses of the services it calls',
    (name) => {
      const entry = entryOf(name);
      const [deployment] = manifest(name);
      const env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[] =
        deployment.spec.template.spec.containers[0].env;
      const fromSecret = Object.fromEntries(
        env
          .filter((variable) => variable.valueFrom)
          .map((variable) => [variable.name, variable.valueFrom!.secretKeyRef.key]),
      );
      expect(fromSecret).toEqual({
        ...(entry.database ? { DATABASE_URL: databaseUrlSecretKey(name) } : {}),
        ...Object.fromEntries(entry.secrets.map((secret) => [secret.setting, secret.setting])),
      });
      for (const callee of callsOf(name))
        expect(env).toContainEqual({ name: urlSettingOf(callee), value: `http://${callee}` });
    },
  );

  it('tells the operator to create every key of cms-secrets the manifests read', () => {
    const readme = readFileSync(join(ROOT, 'deploy/k8s/README.md'), 'utf8');
    const keys = [
      ...catalogueEntries.flatMap((entry) => (entry.database ? [databaseUrlSecretKey(entry.name)] : [])),
      ...catalogueSecrets().map((secret) => secret.setting),
    ];
    for (const key of keys) expect(readme).toContain(`--from-literal=${key}=`);
  });
});
