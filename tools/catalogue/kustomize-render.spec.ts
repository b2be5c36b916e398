import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
import { ROOT } from './generated-files';
import { configMapHash, renderKustomization, type KubernetesObject } from './kustomize-render';
import { databaseUrlSecretKey, SECRETS_NAME } from './kubernetes-manifests';

const K8S = join(ROOT, 'deploy/k8s');
const kubectlInstalled = spawnSync('kubectl', ['version', '--client'], { stdio: 'ignore' }).status === 0;
const byKindAndName = (a: KubernetesObject, b: KubernetesObject) =>
  `${a.kind}/${a.metadata.name}`.localeCompare(`${b.kind}/${b.metadata.name}`);

describe('rendering deploy/k8s without kubectl', () => {
  // On a machine with kubectl (the project's development machine); CI has none, and reports this one skipped.
  (kubectlInstalled ? it : it.skip)('gives what `kubectl kustomize deploy/k8s` gives', () => {
    const kubectl = spawnSync('kubectl', ['kustomize', K8S], { encoding: 'utf8' });
    expect(kubectl.status).toBe(0);
    const rendered = parseAllDocuments(kubectl.stdout).map((document) => document.toJSON() as KubernetesObject);
    expect(renderKustomization(K8S).sort(byKindAndName)).toEqual(rendered.sort(byKindAndName));
  });

  it("names a generated ConfigMap by kustomize's hash of its content", () => {
    // What kustomize v5.5.0 (kubectl 1.32) named a generator of the one literal A=b: x-b9t2424hkf.
    expect(configMapHash({ A: 'b' })).toBe('b9t2424hkf');
    expect(configMapHash({ A: 'c' })).not.toBe('b9t2424hkf');
  });

  it('refuses a kustomization it cannot render, rather than render it wrongly', () => {
    const folder = mkdtempSync(join(tmpdir(), 'cms-k8s-'));
    try {
      cpSync(K8S, folder, { recursive: true });
      const kustomization = readFileSync(join(folder, 'kustomization.yaml'), 'utf8');
      writeFileSync(join(folder, 'kustomization.yaml'), `${kustomization}\nnamespace: cms\n`);
      expect(() => renderKustomization(folder)).toThrow(/does not render namespace/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

/** What deploy/k8s means once rendered, against the service catalogue. */
describe('deploy/k8s, rendered', () => {
  const objects = renderKustomization(K8S);
  // Rendered objects are read through whatever their kind holds.
  const named = (kind: string, name: string): any => {
    const found = objects.filter((object) => object.kind === kind && object.metadata.name === name);
    expect(found).toHaveLength(1);
    return found[0];
  };
  const kustomization = parse(readFileSync(join(K8S, 'kustomization.yaml'), 'utf8'));
  const serviceNames = catalogueEntries.map((entry) => entry.name).sort();

  it('holds a Deployment, a Service and a PodDisruptionBudget for every service of the catalogue, and no other', () => {
    for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget']) {
      expect(
        objects
          .filter((object) => object.kind === kind)
          .map((object) => object.metadata.name)
          .sort(),
      ).toEqual(serviceNames);
    }
    expect(new Set(objects.map((object) => object.kind))).toEqual(
      new Set(['ConfigMap', 'Deployment', 'Service', 'PodDisruptionBudget']),
    );
  });

  it.each(serviceNames)('runs %s in two replicas, rolled one at a time, and keeps one through a disruption', (name) => {
    const deployment = named('Deployment', name);
    const budget = named('PodDisruptionBudget', name);
    expect(deployment.spec.replicas).toBe(2);
    expect(deployment.spec.strategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
    expect(budget.apiVersion).toBe('policy/v1');
    expect(budget.spec.minAvailable).toBe(1);
    // The budget and the Service select exactly the Deployment's pods.
    expect(budget.spec.selector).toEqual(deployment.spec.selector);
    expect(named('Service', name).spec.selector).toEqual(deployment.spec.selector.matchLabels);
    expect(deployment.spec.template.metadata.labels).toMatchObject(deployment.spec.selector.matchLabels);
  });

  it.each(serviceNames)('probes %s on its health routes, on its catalogue port', (name) => {
    const [container] = named('Deployment', name).spec.template.spec.containers;
    expect(container.ports).toEqual([{ name: 'http', containerPort: entryOf(name).port }]);
    const probe = (path: string) => ({ httpGet: { path, port: 'http' } });
    expect(container.readinessProbe).toMatchObject(probe(healthPaths.ready));
    expect(container.livenessProbe).toMatchObject(probe(healthPaths.live));
    expect(container.startupProbe).toMatchObject(probe(healthPaths.live));
    expect(named('Service', name).spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http' }]);
  });

  it.each(serviceNames)(
    'runs %s from the image, locked down, within its catalogue resources, pausing before it stops',
    (name) => {
      const pod = named('Deployment', name).spec.template.spec;
      const [container] = pod.containers;
      const [image] = kustomization.images;
      expect(container.image).toBe(`${image.newName}:${image.newTag}`);
      expect(container.env).toContainEqual({ name: 'SERVICE', value: name });
      expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 1000 });
      expect(container.securityContext).toEqual({
        allowPrivilegeEscalation: false,
        readOnlyRootFilesystem: true,
        capabilities: { drop: ['ALL'] },
      });
      const resources = resourcesOf(name);
      expect(container.resources).toEqual({
        requests: { cpu: resources.cpuRequest, memory: resources.memoryRequest },
        limits: { cpu: resources.cpuLimit, memory: resources.memoryLimit },
      });
      expect(container.lifecycle.preStop.exec.command).toEqual(['sleep', '5']);
    },
  );

  it.each(serviceNames)("leaves %s room for its V8 heap's cap within its memory limit", (name) => {
    const [container] = named('Deployment', name).spec.template.spec.containers;
    const config = named('ConfigMap', container.envFrom[0].configMapRef.name);
    const heapCap = Number(/--max-old-space-size=(\d+)/.exec(config.data.NODE_OPTIONS)![1]);
    const mebibytes = (quantity: string) => Number(/^(\d+)Mi$/.exec(quantity)![1]);
    // Beside its heap a service holds code, source maps and buffers (about 140 MiB at rest: docs/benchmarks.md).
    expect(mebibytes(container.resources.limits.memory)).toBeGreaterThanOrEqual(heapCap + 256);
    expect(mebibytes(container.resources.requests.memory)).toBeLessThanOrEqual(
      mebibytes(container.resources.limits.memory),
    );
  });

  it.each(serviceNames)(
    'gives %s the shared settings, its database URL and secrets from cms-secrets, and the addresses of the services it calls',
    (name) => {
      const entry = entryOf(name);
      const [container] = named('Deployment', name).spec.template.spec.containers;
      const [config] = container.envFrom;
      expect(named('ConfigMap', config.configMapRef.name).data).toHaveProperty('KAFKA_BROKERS');
      const env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string; key: string } } }[] =
        container.env;
      const secrets = env.filter((variable) => variable.valueFrom);
      expect(secrets.every((variable) => variable.valueFrom!.secretKeyRef.name === SECRETS_NAME)).toBe(true);
      expect(
        Object.fromEntries(secrets.map((variable) => [variable.name, variable.valueFrom!.secretKeyRef.key])),
      ).toEqual({
        ...(entry.database ? { DATABASE_URL: databaseUrlSecretKey(name) } : {}),
        ...Object.fromEntries(entry.secrets.map((secret) => [secret.setting, secret.setting])),
      });
      for (const callee of callsOf(name))
        expect(env).toContainEqual({ name: urlSettingOf(callee), value: `http://${callee}` });
    },
  );

  it('tells the operator to create every key of cms-secrets the manifests read', () => {
    const readme = readFileSync(join(K8S, 'README.md'), 'utf8');
    const keys = [
      ...catalogueEntries.flatMap((entry) => (entry.database ? [databaseUrlSecretKey(entry.name)] : [])),
      ...catalogueSecrets().map((secret) => secret.setting),
    ];
    for (const key of keys) expect(readme).toContain(`--from-literal=${key}=`);
  });
});
