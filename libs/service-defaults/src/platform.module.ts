import { Module, type DynamicModule, type OnApplicationBootstrap, type OnApplicationShutdown, type Provider, Inject } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Logger } from 'pino';
import type { DataSource, EntitySchema, MixedList } from 'typeorm';
import { AccessTokenGuard, AccessTokenVerifier, PARTNER_SCOPE_POLICY, type PartnerScopePolicy } from '@cms/auth';
import { integer, list, loadConfig, text, url } from '@cms/config';
import { KafkaAdapter, messagingMigrations, OutboxRelay } from '@cms/messaging';
import { openServiceDataSource } from '@cms/persistence';
import { HealthController, READINESS_CHECKS, type ReadinessCheck } from './health.controller';

export const LOGGER = Symbol('LOGGER');
export const DATA_SOURCE = Symbol('DATA_SOURCE');
export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

/** Settings every service with a database reads; each is an environment variable. */
export const platformSettings = {
  DATABASE_URL: url({ protocols: ['postgres', 'postgresql'] }),
  KAFKA_BROKERS: list(),
  AUTH_JWKS_URL: url({ default: 'http://127.0.0.1:8081/.well-known/jwks.json' }),
  AUTH_ISSUER: text({ default: 'urn:cms:access-control' }),
  DB_POOL_SIZE: integer({ default: 10, min: 1, max: 100 }),
};

export type PlatformConfig = ReturnType<typeof loadPlatformConfig>;

export function loadPlatformConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(platformSettings, env);
}

export interface PlatformModuleOptions {
  serviceName: string;
  logger: Logger;
  entities: MixedList<Function | string | EntitySchema>;
  migrations: Function[];
  /** Topics this service publishes to; created at start if missing. */
  publishesTo: string[];
  /** What partner systems' tokens need here (see PartnerScopePolicy); without it they are refused. */
  partnerScopes?: PartnerScopePolicy;
}

class OutboxRelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(OutboxRelay) private readonly relay: OutboxRelay,
    @Inject(KafkaAdapter) private readonly kafka: KafkaAdapter,
    @Inject(DATA_SOURCE) private readonly dataSource: DataSource,
  ) {}

  onApplicationBootstrap(): void {
    this.relay.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.kafka.disconnect();
    await this.dataSource.destroy();
  }
}

/**
 * The "service defaults" every CMS service with data shares: config, its own PostgreSQL database
 * (migrations run at start), the Kafka adapter, the outbox relay, token verification on every
 * route, and health and metrics endpoints.
 */
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformModuleOptions): DynamicModule {
    const config = loadPlatformConfig();
    const providers: Provider[] = [
      { provide: PLATFORM_CONFIG, useValue: config },
      { provide: LOGGER, useValue: options.logger },
      {
        provide: DATA_SOURCE,
        useFactory: () =>
          openServiceDataSource({
            url: config.DATABASE_URL,
            entities: options.entities,
            migrations: [...messagingMigrations, ...options.migrations],
            poolSize: config.DB_POOL_SIZE,
          }),
      },
      {
        provide: KafkaAdapter,
        useFactory: async () => {
          const kafka = new KafkaAdapter({ clientId: options.serviceName, brokers: config.KAFKA_BROKERS, logger: options.logger });
          await kafka.ensureTopics(options.publishesTo);
          return kafka;
        },
      },
      {
        provide: OutboxRelay,
        inject: [DATA_SOURCE, KafkaAdapter],
        useFactory: (dataSource: DataSource, kafka: KafkaAdapter) => new OutboxRelay(dataSource, kafka, options.logger),
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
      { provide: APP_GUARD, useClass: AccessTokenGuard },
      OutboxRelayLifecycle,
    ];
    return {
      module: PlatformModule,
      global: true,
      controllers: [HealthController],
      providers,
      exports: [PLATFORM_CONFIG, LOGGER, DATA_SOURCE, KafkaAdapter, OutboxRelay, AccessTokenVerifier],
    };
  }
}
