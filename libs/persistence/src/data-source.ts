import { Client, types, type ClientConfig } from 'pg';
import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

// A SQL `date` is a calendar day (a due date in working days), not an instant: read it as its
// `YYYY-MM-DD` text. node-postgres would make it a JavaScript Date at the process's local midnight,
// a different day wherever the process runs west of UTC. Process-wide, for every service alike.
types.setTypeParser(types.builtins.DATE, (text: string) => text);

/**
 * A connection that outlives its session when PostgreSQL ends it (a restart or a failover: 57P01).
 * node-postgres then emits 'error' on the client; the pool listens only while the client is idle,
 * TypeORM only while one of its query runners holds it, and an 'error' event nobody hears ends the
 * process (reliability test 5 lost contact-logging so, mid-restart). Heard here, the client is
 * only marked unusable: its next statement fails (a clean 503 where a request waits on it) and the
 * pool discards it when it comes back.
 */
class ServiceConnection extends Client {
  constructor(config?: string | ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

export interface ServiceDataSourceOptions {
  /** postgres:// URL of the service's own database. */
  url: string;
  entities: MixedList<Function | string | EntitySchema>;
  /** Migration classes, checked in as dated files; run at start. */
  migrations: Function[];
  poolSize?: number;
}

/** TypeORM settings shared by every service: migrations only, never `synchronize`. */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    entities: options.entities,
    migrations: options.migrations,
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed queries are reported by the caller's error handling, without their parameters (personal data).
    logging: ['migration'],
    extra: {
      Client: ServiceConnection,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      // A request must never hang on a stuck statement; 15 s is far beyond any normal query here.
      statement_timeout: 15_000,
      idle_in_transaction_session_timeout: 30_000,
    },
  };
}

// Any constant shared by every replica of a service; it only needs to be stable.
const MIGRATION_LOCK_KEY = 4_271_000_001;

/**
 * Opens the data source and brings its schema up to date. Replicas starting together take turns
 * through a PostgreSQL advisory lock, so each migration runs exactly once.
 */
export async function openServiceDataSource(options: ServiceDataSourceOptions): Promise<DataSource> {
  const dataSource = new DataSource(serviceDataSourceOptions(options));
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } catch (error) {
    await runner.release();
    await dataSource.destroy();
    throw error;
  }
  await runner.release();
  return dataSource;
}

// SQLSTATE classes and codes that mean "the server is not there for us right now".
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006', '53300']);
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGES =
  /Connection terminated|terminating connection|timeout exceeded when trying to connect|the database system is (starting up|shutting down|in recovery mode)|already released|connection error and is not queryable/i;

/**
 * True when the error means the database could not be reached or went away mid-request (as
 * opposed to a bad statement): the caller answers 503 and the client may retry. TypeORM wraps the
 * driver's error, so both are examined.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let candidate = error as { code?: unknown; message?: unknown; name?: unknown; driverError?: unknown } | null, depth = 0; candidate && depth < 3; depth += 1) {
    const code = typeof candidate.code === 'string' ? candidate.code : '';
    if (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
    if (typeof candidate.message === 'string' && UNAVAILABLE_MESSAGES.test(candidate.message)) return true;
    if (candidate.name === 'QueryRunnerAlreadyReleasedError' || candidate.name === 'QueryRunnerProviderAlreadyReleasedError') return true;
    candidate = candidate.driverError as typeof candidate;
  }
  return false;
}
