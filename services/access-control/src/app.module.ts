import { Module, type Provider, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { Topics } from '@cms/contracts';
import { DATA_SOURCE, PlatformModule } from '@cms/service-defaults';
import { ACCESS_CONTROL_CONFIG, type AccessControlConfig } from './access-control.config';
import { ChangePasswordHandler } from './application/change-password.handler';
import { CompletePasswordResetHandler } from './application/complete-password-reset.handler';
import { CreateOrganisationHandler } from './application/create-organisation.handler';
import { CreateUserHandler } from './application/create-user.handler';
import { ListOrganisationsHandler } from './application/list-organisations.handler';
import { ListUsersHandler } from './application/list-users.handler';
import { ListAdminAuditHandler } from './application/list-admin-audit.handler';
import { RefreshSessionHandler } from './application/refresh-session.handler';
import { SignInHandler } from './application/sign-in.handler';
import { RequestPasswordResetHandler } from './application/request-password-reset.handler';
import { SignOutHandler } from './application/sign-out.handler';
import { UpdateUserHandler } from './application/update-user.handler';
import { WhoAmIHandler } from './application/who-am-i.handler';
import { IssueClientTokenHandler } from './application/issue-client-token.handler';
import { ListApiClientsHandler } from './application/list-api-clients.handler';
import { RegisterApiClientHandler } from './application/register-api-client.handler';
import { RevokeApiClientHandler } from './application/revoke-api-client.handler';
import { RotateSigningKeyHandler } from './application/rotate-signing-key.handler';
import { AccessTokenSigner } from './infrastructure/access-token.signer';
import { AdminAuditLog } from './infrastructure/admin-audit.log';
import { AdminAuditReader } from './infrastructure/admin-audit.reader';
import { TracedAdminAuditLog } from './infrastructure/traced-admin-audit.log';
import { ApiClientRepository } from './infrastructure/api-client.repository';
import { seedDemoData } from './infrastructure/demo-seed';
import { accessControlEntities } from './infrastructure/entities';
import { accessControlMigrations } from './infrastructure/migrations';
import { OrganisationRepository } from './infrastructure/organisation.repository';
import { LogOnlyMailer, SmtpMailer, type Mailer } from './infrastructure/mailer';
import { PasswordHasher } from './infrastructure/password-hasher';
import { PasswordResetTokenRepository } from './infrastructure/password-reset-token.repository';
import { RefreshSessionRepository } from './infrastructure/refresh-session.repository';
import { SigningKeyCipher } from './infrastructure/signing-key.cipher';
import { SigningKeyStore } from './infrastructure/signing-key.store';
import { UserAccountRepository } from './infrastructure/user-account.repository';
import { ApiClientsController } from './http/api-clients.controller';
import { AuditController } from './http/audit.controller';
import { AuthController } from './http/auth.controller';
import { ClientTokenController } from './http/client-token.controller';
import { JwksController } from './http/jwks.controller';
import { MeController } from './http/me.controller';
import { OrganisationsController } from './http/organisations.controller';
import { SigningKeysController } from './http/signing-keys.controller';
import { UsersController } from './http/users.controller';

const DEMO_DATA_SEEDED = Symbol('DEMO_DATA_SEEDED');
const MAILER = Symbol('MAILER');

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
    {
      provide: SigningKeyStore,
      inject: [DATA_SOURCE],
      useFactory: (db: DataSource) =>
        SigningKeyStore.open(db, logger, {
          cipher: new SigningKeyCipher(config.SIGNING_KEY_ENCRYPTION_KEY),
          retiredKeyPublishedSeconds: config.ACCESS_TOKEN_TTL_SECONDS + config.SIGNING_KEY_RETIREMENT_MARGIN_SECONDS,
          rotationDays: config.SIGNING_KEY_ROTATION_DAYS,
          activationDelaySeconds: config.SIGNING_KEY_ACTIVATION_DELAY_SECONDS,
        }),
    },
    { provide: ApiClientRepository, inject: [DATA_SOURCE], useFactory: (db: DataSource) => new ApiClientRepository(db) },
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
      provide: PasswordResetTokenRepository,
      inject: [DATA_SOURCE],
      useFactory: (db: DataSource) => new PasswordResetTokenRepository(db),
    },
    { provide: AdminAuditLog, useFactory: () => new TracedAdminAuditLog() },
    { provide: AdminAuditReader, inject: [DATA_SOURCE], useFactory: (db: DataSource) => new AdminAuditReader(db) },
    {
      provide: ListAdminAuditHandler,
      inject: [AdminAuditReader, UserAccountRepository, RefreshSessionRepository],
      useFactory: (audit: AdminAuditReader, users: UserAccountRepository, sessions: RefreshSessionRepository) =>
        new ListAdminAuditHandler(audit, users, sessions),
    },
    {
      provide: MAILER,
      useFactory: (): Mailer =>
        config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new LogOnlyMailer(logger),
    },
    {
      provide: ListUsersHandler,
      inject: [UserAccountRepository, OrganisationRepository, RefreshSessionRepository],
      useFactory: (
        users: UserAccountRepository,
        organisations: OrganisationRepository,
        sessions: RefreshSessionRepository,
      ) => new ListUsersHandler(users, organisations, sessions),
    },
    {
      provide: CreateUserHandler,
      inject: [
        DATA_SOURCE,
        UserAccountRepository,
        OrganisationRepository,
        RefreshSessionRepository,
        PasswordHasher,
        AdminAuditLog,
      ],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        organisations: OrganisationRepository,
        sessions: RefreshSessionRepository,
        passwords: PasswordHasher,
        audit: AdminAuditLog,
      ) => new CreateUserHandler(db, users, organisations, sessions, passwords, audit, logger),
    },
    {
      provide: UpdateUserHandler,
      inject: [DATA_SOURCE, UserAccountRepository, OrganisationRepository, RefreshSessionRepository, AdminAuditLog],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        organisations: OrganisationRepository,
        sessions: RefreshSessionRepository,
        audit: AdminAuditLog,
      ) => new UpdateUserHandler(db, users, organisations, sessions, audit, logger),
    },
    {
      provide: CreateOrganisationHandler,
      inject: [
        DATA_SOURCE,
        UserAccountRepository,
        OrganisationRepository,
        RefreshSessionRepository,
        PasswordHasher,
        AdminAuditLog,
      ],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        organisations: OrganisationRepository,
        sessions: RefreshSessionRepository,
        passwords: PasswordHasher,
        audit: AdminAuditLog,
      ) => new CreateOrganisationHandler(db, users, organisations, sessions, passwords, audit, logger),
    },
    {
      provide: ChangePasswordHandler,
      inject: [
        DATA_SOURCE,
        UserAccountRepository,
        RefreshSessionRepository,
        PasswordResetTokenRepository,
        PasswordHasher,
        AdminAuditLog,
      ],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        sessions: RefreshSessionRepository,
        resetTokens: PasswordResetTokenRepository,
        passwords: PasswordHasher,
        audit: AdminAuditLog,
      ) =>
        new ChangePasswordHandler(
          db,
          users,
          sessions,
          resetTokens,
          passwords,
          audit,
          { maxConsecutiveFailures: config.LOCKOUT_THRESHOLD, lockoutMinutes: config.LOCKOUT_MINUTES },
          logger,
        ),
    },
    {
      provide: RequestPasswordResetHandler,
      inject: [
        DATA_SOURCE,
        UserAccountRepository,
        RefreshSessionRepository,
        PasswordResetTokenRepository,
        MAILER,
        AdminAuditLog,
      ],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        sessions: RefreshSessionRepository,
        resetTokens: PasswordResetTokenRepository,
        mailer: Mailer,
        audit: AdminAuditLog,
      ) =>
        new RequestPasswordResetHandler(
          db,
          users,
          sessions,
          resetTokens,
          mailer,
          audit,
          {
            ttlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
            emailIntervalSeconds: config.PASSWORD_RESET_EMAIL_INTERVAL_SECONDS,
            resetUrlBase: config.PASSWORD_RESET_URL_BASE,
          },
          logger,
        ),
    },
    {
      provide: CompletePasswordResetHandler,
      inject: [
        DATA_SOURCE,
        UserAccountRepository,
        RefreshSessionRepository,
        PasswordResetTokenRepository,
        PasswordHasher,
        AdminAuditLog,
      ],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        sessions: RefreshSessionRepository,
        resetTokens: PasswordResetTokenRepository,
        passwords: PasswordHasher,
        audit: AdminAuditLog,
      ) => new CompletePasswordResetHandler(db, users, sessions, resetTokens, passwords, audit, logger),
    },
    {
      provide: RegisterApiClientHandler,
      inject: [DATA_SOURCE, UserAccountRepository, OrganisationRepository, RefreshSessionRepository, ApiClientRepository, AdminAuditLog],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        organisations: OrganisationRepository,
        sessions: RefreshSessionRepository,
        clients: ApiClientRepository,
        audit: AdminAuditLog,
      ) => new RegisterApiClientHandler(db, users, organisations, sessions, clients, audit, logger),
    },
    {
      provide: ListApiClientsHandler,
      inject: [UserAccountRepository, RefreshSessionRepository, ApiClientRepository],
      useFactory: (users: UserAccountRepository, sessions: RefreshSessionRepository, clients: ApiClientRepository) =>
        new ListApiClientsHandler(users, sessions, clients),
    },
    {
      provide: RevokeApiClientHandler,
      inject: [DATA_SOURCE, UserAccountRepository, RefreshSessionRepository, ApiClientRepository, AdminAuditLog],
      useFactory: (
        db: DataSource,
        users: UserAccountRepository,
        sessions: RefreshSessionRepository,
        clients: ApiClientRepository,
        audit: AdminAuditLog,
      ) => new RevokeApiClientHandler(db, users, sessions, clients, audit, logger),
    },
    {
      provide: IssueClientTokenHandler,
      inject: [ApiClientRepository, OrganisationRepository, AccessTokenSigner],
      useFactory: (clients: ApiClientRepository, organisations: OrganisationRepository, signer: AccessTokenSigner) =>
        new IssueClientTokenHandler(clients, organisations, signer, logger),
    },
    {
      provide: RotateSigningKeyHandler,
      inject: [UserAccountRepository, RefreshSessionRepository, SigningKeyStore, AdminAuditLog],
      useFactory: (users: UserAccountRepository, sessions: RefreshSessionRepository, keys: SigningKeyStore, audit: AdminAuditLog) =>
        new RotateSigningKeyHandler(users, sessions, keys, audit, config.SIGNING_KEY_ACTIVATION_DELAY_SECONDS),
    },
    // Idempotency-Key on PATCH /users/{userId}, DELETE /api-clients/{clientId} and POST /signing-keys/rotation
    // only. Not on the sign-in family (/auth/login, /auth/refresh, /auth/logout, /auth/token, /auth/password,
    // /auth/password-reset/complete, /users/{userId}/password-reset): replaying a stored answer there would hand
    // out tokens or secrets again. Not on POST /users, /organisations, /api-clients: their answers carry a
    // one-time temporary password or client secret, which must never be stored. See http/idempotency-key.header.ts.
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
      PlatformModule.forRoot(config, {
        service: 'access-control',
        logger,
        entities: accessControlEntities,
        migrations: accessControlMigrations,
        publishes: [Topics.access],
        idempotency: true,
      }),
    ],
    controllers: [
      AuthController,
      ClientTokenController,
      JwksController,
      MeController,
      OrganisationsController,
      UsersController,
      ApiClientsController,
      SigningKeysController,
      AuditController,
    ],
    providers,
  })
  class AccessControlModule {}

  return AccessControlModule;
}
