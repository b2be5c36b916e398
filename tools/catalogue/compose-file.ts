/**
 * docker-compose.yml, from the service catalogue: PostgreSQL, Kafka and Jaeger as they are, then
 * every service on the root Dockerfile's image with its port, database, secrets, the addresses of
 * the services it calls, and what it waits for.
 */
import {
  callsOf,
  catalogueEntries,
  entryOf,
  gatewayEntry,
  healthPaths,
  tokenKeys,
  urlSettingOf,
  type CatalogueEntry,
} from '@cms/catalogue';
import { partnerListenerEnvironment } from '../infra/partner-listener';
import { GENERATED_NOTE } from './generated-note';
import {
  alias,
  anchored,
  commented,
  flow,
  MERGE,
  noted,
  quoted,
  renderYaml,
  section,
  type YamlValue,
} from './yaml-document';

/**
 * What compose passes for a secret unless the variable is set on the host: a published value, a
 * demo stack only. It is 32 bytes, base64, as every catalogue secret is.
 */
export const DEMO_SECRET = Buffer.from('demo-only-not-for-production-use').toString('base64');

const healthy = { condition: 'service_healthy' };

/** DEMO ONLY: the demo organisations and users (tools/demo-data), written beside the compose file by the catalogue writer. */
export const DEMO_ACCESS_SEED_FILE = 'deploy/demo/access-control-seed.json';

export function composeFile(): string {
  const gateway = gatewayEntry();
  const header = `The whole system in containers: PostgreSQL 18, a single-node Kafka 3.9.1 (KRaft), Jaeger, and the
services, built from the root Dockerfile.
  docker compose up --build        then http://localhost:${gateway.port}/api/v1 and Jaeger at http://localhost:16686
  docker compose down -v           to drop the data as well
Needs Docker Compose 2.23.1+ (inline \`configs.content\`).
${GENERATED_NOTE}`;
  // The services first, then the gateway in front of them (the order `docker compose ps` lists them in).
  const services = [...catalogueEntries.filter((entry) => entry.role === 'service'), gateway];
  const databases = catalogueEntries.flatMap((entry) => (entry.database ? [entry.database] : []));

  return renderYaml(
    {
      name: 'cms',
      'x-service': anchored('service', {
        build: '.',
        image: 'cms:local',
        init: true,
        restart: 'unless-stopped',
        stop_grace_period: commented(
          'A service given SIGTERM finishes its requests in flight before it exits (SHUTDOWN_TIMEOUT_MS, 25 s at most).',
          '30s',
        ),
        healthcheck: {
          test: [
            'CMD',
            'node',
            '-e',
            `fetch('http://127.0.0.1:' + process.env.PORT + '${healthPaths.ready}').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))`,
          ],
          interval: '10s',
          timeout: '5s',
          start_period: '60s',
          retries: 6,
        },
      }),
      'x-common-env': anchored('common-env', {
        KAFKA_BROKERS: 'kafka:9092',
        AUTH_JWKS_URL: `http://${tokenKeys.service}:${entryOf(tokenKeys.service).port}${tokenKeys.path}`,
        AUTH_ISSUER: 'urn:cms:access-control',
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318',
        LOG_LEVEL: 'info',
      }),
      'x-infra-ready': anchored('infra-ready', {
        postgres: healthy,
        kafka: healthy,
        jaeger: { condition: 'service_started' },
      }),
      services: section({
        postgres: {
          image: 'postgres:18',
          environment: { POSTGRES_USER: 'postgres', POSTGRES_PASSWORD: 'postgres', POSTGRES_DB: 'postgres' },
          configs: [
            commented('Runs once, when the data volume is first initialised: one database per service.', {
              source: 'postgres-databases',
              target: '/docker-entrypoint-initdb.d/10-cms-databases.sql',
            }),
          ],
          volumes: ['postgres-data:/var/lib/postgresql'],
          ports: [quoted('5432:5432')],
          healthcheck: {
            test: flow(['CMD-SHELL', 'pg_isready -U postgres -d postgres']),
            interval: '5s',
            timeout: '5s',
            retries: 20,
          },
        },
        kafka: section({
          image: 'apache/kafka:3.9.1',
          environment: {
            CLUSTER_ID: 'Zm9yLWNtcy1sb2NhbC0xMg',
            KAFKA_NODE_ID: 1,
            KAFKA_PROCESS_ROLES: 'broker,controller',
            KAFKA_CONTROLLER_QUORUM_VOTERS: '1@kafka:9093',
            KAFKA_LISTENERS: commented(
              'PLAINTEXT for the other containers, HOST for clients on the host (localhost:29092), PARTNER for ' +
                "transporters' systems reading their referral feed (localhost:9095; README \"The referral feed\").",
              'PLAINTEXT://:9092,CONTROLLER://:9093,HOST://:29092,PARTNER://:9095',
            ),
            KAFKA_ADVERTISED_LISTENERS: 'PLAINTEXT://kafka:9092,HOST://localhost:29092,PARTNER://localhost:9095',
            KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,HOST:PLAINTEXT,PARTNER:SASL_PLAINTEXT',
            ...Object.fromEntries(
              Object.entries(partnerListenerEnvironment()).map(([name, value], index) => [
                name,
                index === 0
                  ? commented('The partner listener: SASL/SCRAM-SHA-512 and ACLs (tools/infra/partner-listener.ts); the internal listeners are super users.', value)
                  : value,
              ]),
            ),
            KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
            KAFKA_INTER_BROKER_LISTENER_NAME: 'PLAINTEXT',
            KAFKA_LOG_DIRS: '/var/lib/kafka/data',
            KAFKA_NUM_PARTITIONS: 3,
            KAFKA_DEFAULT_REPLICATION_FACTOR: 1,
            KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: 1,
            KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 1,
            KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: 1,
            KAFKA_MIN_INSYNC_REPLICAS: 1,
            KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: 0,
            KAFKA_AUTO_CREATE_TOPICS_ENABLE: commented('The services create their topics at start.', 'false'),
            KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
          },
          volumes: ['kafka-data:/var/lib/kafka/data'],
          ports: [quoted('29092:29092'), quoted('9095:9095')],
          healthcheck: {
            test: [
              'CMD-SHELL',
              '/opt/kafka/bin/kafka-broker-api-versions.sh --bootstrap-server localhost:9092 > /dev/null 2>&1',
            ],
            interval: '10s',
            timeout: '20s',
            start_period: '30s',
            retries: 10,
          },
        }),
        jaeger: section({
          image: 'jaegertracing/all-in-one:1.65.0',
          environment: { COLLECTOR_OTLP_ENABLED: 'true' },
          ports: [
            noted('UI', quoted('16686:16686')),
            noted('OTLP over HTTP, for anything run on the host', quoted('4318:4318')),
          ],
        }),
        ...Object.fromEntries(services.map((entry) => [entry.name, section(composeService(entry))])),
        'access-control-seed': section(accessControlSeed()),
      }),
      configs: section({
        'postgres-databases': {
          content: databases.map((database) => `CREATE DATABASE ${database};\n`).join(''),
        },
        'access-control-demo-seed': { file: `./${DEMO_ACCESS_SEED_FILE}` },
      }),
      volumes: section({ 'postgres-data': {}, 'kafka-data': {} }),
    },
    header,
  );
}

