/** Where a piece of infrastructure came from: an environment variable, a Docker container, or a local process. */
export type ProvisionKind = 'env' | 'containers' | 'local';

export interface Postgres {
  /** How it was provisioned. */
  readonly kind: ProvisionKind;
  /** URL of the `postgres` database, as a superuser. */
  readonly adminUrl: string;
  /** Creates the database if it does not exist yet (idempotent); returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server if this process started it (a no-op for `DATABASE_URL`). */
  stop(): Promise<void>;
  /** Local server only: fast shutdown, then start again on the same port and data. */
  restart?(): Promise<void>;
}

export interface KafkaBroker {
  /** How it was provisioned. */
  readonly kind: ProvisionKind;
  /** Bootstrap servers, `host:port`. */
  readonly brokers: string[];
  /**
   * Bootstrap servers of the partner listener (SASL/SCRAM, ACLs enforced: README "The referral
   * feed"), where transporters' systems read their partner topics. Empty for `KAFKA_BROKERS`
   * unless `KAFKA_PARTNER_BROKERS` names them.
   */
  readonly partnerBrokers: string[];
  /** Stops the broker if this process started it (a no-op for `KAFKA_BROKERS`). */
  stop(): Promise<void>;
  /**
   * Local broker only: stop it, then start it again on the same ports and data.
   * `hard: true` kills it (SIGKILL) instead of shutting it down cleanly.
   */
  restart?(opts?: { hard?: boolean }): Promise<void>;
}

export interface ProvisionOptions {
  /** Directory for the local path's data: PostgreSQL in `${dataDir}/postgres`, Kafka in `${dataDir}/kafka`. */
  dataDir: string;
  /** Receives short progress lines (no trailing newline). */
  log: (line: string) => void;
  /** Start from empty data (and delete it again on stop). Default false: reuse what is there. */
  fresh?: boolean;
}

/**
 * An error meant for a person: callers print `message` alone, without a stack trace.
 * The message says what went wrong and what to do about it.
 */
export class InfraError extends Error {
  override readonly name = 'InfraError';
}
