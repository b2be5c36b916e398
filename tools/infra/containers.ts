// PostgreSQL and Kafka in Docker (or any engine testcontainers supports), for machines that
// have one. testcontainers is loaded only when this path is taken.
import { ensureDatabase, waitForPostgres } from './database';
import { waitForKafka } from './kafka-ready';
import { partnerListenerEnvironment } from './partner-listener';
import { seconds } from './processes';
import { InfraError, KafkaBroker, Postgres, ProvisionOptions } from './types';

export const POSTGRES_IMAGE = 'postgres:18';
export const KAFKA_IMAGE = 'apache/kafka:3.9.1';
const DETECT_TIMEOUT_MS = 5_000;

let detected: Promise<boolean> | undefined;

/**
 * Whether a container engine answers, within a short timeout. `CMS_USE_CONTAINERS=0` skips the
 * check (answers false); `CMS_USE_CONTAINERS=1` makes a missing engine an error instead of a
 * silent fallback. Detected once per process.
 */
export function containerRuntimeAvailable(): Promise<boolean> {
  const setting = process.env['CMS_USE_CONTAINERS'];
  if (setting === '0' || setting === 'false') return Promise.resolve(false);
  detected ??= (async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      const { getContainerRuntimeClient } = await import('testcontainers');
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${DETECT_TIMEOUT_MS / 1000} s`)), DETECT_TIMEOUT_MS);
        timer.unref();
      });
      await Promise.race([getContainerRuntimeClient(), timeout]);
      return true;
    } catch (error) {
      if (setting === '1' || setting === 'true') {
        throw new InfraError(
          `CMS_USE_CONTAINERS=1 but no container engine answers (${(error as Error).message}): start Docker, or unset CMS_USE_CONTAINERS.`,
        );
      }
      return false;
    } finally {
      clearTimeout(timer);
    }
  })();
  return detected;
}

function containerError(what: string, image: string, error: unknown): InfraError {
  return new InfraError(
    `Starting ${what} in a container (${image}) failed: ${(error as Error).message}\n` +
      '  Set CMS_USE_CONTAINERS=0 to use the local path instead, or point ' +
      (what === 'PostgreSQL' ? 'DATABASE_URL' : 'KAFKA_BROKERS') +
      ' at an existing server.',
  );
}

export async function startPostgresContainer(opts: ProvisionOptions): Promise<Postgres> {
  const started = Date.now();
  const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
  opts.log(`postgres: starting a ${POSTGRES_IMAGE} container`);
  const flags = ['-c', 'max_connections=200'];
  // A fresh container is throwaway data: skip fsync (safe against a crash of PostgreSQL itself).
  if (opts.fresh) flags.push('-c', 'fsync=off', '-c', 'full_page_writes=off');
  let container: Awaited<ReturnType<InstanceType<typeof PostgreSqlContainer>['start']>> | undefined;
  let adminUrl: string;
  try {
    container = await new PostgreSqlContainer(POSTGRES_IMAGE)
      .withUsername('postgres')
      .withPassword('postgres')
      .withDatabase('postgres')
      .withCommand(['postgres', ...flags])
      .start();
    adminUrl = `postgres://postgres:postgres@${container.getHost()}:${container.getPort()}/postgres`;
    await waitForPostgres(adminUrl, 60_000);
  } catch (error) {
    await container?.stop().catch(() => undefined);
    throw containerError('PostgreSQL', POSTGRES_IMAGE, error);
  }
  const running = container;
  opts.log(`postgres: container ready on ${running.getHost()}:${running.getPort()} in ${seconds(started)}`);
  let stopping: Promise<void> | undefined;
  return {
    kind: 'containers',
    adminUrl,
    createDatabase: (name) => ensureDatabase(adminUrl, name),
    stop: () => (stopping ??= running.stop().then(() => undefined)),
  };
}

const READY_SIGNAL = 'cms: waiting for the advertised listener';
const LISTENER_FILE = '/tmp/cms-advertised-listeners';