function composeService(entry: CatalogueEntry): YamlValue {
  const environment: Record<string, YamlValue> = {
    [MERGE]: alias('common-env'),
    SERVICE: entry.name,
    OTEL_SERVICE_NAME: entry.name,
    PORT: entry.port,
  };
  if (entry.database) environment.DATABASE_URL = `postgres://postgres:postgres@postgres:5432/${entry.database}`;
  for (const secret of entry.secrets) {
    environment[secret.setting] = commented(
      `${secret.purpose}. A demo value: set your own (openssl rand -base64 32).`,
      `\${${secret.setting}:-${DEMO_SECRET}}`,
    );
  }
  for (const callee of callsOf(entry.name))
    environment[urlSettingOf(callee)] = `http://${callee}:${entryOf(callee).port}`;
  return {
    [MERGE]: alias('service'),
    environment,
    depends_on: dependsOn(entry),
    ports: [quoted(`${entry.port}:${entry.port}`)],
  };
}

/**
 * DEMO ONLY. A one-off container that puts the demo organisations and users into access-control's
 * database (its seed command, as `npm start` runs it), then exits: idempotent, so every `up` runs
 * it again harmlessly. Drop it outside a demo.
 */
function accessControlSeed(): YamlValue {
  const accessControl = entryOf('access-control');
  return {
    image: 'cms:local',
    build: '.',
    restart: commented('Runs once per `up`; the demo logins of the README work when it has exited 0.', quoted('no')),
    environment: { DATABASE_URL: `postgres://postgres:postgres@postgres:5432/${accessControl.database}` },
    configs: [{ source: 'access-control-demo-seed', target: '/seed/access-control-seed.json' }],
    // The image holds the build only (Dockerfile): the command's JavaScript under dist/.
    command: flow(['node', '--enable-source-maps', 'dist/services/access-control/src/seed-command.js', '/seed/access-control-seed.json']),
    depends_on: { postgres: healthy },
  };
}

/**
 * What a service waits for: a service with a database needs PostgreSQL and Kafka (the platform
 * module: its database, its outbox's broker); one without needs Kafka if it reads or writes topics;
 * each the services it calls, healthy; and Jaeger, started.
 */
function dependsOn(entry: CatalogueEntry): YamlValue {
  const callees = Object.fromEntries(callsOf(entry.name).map((callee) => [callee, healthy]));
  if (entry.database)
    return Object.keys(callees).length === 0 ? alias('infra-ready') : { [MERGE]: alias('infra-ready'), ...callees };
  const usesKafka = entry.produces.length > 0 || entry.consumes.length > 0;
  return { ...(usesKafka ? { kafka: healthy } : {}), ...callees, jaeger: { condition: 'service_started' } };
}
