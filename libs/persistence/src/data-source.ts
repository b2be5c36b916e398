import { DataSource, type DataSourceOptions, type MixedList, type EntitySchema } from 'typeorm';

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

/** True when the error means the database could not be reached (as opposed to a bad statement). */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  const message = error instanceof Error ? error.message : '';
  return (
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT' ||
    code === '57P01' || // admin_shutdown
    code === '57P02' || // crash_shutdown
    code === '57P03' || // cannot_connect_now
    code === '08000' ||
    code === '08003' ||
    code === '08006' ||
    /Connection terminated|timeout exceeded when trying to connect/i.test(message)
  );
}