/**
 * apache/kafka in KRaft mode. The broker must advertise the host and port that clients outside
 * the container use, which are known only once the container runs: the container waits for a
 * file that we copy in with that address, then starts the image's own launcher.
 * (@testcontainers/kafka targets the Confluent images and does not support apache/kafka.)
 */
export async function startKafkaContainer(opts: ProvisionOptions): Promise<KafkaBroker> {
  const started = Date.now();
  const { GenericContainer, Wait } = await import('testcontainers');
  opts.log(`kafka: starting a ${KAFKA_IMAGE} container`);
  let container: Awaited<ReturnType<InstanceType<typeof GenericContainer>['start']>> | undefined;
  let brokers: string[];
  let partnerBrokers: string[];
  try {
    container = await new GenericContainer(KAFKA_IMAGE)
      .withExposedPorts(9092, 9095)
      .withEnvironment({
        CLUSTER_ID: '4L6g3nShT-eMCtK--X86sw',
        KAFKA_NODE_ID: '1',
        KAFKA_PROCESS_ROLES: 'broker,controller',
        KAFKA_LISTENERS: 'PLAINTEXT://0.0.0.0:9092,BROKER://0.0.0.0:9093,CONTROLLER://0.0.0.0:9094,PARTNER://0.0.0.0:9095',
        KAFKA_LISTENER_SECURITY_PROTOCOL_MAP: 'PLAINTEXT:PLAINTEXT,BROKER:PLAINTEXT,CONTROLLER:PLAINTEXT,PARTNER:SASL_PLAINTEXT',
        ...partnerListenerEnvironment(),
        KAFKA_INTER_BROKER_LISTENER_NAME: 'BROKER',
        KAFKA_CONTROLLER_LISTENER_NAMES: 'CONTROLLER',
        KAFKA_CONTROLLER_QUORUM_VOTERS: '1@localhost:9094',
        KAFKA_NUM_PARTITIONS: '3',
        KAFKA_DEFAULT_REPLICATION_FACTOR: '1',
        KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR: '1',
        KAFKA_OFFSETS_TOPIC_NUM_PARTITIONS: '10',
        KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: '1',
        KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: '1',
        KAFKA_MIN_INSYNC_REPLICAS: '1',
        KAFKA_GROUP_INITIAL_REBALANCE_DELAY_MS: '0',
        KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
        KAFKA_HEAP_OPTS: '-Xms256m -Xmx512m',
      })
      .withEntrypoint(['sh'])
      .withCommand([
        '-c',
        `echo '${READY_SIGNAL}'; while [ ! -s ${LISTENER_FILE} ]; do sleep 0.1; done; ` +
          `KAFKA_ADVERTISED_LISTENERS="$(cat ${LISTENER_FILE})" exec /etc/kafka/docker/run`,
      ])
      .withWaitStrategy(Wait.forLogMessage(READY_SIGNAL))
      .start();
    const address = `${container.getHost()}:${container.getMappedPort(9092)}`;
    brokers = [address];
    const partnerAddress = `${container.getHost()}:${container.getMappedPort(9095)}`;
    partnerBrokers = [partnerAddress];
    await container.copyContentToContainer([
      { content: `PLAINTEXT://${address},BROKER://localhost:9093,PARTNER://${partnerAddress}\n`, target: LISTENER_FILE },
    ]);
    await waitForKafka(brokers, 120_000);
  } catch (error) {
    await container?.stop().catch(() => undefined);
    throw containerError('Kafka', KAFKA_IMAGE, error);
  }
  const running = container;
  opts.log(`kafka: container ready on ${brokers[0]} in ${seconds(started)}`);
  let stopping: Promise<void> | undefined;
  return {
    kind: 'containers',
    brokers,
    partnerBrokers,
    stop: () => (stopping ??= running.stop().then(() => undefined)),
  };
}
