// For use inside integration tests: the PostgreSQL server and Kafka cluster that
// jest-global-setup.ts provisioned (or that DATABASE_URL / KAFKA_BROKERS named), and helpers to
// give each test its own database and topics so that test files can run in parallel.
import crypto from 'node:crypto';
import { ensureDatabase } from '@cms/persistence';

/** Set by jest-global-setup.ts: the admin URL of the test PostgreSQL server. */
export const TEST_DATABASE_ADMIN_URL = 'TEST_DATABASE_ADMIN_URL';
/** Set by jest-global-setup.ts: the test Kafka bootstrap servers, comma-separated. */
export const TEST_KAFKA_BROKERS = 'TEST_KAFKA_BROKERS';
/** Set by jest-global-setup.ts: the bootstrap servers of its partner listener (SASL/SCRAM, ACLs), comma-separated. */
export const TEST_KAFKA_PARTNER_BROKERS = 'TEST_KAFKA_PARTNER_BROKERS';

function required(name: string, what: string): string {
  const value = process.env[name]?.trim();
  if (!value) {
    throw new Error(
      `${name} is not set. Integration tests get ${what} from tools/testing/jest-global-setup.ts: ` +
        'run them as `jest --selectProjects integration` (or `npm test`), not through another Jest project.',
    );
  }
  return value;
}

/** The admin URL (superuser, database `postgres`) of the test PostgreSQL server. */
export function testDatabaseAdminUrl(): string {
  return required(TEST_DATABASE_ADMIN_URL, 'their PostgreSQL server');
}

/**
 * The bootstrap servers of the test cluster's partner listener (SASL/SCRAM-SHA-512, ACLs enforced),
 * where the referral feed's tests read as a transporter would. With KAFKA_BROKERS, set
 * KAFKA_PARTNER_BROKERS to that cluster's SCRAM listener.
 */
export function testKafkaPartnerBrokers(): string[] {
  return required(TEST_KAFKA_PARTNER_BROKERS, "the partner listener of their Kafka broker (KAFKA_PARTNER_BROKERS with KAFKA_BROKERS)")
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

/** The bootstrap servers of the test Kafka cluster. */
export function testKafkaBrokers(): string[] {
  return required(TEST_KAFKA_BROKERS, 'their Kafka broker')
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}

function suffix(): string {
  return `${Date.now().toString(36)}${crypto.randomBytes(4).toString('hex')}`;
}

/**
 * A unique, lower-case identifier-safe name: `<prefix>_<time><random>`, at most `max` bytes.
 * Use it for consumer group ids, client ids, organisation names and the like.
 */
export function uniqueName(prefix: string, max = 63): string {
  const tail = suffix();
  const head = prefix
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .slice(0, Math.max(1, max - tail.length - 1));
  return `${head || 'x'}_${tail}`;
}

/**
 * Creates a new, empty database with a unique name starting with `prefix` on the test server and
 * returns its URL (same credentials as the admin URL). Each test file (or test) gets its own, so
 * migrations and data never collide. The whole server is thrown away after the run.
 */
export async function createTestDatabase(prefix: string): Promise<string> {
  return ensureDatabase(testDatabaseAdminUrl(), uniqueName(prefix));
}

/**
 * A unique topic name `<prefix>.<time><random>` (Kafka topic characters only). The broker does
 * not create topics automatically: create it with the admin client before producing to it.
 */
export function uniqueTopic(prefix: string): string {
  const head = prefix.replace(/[^a-zA-Z0-9._-]+/g, '-').slice(0, 200) || 'test';
  return `${head}.${suffix()}`;
}
