// One way of provisioning PostgreSQL and Kafka, shared by `npm start`, `npm test` and the test
// harness. For each, in order: the environment variable, a container engine, the local path.
import { containerRuntimeAvailable, startKafkaContainer, startPostgresContainer } from './containers';
import { ensureDatabase, waitForPostgres } from './database';
import { waitForKafka } from './kafka-ready';
import { startLocalKafka } from './local-kafka';
import { startLocalPostgres } from './local-postgres';
import { InfraError, KafkaBroker, Postgres, ProvisionOptions } from './types';

/** The URL with its password hidden, for log lines. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

/**
 * PostgreSQL: `DATABASE_URL` (the admin URL of an existing server; stop() does nothing), else a
 * postgres:18 container when a container engine answers (`CMS_USE_CONTAINERS=0` skips the
 * check), else the embedded server with its data in `${dataDir}/postgres`.
 */
export async function provisionPostgres(opts: ProvisionOptions): Promise<Postgres> {
  const url = process.env['DATABASE_URL']?.trim();
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new InfraError('DATABASE_URL is not a URL: expected postgres://user:password@host:port/postgres');
    }
    if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
      throw new InfraError(`DATABASE_URL must be a postgres:// URL, not ${parsed.protocol}//…`);
    }
    opts.log(`postgres: using DATABASE_URL ${redactUrl(url)}`);
    try {
      await waitForPostgres(url, 15_000);
    } catch (error) {
      throw new InfraError(
        `DATABASE_URL (${redactUrl(url)}) does not answer: ${(error as Error).message}. ` +
          'Start that server, or unset DATABASE_URL to have one started for you.',
      );
    }
    return {
      kind: 'env',
      adminUrl: url,
      createDatabase: (name) => ensureDatabase(url, name),
      stop: async () => undefined,
    };
  }
  if (await containerRuntimeAvailable()) return startPostgresContainer(opts);
  return startLocalPostgres(opts);
}

/**
 * Kafka: `KAFKA_BROKERS` (comma-separated host:port of an existing cluster; stop() does nothing),
 * else an apache/kafka:3.9.1 KRaft container when a container engine answers
 * (`CMS_USE_CONTAINERS=0` skips the check), else a local KRaft broker from Apache Kafka's jars
 * (needs Java 17+; jars fetched once with Maven) with its data in `${dataDir}/kafka`.
 */
export async function provisionKafka(opts: ProvisionOptions): Promise<KafkaBroker> {
  const list = process.env['KAFKA_BROKERS']?.trim();
  if (list) {
    const brokers = list
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    const bad = brokers.filter((b) => !/^[^\s:/]+:\d+$|^\[[0-9a-fA-F:]+\]:\d+$/.test(b));
    if (brokers.length === 0 || bad.length) {
      throw new InfraError(`KAFKA_BROKERS must be a comma-separated list of host:port, got ${JSON.stringify(list)}`);
    }
    opts.log(`kafka: using KAFKA_BROKERS ${brokers.join(',')}`);
    // The partner listener of that cluster (SASL/SCRAM), if it has one: the referral feed's tests need it.
    const partnerBrokers = (process.env['KAFKA_PARTNER_BROKERS'] ?? '')
      .split(',')
      .map((b) => b.trim())
      .filter(Boolean);
    try {
      await waitForKafka(brokers, 15_000);
    } catch (error) {
      throw new InfraError(
        `KAFKA_BROKERS (${brokers.join(',')}) does not answer: ${(error as Error).message}. ` +
          'Start that broker, or unset KAFKA_BROKERS to have one started for you.',
      );
    }
    return { kind: 'env', brokers, partnerBrokers, stop: async () => undefined };
  }
  if (await containerRuntimeAvailable()) return startKafkaContainer(opts);
  return startLocalKafka(opts);
}
