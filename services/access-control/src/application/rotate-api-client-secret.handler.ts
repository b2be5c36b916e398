import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { readsReferralFeed } from '../domain/api-client-scopes';
import { LSO } from '../domain/roles';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { lsoOnly } from './admin.problems';
import { apiClientNotFound } from './api-client.problems';
import { apiClientView } from './api-client-view';
import { API_CLIENTS, type ApiClients } from './api-clients.port';
import { REFERRAL_FEED_GRANTS, type ReferralFeedGrants } from './referral-feed-grants.port';
import type { RegisteredApiClient } from './register-api-client.handler';
import { SECRETS, type Secrets } from './secrets.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `POST /api-clients/{clientId}/secret-rotation`: the LSO gives a client of their organisation a new secret
 * (a leaked secret, or a routine rotation). The old secret is refused from the commit on, at the
 * token endpoint and, with `referral-feed:read`, as the referral feed's SCRAM password; the new one
 * is answered once and stored only as a hash, as at registration. Access tokens already issued
 * run out at their expiry (minutes): revoking the client is what stops them at once.
 * Another organisation's client, or one revoked, is answered 404.
 */
@Injectable()
export class RotateApiClientSecretHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(API_CLIENTS) private readonly clients: ApiClients,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(REFERRAL_FEED_GRANTS) private readonly referralFeed: ReferralFeedGrants,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, clientId: string): Promise<RegisteredApiClient> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const clientSecret = this.secrets.newClientSecret();
    const now = new Date();
    const { client, referralFeed } = await this.transactions.run(async () => {
      const found = await this.clients.findLiveForUpdate(actor.organisationId, clientId);
      if (!found) throw apiClientNotFound();
      await this.clients.replaceSecret(clientId, this.secrets.clientSecretHash(clientSecret));
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: 'API_CLIENT_SECRET_ROTATED',
          organisationId: actor.organisationId,
          subjectUserId: null,
          details: { clientId, name: found.name },
        },
        now,
      );
      // Last, as at registration: the broker's password changes only with a rotation that will
      // commit; if the broker fails, the old secret stays (503, try again).
      const feed = readsReferralFeed(found.scopes)
        ? await this.referralFeed.grant({ clientId, clientSecret, organisationId: actor.organisationId })
        : undefined;
      return { client: found, referralFeed: feed };
    });
    this.logger.info({ event: 'api-client.secret-rotated', clientId, by: actor.userId }, 'API client secret rotated');
    return { ...apiClientView(client), clientSecret, ...(referralFeed ? { referralFeed } : {}) };
  }
}
