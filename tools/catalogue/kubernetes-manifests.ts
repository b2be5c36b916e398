/**
 * deploy/k8s, from the service catalogue: per service a Deployment of two replicas (probes,
 * requests and limits, a non-root read-only pod, a preStop pause), its Service and a
 * PodDisruptionBudget that keeps one replica up through a voluntary disruption (a node drained, a
 * cluster upgrade: issue 15, no maintenance window), and the kustomization that lists them with the
 * settings every service shares.
 */
import {
  callsOf,
  catalogueEntries,
  catalogueSecrets,
  healthPaths,
  resourcesOf,
  tokenKeys,
  upperSnake,
  urlSettingOf,
  type CatalogueEntry,
} from '@cms/catalogue';
import { PARTNER_LISTENER_SETTINGS } from '../infra/partner-listener';
import { GENERATED_NOTE } from './generated-note';
import { commented, flow, quoted, renderYaml, section, type YamlValue } from './yaml-document';

/** The Secret (not created by the base, see deploy/k8s/README.md) the services' database URLs and secrets come from. */
export const SECRETS_NAME = 'cms-secrets';
/** The ConfigMap of the settings every service shares (kustomization.yaml). */
const CONFIG_NAME = 'cms-config';

/** The key of a service's database URL in cms-secrets: `meter-points` → `METER_POINTS_DATABASE_URL`. */
export function databaseUrlSecretKey(name: string): string {
  return `${upperSnake(name)}_DATABASE_URL`;
}

/** The cms-secrets keys a service's pods read: its database URL, then its secrets. */
export function secretKeysOf(entry: CatalogueEntry): string[] {
  return [
    ...(entry.database ? [databaseUrlSecretKey(entry.name)] : []),
    ...entry.secrets.map((secret) => secret.setting),
  ];
}

/** Every service runs this many replicas: one serves while the other restarts (issue 15). */
export const REPLICAS = 2;

/** deploy/k8s/<name>.yaml: the service's Deployment, its Service and its PodDisruptionBudget. */
export function kubernetesManifest(entry: CatalogueEntry): string {
  const keys = secretKeysOf(entry);
  const fromSecret = keys.length > 0 ? `;\n${keys.join(', ')} from the ${SECRETS_NAME} Secret (see README.md)` : '';
  const header = `${entry.name} (${entry.title}): Deployment + Service + PodDisruptionBudget. Settings shared by every
service come from the ${CONFIG_NAME} ConfigMap (kustomization.yaml)${fromSecret}.
${GENERATED_NOTE}`;
  const documents = [deployment(entry), service(entry), disruptionBudget(entry)];
  return documents.map((document, index) => renderYaml(document, index === 0 ? header : undefined)).join('---\n');
}

/** deploy/k8s/kustomization.yaml: every service's manifest, the image, the shared settings. */
export function kustomization(): string {
  const header = `Kustomize base for the CMS services. Kafka and PostgreSQL are not here: use managed services or
operators and point KAFKA_BROKERS and the ${SECRETS_NAME} database URLs at them (see README.md).
  kubectl kustomize deploy/k8s            render
  kubectl apply -k deploy/k8s             apply (after creating the ${SECRETS_NAME} Secret)
${GENERATED_NOTE}`;
  return renderYaml(
    {
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      labels: section([{ pairs: { 'app.kubernetes.io/part-of': 'cms' } }]),
      resources: section(catalogueEntries.map((entry) => `${entry.name}.yaml`)),
      images: section(
        [{ name: 'cms', newName: 'registry.example.com/cms', newTag: quoted('0.1.0') }],
        'Replace with the image built from the root Dockerfile (an overlay usually sets newName/newTag).',
      ),
      configMapGenerator: section(
        [
          {
            name: CONFIG_NAME,
            literals: [
              'KAFKA_BROKERS=kafka-bootstrap.kafka.svc:9092',
              // A Service listens on port 80 (service() below).
              `AUTH_JWKS_URL=http://${tokenKeys.service}${tokenKeys.path}`,
              'AUTH_ISSUER=urn:cms:access-control',
              'OTEL_EXPORTER_OTLP_ENDPOINT=http://otel-collector.observability.svc:4318',
              'LOG_LEVEL=info',
              'NODE_OPTIONS=--max-old-space-size=384',
            ],
          },
          commented(
            "Not read by the services: the broker settings of the partner listener, where transporters' systems read " +
              'their referral feed (SASL/SCRAM-SHA-512 and ACLs; tools/infra/partner-listener.ts, README.md "Kafka"). ' +
              'Apply them to your Kafka beside a listener named PARTNER of protocol SASL_SSL.',
            {
              name: 'cms-kafka-partner-listener',
              literals: Object.entries(PARTNER_LISTENER_SETTINGS).map(([name, value]) => `${name}=${value}`),
            },
          ),
        ],
        'Settings shared by every service. Overlays replace them with `behavior: merge`.',
      ),
    },
    header,
  );
}

/** What the service's Deployment, Service and budget select its pods by. */
function podSelector(entry: CatalogueEntry) {
  return { 'app.kubernetes.io/name': entry.name };
}

