import { Inject, Injectable, Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ClsModule } from 'nestjs-cls';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Logger } from 'pino';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { AccessTokenGuard, AccessTokenVerifier, PARTNER_SCOPE_POLICY, type PartnerScopePolicy } from '@cms/auth';
import { integer, list, text, url, type Setting } from '@cms/config';
import { entryOf, type ServiceEntry } from '@cms/catalogue';
import type { TopicName } from '@cms/contracts';
import { KafkaAdapter, messagingMigrations, OutboxRelay, OutboxWriter } from '@cms/messaging';
import { openServiceDataSource } from '@cms/persistence';
import { Clock, SystemClock } from './clock';
import { EventOutbox, TransactionalEventOutbox } from './event-outbox';
import { CONSUMER_DECLARATIONS, EventConsumers, PLATFORM_LOGGER, SERVICE_NAME, type ConsumerDeclaration } from './event-consumers';
import { HealthController, READINESS_CHECKS, type ReadinessCheck } from './health.controller';
import { idempotencyMigrations, IdempotentRequests } from './idempotency';
import { PlatformMetrics } from './platform.metrics';
import { RequestContext } from './request-context';
import { checkTimerDeclarations, TIMER_DECLARATIONS, timerMigrations, Timers, TransactionalTimers, type TimerDeclaration } from './timers';
import { TIMER_RUNNER_OPTIONS, TimerRunner, type TimerRunnerOptions } from './timers.runner';
import { ClsTransactions, DATA_SOURCE, Database, Transactions } from './transactions';

export { DATA_SOURCE } from './transactions';

/** The service's JSON logger (pino). */
export const LOGGER = PLATFORM_LOGGER;
/** The service's whole configuration, as loaded and validated at start (platform settings and its own). */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');

/** Settings every service with a database reads; each is an environment variable. */
export const platformSettings = {
  DATABASE_URL: url({ protocols: ['postgres', 'postgresql'] }),
  KAFKA_BROKERS: list(),
  AUTH_JWKS_URL: url({ default: 'http://127.0.0.1:8081/.well-known/jwks.json' }),
  AUTH_ISSUER: text({ default: 'urn:cms:access-control' }),
  DB_POOL_SIZE: integer({ default: 10, min: 1, max: 100 }),
  /** Failed attempts after which the relay parks an outbox message the broker refuses (`npm run outbox -- parked`). */
  OUTBOX_MAX_ATTEMPTS: integer({ default: 5, min: 1, max: 1_000 }),
  /** How long published outbox rows are kept before the relay deletes them. */
  OUTBOX_RETENTION_HOURS: integer({ default: 168, min: 1, max: 24 * 366 }),
  /** How often each replica looks for due timers (services that declare `timers`). */
  TIMER_POLL_INTERVAL_MS: integer({ default: 5_000, min: 100, max: 3_600_000 }),
  /** Longest wait before a timer whose handler failed is fired again (the first retry waits one poll interval, doubling). */
  TIMER_MAX_RETRY_DELAY_MS: integer({ default: 3_600_000, min: 1_000, max: 86_400_000 }),
};

export interface PlatformConfig {
  DATABASE_URL: string;
  KAFKA_BROKERS: string[];
  AUTH_JWKS_URL: string;
  AUTH_ISSUER: string;
  DB_POOL_SIZE: number;
  OUTBOX_MAX_ATTEMPTS: number;
  OUTBOX_RETENTION_HOURS: number;
  TIMER_POLL_INTERVAL_MS: number;
  TIMER_MAX_RETRY_DELAY_MS: number;
  /** Not a setting: the service's time (`Clock`), the system's unless a test hands it its own (startServiceUnderTest). */
  clock?: Clock;
}

