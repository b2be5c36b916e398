import { Module, type Provider, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { DATA_SOURCE, PlatformModule } from '@cms/service-defaults';
import { ACCESS_CONTROL_CONFIG, type AccessControlConfig } from './access-control.config';
import { ListOrganisationsHandler } from './application/list-organisations.handler';
import { RefreshSessionHandler } from './application/refresh-session.handler';
import { SignInHandler } from './application/sign-in.handler';
import { SignOutHandler } from './application/sign-out.handler';
import { WhoAmIHandler } from './application/who-am-i.handler';
import { AccessTokenSigner } from './infrastructure/access-token.signer';
import { seedDemoData } from './infrastructure/demo-seed';
import { accessControlEntities } from './infrastructure/entities';
import { accessControlMigrations } from './infrastructure/migrations';
import { OrganisationRepository } from './infrastructure/organisation.repository';
import { PasswordHasher } from './infrastructure/password-hasher';
import { RefreshSessionRepository } from './infrastructure/refresh-session.repository';
import { SigningKeyStore } from './infrastructure/signing-key.store';
import { UserAccountRepository } from './infrastructure/user-account.repository';
import { AuthController } from './http/auth.controller';
import { JwksController } from './http/jwks.controller';
import { MeController } from './http/me.controller';
import { OrganisationsController } from './http/organisations.controller';

const DEMO_DATA_SEEDED = Symbol('DEMO_DATA_SEEDED');

/**
 * The access-control service's root module. Built by a function, after the configuration has been
 * read, because the platform module reads its own settings when it is declared.
 */
export function accessControlModule(config: AccessControlConfig, logger: Logger): Type<unknown> {
  const providers: Provider[] = [
    { provide: ACCESS_CONTROL_CONFIG, useValue: config },
    { provide: UserAccountRepository, inject: [DATA_SOURCE], useFactory: (db: DataSource) => new UserAccountRepository(db) },
    { provide: OrganisationRepository, inject: [DATA_SOURCE], useFactory: (db: DataSource) => new OrganisationRepository(db) },
    { provide: RefreshSessionRepository, inject: [DATA_SOURCE], useFactory: (db: DataSource) => new RefreshSessionRepository(db) },
    { provide: PasswordHasher, useFactory: () => PasswordHasher.create() },
    { provide: SigningKeyStore, inject: [DATA_SOURCE], useFactory: (db: DataSource) => SigningKeyStore.open(db, logger) },
    {
      provide: AccessTokenSigner,
      inject: [SigningKeyStore],
      useFactory: (keys: SigningKeyStore) => new AccessTokenSigner(keys, config.AUTH_ISSUER, config.ACCESS_TOKEN_TTL_SECONDS),
    },
    {
      provide: SignInHandler,
      inject: [DATA_SOURCE, UserAccountRepository, OrganisationRepository, RefreshSessionRepository, PasswordHasher, AccessTokenSigner],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        organisations: OrganisationRepository,
        sessions: RefreshSessionRepository,
        passwords: PasswordHasher,
        signer: AccessTokenSigner,
      ) =>
        new SignInHandler(
          db,
          users,
          organisations,
          sessions,
          passwords,
          signer,
          {
            lockout: { maxConsecutiveFailures: config.LOCKOUT_THRESHOLD, lockoutMinutes: config.LOCKOUT_MINUTES },
            refreshTokenTtlHours: config.REFRESH_TOKEN_TTL_HOURS,
          },
          logger,
        ),
    },
    {
      provide: RefreshSessionHandler,
      inject: [DATA_SOURCE, UserAccountRepository, OrganisationRepository, RefreshSessionRepository, AccessTokenSigner],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        organisations: OrganisationRepository,
        sessions: RefreshSessionRepository,
        signer: AccessTokenSigner,
      ) => new RefreshSessionHandler(db, users, organisations, sessions, signer, logger),
    },
    {
      provide: SignOutHandler,
      inject: [DATA_SOURCE, RefreshSessionRepository],
      useFactory: (db: DataSource, sessions: RefreshSessionRepository) => new SignOutHandler(db, sessions, logger),
    },
    {
      provide: WhoAmIHandler,
      inject: [UserAccountRepository, OrganisationRepository, RefreshSessionRepository],
      useFactory: (users: UserAccountRepository, organisations: OrganisationRepository, sessions: RefreshSessionRepository) =>
        new WhoAmIHandler(users, organisations, sessions),
    },
    {
      provide: ListOrganisationsHandler,
      inject: [OrganisationRepository],
      useFactory: (organisations: OrganisationRepository) => new ListOrganisationsHandler(organisations),
    },
    {
      // Runs while the module starts, so the demo users exist before the first request is served.
      provide: DEMO_DATA_SEEDED,
      inject: [DATA_SOURCE, PasswordHasher],
      useFactory: async (db: DataSource, passwords: PasswordHasher) =>
        config.DEMO_DATA ? seedDemoData(db, passwords, logger) : undefined,
    },
  ];

  @Module({
    imports: [
      PlatformModule.forRoot({
        serviceName: 'access-control',
        logger,
        entities: accessControlEntities,
        migrations: accessControlMigrations,
        publishesTo: [],
      }),
    ],
    controllers: [AuthController, JwksController, MeController, OrganisationsController],
    providers,
  })
  class AccessControlModule {}

  return AccessControlModule;
}