function labels(entry: CatalogueEntry) {
  return { ...podSelector(entry), 'app.kubernetes.io/part-of': 'cms' };
}

/** One of the service's objects: named and labelled after it. */
function serviceObject(apiVersion: string, kind: string, entry: CatalogueEntry, spec: YamlValue): YamlValue {
  return { apiVersion, kind, metadata: { name: entry.name, labels: labels(entry) }, spec };
}

function deployment(entry: CatalogueEntry): YamlValue {
  const resources = resourcesOf(entry.name);
  const probe = (path: string) => ({ httpGet: { path, port: 'http' } });
  return serviceObject('apps/v1', 'Deployment', entry, {
    replicas: REPLICAS,
    revisionHistoryLimit: 3,
    selector: { matchLabels: podSelector(entry) },
    strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    template: {
      metadata: { labels: labels(entry) },
      spec: {
        automountServiceAccountToken: false,
        terminationGracePeriodSeconds: 40,
        securityContext: {
          runAsNonRoot: true,
          runAsUser: 1000,
          runAsGroup: 1000,
          fsGroup: 1000,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        containers: [
          {
            name: entry.name,
            image: 'cms',
            imagePullPolicy: 'IfNotPresent',
            ports: [{ name: 'http', containerPort: entry.port }],
            envFrom: [{ configMapRef: { name: CONFIG_NAME } }],
            env: environment(entry),
            resources: {
              requests: { cpu: resources.cpuRequest, memory: resources.memoryRequest },
              limits: { cpu: resources.cpuLimit, memory: resources.memoryLimit },
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              readOnlyRootFilesystem: true,
              capabilities: { drop: flow(['ALL']) },
            },
            startupProbe: { ...probe(healthPaths.live), periodSeconds: 2, failureThreshold: 60 },
            readinessProbe: { ...probe(healthPaths.ready), periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 3 },
            livenessProbe: { ...probe(healthPaths.live), periodSeconds: 10, timeoutSeconds: 3, failureThreshold: 3 },
            lifecycle: {
              preStop: {
                exec: commented('Keep serving while the endpoint removal reaches every proxy, then SIGTERM.', {
                  command: flow(['sleep', '5']),
                }),
              },
            },
            volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
          },
        ],
        volumes: [{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }],
      },
    },
  });
}

/** The container's own settings: its name and port, its database URL and secrets, the services it calls. */
function environment(entry: CatalogueEntry): YamlValue[] {
  const fromSecret = (name: string, key: string) => ({
    name,
    valueFrom: { secretKeyRef: { name: SECRETS_NAME, key } },
  });
  return [
    { name: 'SERVICE', value: entry.name },
    { name: 'PORT', value: String(entry.port) },
    { name: 'OTEL_SERVICE_NAME', value: entry.name },
    ...(entry.database ? [fromSecret('DATABASE_URL', databaseUrlSecretKey(entry.name))] : []),
    ...entry.secrets.map((secret) => fromSecret(secret.setting, secret.setting)),
    // Each Service listens on port 80.
    ...callsOf(entry.name).map((callee) => ({ name: urlSettingOf(callee), value: `http://${callee}` })),
  ];
}

/**
 * At most one of the two replicas away at a time through a voluntary disruption (a drain, an
 * upgrade); with the Deployment's rolling update (maxUnavailable 0) the service is never without one.
 */
function disruptionBudget(entry: CatalogueEntry): YamlValue {
  return serviceObject('policy/v1', 'PodDisruptionBudget', entry, {
    minAvailable: 1,
    selector: { matchLabels: podSelector(entry) },
  });
}

function service(entry: CatalogueEntry): YamlValue {
  return serviceObject('v1', 'Service', entry, {
    selector: podSelector(entry),
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
  });
}

const SECRET_COMMAND = /(<!-- generated: the cms-secrets command[^\n]*-->\n)([\s\S]*?)(\n *<!-- end generated -->)/;

/**
 * deploy/k8s/README.md with its `kubectl create secret` command listing every key the manifests
 * read: each service's database URL (its own role owning its own database), then every secret.
 */
export function withSecretCommand(readme: string): string {
  if (!SECRET_COMMAND.test(readme))
    throw new Error('deploy/k8s/README.md has lost its generated cms-secrets command markers');
  const indent = '   ';
  const literals = [
    ...catalogueEntries.flatMap((entry) =>
      entry.database
        ? [
            `--from-literal=${databaseUrlSecretKey(entry.name)}='postgres://${entry.name.replaceAll('-', '_')}:…@db:5432/${entry.database}'`,
          ]
        : [],
    ),
    ...catalogueSecrets().map((secret) => `--from-literal=${secret.setting}="$(openssl rand -base64 32)"`),
  ];
  const command = [`kubectl create secret generic ${SECRETS_NAME}`, ...literals.map((literal) => `  ${literal}`)].join(
    ' \\\n' + indent,
  );
  return readme.replace(
    SECRET_COMMAND,
    (_, start: string, _old: string, end: string) =>
      `${start}${indent}\`\`\`bash\n${indent}${command}\n${indent}\`\`\`${end}`,
  );
}