export interface PlatformModuleOptions {
  /** The service's name (its folder and catalogue entry): Kafka client id, CloudEvents source `/cms/<name>`, consumer group prefix. */
  service: string;
  logger: Logger;
  /** The service's own migrations (the outbox's, the inbox's and, with `idempotency`, its table come first). */
  migrations: Function[];
  /** TypeORM entities, where a repository uses them. */
  entities?: MixedList<Function | string | EntitySchema>;
  /** Events the service consumes: a handler each, run by the one consumer runner with its inbox. */
  consumes?: ConsumerDeclaration[];
  /**
   * Its topics as its catalogue entry lists them: looked up by `service` in libs/catalogue unless
   * given here, which only the kit's own tests do (their throwaway services are in no catalogue).
   */
  catalogueTopics?: Pick<ServiceEntry, 'produces' | 'consumes'>;
  /**
   * Kinds of durable timer the service sets (`Timers`), a handler each, fired by the one timer
   * runner. Adds the `timer` table to its migrations.
   */
  timers?: TimerDeclaration[];
  /** Provides `IdempotentRequests` for `Idempotency-Key` on the service's writes. */
  idempotency?: boolean;
  /** What partner systems' tokens need here (see PartnerScopePolicy); without it they are refused. */
  partnerScopes?: PartnerScopePolicy;
}

/**
 * The service's topics as the catalogue (libs/catalogue) lists them, which is where the stack,
 * compose and Kubernetes read them: it publishes to its `produces` (created at start when missing),
 * and what its consumers read must be exactly its `consumes`. A service whose code and entry
 * disagree refuses to start, naming both.
 */
export function checkCatalogueTopics(
  service: string,
  consumes: readonly ConsumerDeclaration[],
  entry: Pick<ServiceEntry, 'produces' | 'consumes'>,
): { produces: readonly TopicName[] } {
  const read = [...new Set(consumes.flatMap((consumer) => consumer.topics))].sort();
  const listed = [...entry.consumes].sort();
  if (read.join() !== listed.join()) {
    throw new Error(
      `${service}'s consumers read [${read.join(', ')}] but its catalogue entry (libs/catalogue) consumes [${listed.join(', ')}]: make them the same.`,
    );
  }
  return { produces: entry.produces };
}

/**
 * A service's migrations in the order they run: the outbox's and the inbox's, the idempotency
 * table's when the service has `idempotency`, the timers' when it declares `timers`, then its own.
 * The service at start and its one-off commands (run-command.ts) bring the same schema up to date.
 */
export function serviceMigrations(options: Pick<PlatformModuleOptions, 'migrations' | 'idempotency' | 'timers'>): Function[] {
  return [
    ...messagingMigrations,
    ...(options.idempotency ? idempotencyMigrations : []),
    ...((options.timers ?? []).length > 0 ? timerMigrations : []),
    ...options.migrations,
  ];
}

/** Starts the relay, the consumers and the timer runner once the service is up; stops them, Kafka and the database last. */
@Injectable()
class PlatformLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(EventConsumers) private readonly consumers: EventConsumers,
    @Inject(TimerRunner) private readonly timers: TimerRunner,
    @Inject(KafkaAdapter) private readonly kafka: KafkaAdapter,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.relay.start();
    await this.consumers.start();
    this.timers.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.timers.stop();
    await this.consumers.stop();
    await this.relay.stop();
    await this.kafka.disconnect();
    await this.dataSource.destroy();
  }
}

/**
 * The service kit: what every CMS service with data shares, wired from its configuration (passed
 * in, loaded once at start) and its declared options. Its own PostgreSQL database (migrations run at
 * start), the request context and transactions (nestjs-cls), the transactional outbox and its relay,
 * the declared event consumers and durable timers, its clock, token verification on every route,
 * idempotency, health and metrics.
 *
 * Use cases depend on its ports (`Transactions`, `EventOutbox`, `Timers`, `Clock`); adapters on `Database`,
 * `RequestContext`, `SERVICE_CONFIG` and `LOGGER`.
 */
