import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { Database, LOGGER, PlatformModule, SERVICE_CONFIG, Transactions } from '@cms/service-defaults';
import type { AccessControlConfig } from './access-control.config';
import { ADMIN_AUDIT_LOG, ADMIN_AUDIT_READER } from './application/admin-audit.port';
import { API_CLIENTS } from './application/api-clients.port';
import { ChangePasswordHandler } from './application/change-password.handler';
import { CompletePasswordResetHandler } from './application/complete-password-reset.handler';
import { CreateOrganisationHandler } from './application/create-organisation.handler';
import { CreateUserHandler } from './application/create-user.handler';
import { GetUserHandler } from './application/get-user.handler';
import { IssueClientTokenHandler } from './application/issue-client-token.handler';
import { ListAdminAuditHandler } from './application/list-admin-audit.handler';
import { ListApiClientsHandler } from './application/list-api-clients.handler';
import { ListOrganisationsHandler } from './application/list-organisations.handler';
import { ListUsersHandler } from './application/list-users.handler';
import { MAILER } from './application/mail.port';
import { ORGANISATIONS } from './application/organisations.port';
import { PASSWORD_HASHING } from './application/password-hashing.port';
import { PASSWORD_RESET_TOKENS } from './application/password-reset-tokens.port';
import { REFERRAL_FEED_GRANTS } from './application/referral-feed-grants.port';
import { RefreshSessionHandler } from './application/refresh-session.handler';
import { RegisterApiClientHandler } from './application/register-api-client.handler';
import { RequestPasswordResetHandler } from './application/request-password-reset.handler';
import { RevokeApiClientHandler } from './application/revoke-api-client.handler';
import { RotateApiClientSecretHandler } from './application/rotate-api-client-secret.handler';
import { RotateSigningKeyHandler } from './application/rotate-signing-key.handler';
import { SECRETS } from './application/secrets.port';
import { SessionEnder } from './application/session-ender';
import { REFRESH_SESSIONS } from './application/sessions.port';
import { SignInHandler } from './application/sign-in.handler';
import { SignOutHandler } from './application/sign-out.handler';
import { SignOutEverywhereHandler } from './application/sign-out-everywhere.handler';
import { ACCESS_TOKEN_SIGNING, SIGNING_KEYS } from './application/token-signing.port';
import { UpdateUserHandler } from './application/update-user.handler';
import { DeleteUserHandler } from './application/delete-user.handler';
import { UpdateProfileHandler } from './application/update-profile.handler';
import { USER_ACCOUNTS } from './application/users.port';
import { WhoAmIHandler } from './application/who-am-i.handler';
import { ApiClientsController } from './http/api-clients.controller';
import { AuditController } from './http/audit.controller';
import { AuthController } from './http/auth.controller';
import { ClientTokenController } from './http/client-token.controller';
import { JwksController } from './http/jwks.controller';
import { MeController } from './http/me.controller';
import { OrganisationsController } from './http/organisations.controller';
import { SigningKeysController } from './http/signing-keys.controller';
import { UsersController } from './http/users.controller';
import { AccessTokenSigner } from './infrastructure/access-token.signer';
import { DatabaseAdminAuditReader } from './infrastructure/admin-audit.reader';
import { ApiClientRepository } from './infrastructure/api-client.repository';
import { CryptoSecrets } from './infrastructure/crypto-secrets';
import { accessControlEntities } from './infrastructure/entities';
import { configuredMailer } from './infrastructure/mailer';
import { accessControlMigrations } from './infrastructure/migrations';
import { OrganisationRepository } from './infrastructure/organisation.repository';
import { PasswordHasher } from './infrastructure/password-hasher';
import { PasswordResetTokenRepository } from './infrastructure/password-reset-token.repository';
import { KafkaReferralFeedGrants } from './infrastructure/referral-feed.grants';
import { RefreshSessionRepository } from './infrastructure/refresh-session.repository';
import { openSigningKeyStore } from './infrastructure/signing-key.store';
import { TracedAdminAuditLog } from './infrastructure/traced-admin-audit.log';
import { UserAccountRepository } from './infrastructure/user-account.repository';

/**
 * Organisations, users, sign-in and access tokens.
 *
 * Idempotency-Key on PATCH /users/{userId}, DELETE /api-clients/{clientId} and POST /signing-keys/rotation
 * only. Not on the sign-in family (/auth/login, /auth/refresh, /auth/logout, /auth/token, /auth/password,
 * /auth/password-reset/complete, /users/{userId}/password-reset): replaying a stored answer there would hand
 * out tokens or secrets again. Not on POST /users, /organisations, /api-clients: their answers carry a
 * one-time temporary password or client secret, which must never be stored. See http/idempotency-key.header.ts.
 */
export function accessControlModule(config: AccessControlConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'access-control',
        logger,
        entities: accessControlEntities,
        migrations: accessControlMigrations,
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
    providers: [
      SignInHandler,
      RefreshSessionHandler,
      SignOutHandler,
      SignOutEverywhereHandler,
      WhoAmIHandler,
      ChangePasswordHandler,
      RequestPasswordResetHandler,
      CompletePasswordResetHandler,
      ListOrganisationsHandler,
      CreateOrganisationHandler,
      ListUsersHandler,
      GetUserHandler,
      CreateUserHandler,
      UpdateUserHandler,
      DeleteUserHandler,
      UpdateProfileHandler,
      ListApiClientsHandler,
      RegisterApiClientHandler,
      RevokeApiClientHandler,
      RotateApiClientSecretHandler,
      IssueClientTokenHandler,
      RotateSigningKeyHandler,
      ListAdminAuditHandler,
      SessionEnder,
      { provide: USER_ACCOUNTS, useClass: UserAccountRepository },
      { provide: ORGANISATIONS, useClass: OrganisationRepository },
      { provide: REFRESH_SESSIONS, useClass: RefreshSessionRepository },
      { provide: API_CLIENTS, useClass: ApiClientRepository },
      { provide: REFERRAL_FEED_GRANTS, useClass: KafkaReferralFeedGrants },
      { provide: PASSWORD_RESET_TOKENS, useClass: PasswordResetTokenRepository },
      { provide: ADMIN_AUDIT_LOG, useClass: TracedAdminAuditLog },
      { provide: ADMIN_AUDIT_READER, useClass: DatabaseAdminAuditReader },
      { provide: SECRETS, useClass: CryptoSecrets },
      { provide: ACCESS_TOKEN_SIGNING, useClass: AccessTokenSigner },
      // Async: the hasher computes its dummy hash, the store makes the first key if there is none.
      { provide: PASSWORD_HASHING, useFactory: () => PasswordHasher.create() },
      { provide: SIGNING_KEYS, inject: [Database, Transactions, SERVICE_CONFIG, LOGGER], useFactory: openSigningKeyStore },
      { provide: MAILER, inject: [SERVICE_CONFIG, LOGGER], useFactory: configuredMailer },
    ],
  })
  class AccessControlModule {}
  return AccessControlModule;
}