@Module({})
export class PlatformModule {
  static forRoot(config: PlatformConfig, options: PlatformModuleOptions): DynamicModule {
    const { logger } = options;
    const timers = options.timers ?? [];
    checkTimerDeclarations(timers);
    const { produces } = checkCatalogueTopics(options.service, options.consumes ?? [], options.catalogueTopics ?? entryOf(options.service));
    const timerRunnerOptions: TimerRunnerOptions = {
      pollIntervalMs: config.TIMER_POLL_INTERVAL_MS,
      maxRetryDelayMs: config.TIMER_MAX_RETRY_DELAY_MS,
    };
    const database: DynamicModule = {
      module: class DatabaseModule {},
      providers: [
        {
          provide: DATA_SOURCE,
          useFactory: () =>
            openServiceDataSource({
              url: config.DATABASE_URL,
              entities: options.entities ?? [],
              migrations: serviceMigrations(options),
              poolSize: config.DB_POOL_SIZE,
            }),
        },
      ],
      exports: [DATA_SOURCE],
    };
    const providers: Provider[] = [
      { provide: SERVICE_CONFIG, useValue: config },
      { provide: PLATFORM_LOGGER, useValue: logger },
      { provide: SERVICE_NAME, useValue: options.service },
      { provide: CONSUMER_DECLARATIONS, useValue: options.consumes ?? [] },
      { provide: Clock, useValue: config.clock ?? new SystemClock() },
      { provide: TIMER_DECLARATIONS, useValue: timers },
      { provide: TIMER_RUNNER_OPTIONS, useValue: timerRunnerOptions },
      TimerRunner,
      ...(timers.length > 0 ? [{ provide: Timers, useClass: TransactionalTimers }] : []),
      {
        provide: KafkaAdapter,
        useFactory: async () => {
          const kafka = new KafkaAdapter({ clientId: options.service, brokers: config.KAFKA_BROKERS, logger });
          await kafka.ensureTopics([...produces]);
          return kafka;
        },
      },
      { provide: OutboxWriter, useValue: new OutboxWriter(`/cms/${options.service}`) },
      {
        provide: OutboxRelay,
        inject: [DATA_SOURCE, KafkaAdapter],
        useFactory: (dataSource: DataSource, kafka: KafkaAdapter) =>
          new OutboxRelay(dataSource, kafka, logger, {
            maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
            retentionMs: config.OUTBOX_RETENTION_HOURS * 3_600_000,
          }),
      },
      {
        provide: READINESS_CHECKS,
        inject: [DATA_SOURCE, KafkaAdapter],
        useFactory: (dataSource: DataSource, kafka: KafkaAdapter): ReadinessCheck[] => [
          { name: 'database', isReady: async () => (await dataSource.query('SELECT 1')).length === 1 },
          { name: 'kafka', isReady: () => kafka.isReachable() },
        ],
      },
      {
        provide: AccessTokenVerifier,
        useFactory: () => new AccessTokenVerifier({ jwksUrl: config.AUTH_JWKS_URL, issuer: config.AUTH_ISSUER }),
      },
      ...(options.partnerScopes ? [{ provide: PARTNER_SCOPE_POLICY, useValue: options.partnerScopes }] : []),
      ...(options.idempotency
        ? [{ provide: IdempotentRequests, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => new IdempotentRequests(dataSource, logger) }]
        : []),
      { provide: APP_GUARD, useClass: AccessTokenGuard },
      Database,
      RequestContext,
      { provide: Transactions, useClass: ClsTransactions },
      { provide: EventOutbox, useClass: TransactionalEventOutbox },
      EventConsumers,
      PlatformMetrics,
      PlatformLifecycle,
    ];
    return {
      module: PlatformModule,
      global: true,
      imports: [
        database,
        ClsModule.forRoot({
          global: true,
          middleware: { mount: true },
          plugins: [new ClsPluginTransactional({ imports: [database], adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: DATA_SOURCE }) })],
        }),
      ],
      controllers: [HealthController],
      providers,
      exports: [
        database,
        SERVICE_CONFIG,
        PLATFORM_LOGGER,
        KafkaAdapter,
        OutboxWriter,
        OutboxRelay,
        AccessTokenVerifier,
        Database,
        RequestContext,
        Transactions,
        EventOutbox,
        Clock,
        TimerRunner,
        ...(timers.length > 0 ? [Timers] : []),
        ...(options.idempotency ? [IdempotentRequests] : []),
      ],
    };
  }
}

/**
 * A service's PORT setting: its catalogue port (libs/catalogue) unless set, which is what `npm
 * start`, compose and Kubernetes do; by hand, the service comes up where the others look for it.
 */
export function catalogueServicePort(service: string): Setting<number> {
  return integer({ default: entryOf(service).port, min: 0, max: 65_535 });
}
