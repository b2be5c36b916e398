import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { MAX_API_CLIENTS_PER_ORGANISATION } from '../domain/api-client';
import { readsReferralFeed, refuseScopes } from '../domain/api-client-scopes';
import { LSO } from '../domain/roles';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { lsoOnly } from './admin.problems';
import { apiClientLimitReached, scopesRefused } from './api-client.problems';
import { apiClientView, type ApiClientView } from './api-client-view';
import { API_CLIENTS, type ApiClients } from './api-clients.port';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { REFERRAL_FEED_GRANTS, type ReferralFeedAccess, type ReferralFeedGrants } from './referral-feed-grants.port';
import { SECRETS, type Secrets } from './secrets.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

export interface RegisteredApiClient extends ApiClientView {
  /** Shown in this answer only; only its hash is kept. */
  clientSecret: string;
  /** With `referral-feed:read`: how it reads its organisation's referral feed (password: the secret). */
  referralFeed?: ReferralFeedAccess;
}

/**
 * `POST /api-clients`: an LSO registers a partner system of their own organisation. The secret is
 * made here, answered once and stored only as a hash.
 */
@Injectable()
export class RegisterApiClientHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(API_CLIENTS) private readonly clients: ApiClients,
    @Inject(SECRETS) private readonly secrets: Secrets,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(REFERRAL_FEED_GRANTS) private readonly referralFeed: ReferralFeedGrants,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(
    caller: Caller,
    sessionId: string | undefined,
    request: { name: string; scopes: string[] },
  ): Promise<RegisteredApiClient> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const organisation = await this.organisations.get(actor.organisationId);
    if (!organisation) throw lsoOnly();
    const scopes = [...new Set(request.scopes)];
    const refusal = refuseScopes(organisation.type, scopes);
    if (refusal) throw scopesRefused(refusal);

    const clientSecret = this.secrets.newClientSecret();
    const now = new Date();
    const { client, referralFeed } = await this.transactions.run(async () => {
      // Registrations of one organisation take turns, so the limit holds under concurrency.
      await this.organisations.lock(organisation.id);
      const live = await this.clients.listLive(organisation.id);
      if (live.length >= MAX_API_CLIENTS_PER_ORGANISATION) throw apiClientLimitReached(MAX_API_CLIENTS_PER_ORGANISATION);
      const created = await this.clients.insert(
        {
          clientId: randomUUID(),
          organisationId: organisation.id,
          name: request.name,
          scopes,
          secretHash: this.secrets.clientSecretHash(clientSecret),
          createdBy: actor.userId,
        },
        now,
      );
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: 'API_CLIENT_REGISTERED',
          organisationId: organisation.id,
          subjectUserId: null,
          details: { clientId: created.clientId, name: created.name, scopes },
        },
        now,
      );
      // Last, so the broker is changed only for a registration that will commit: if it fails the
      // client is not registered (503, try again); the credential of a client id that then never
      // exists is never shown to anyone.
      const feed = readsReferralFeed(scopes)
        ? await this.referralFeed.grant({ clientId: created.clientId, clientSecret, organisationId: organisation.id })
        : undefined;
      return { client: created, referralFeed: feed };
    });
    this.logger.info(
      { event: 'api-client.registered', clientId: client.clientId, organisationId: organisation.id, scopes, by: actor.userId },
      'API client registered',
    );
    return { ...apiClientView(client), clientSecret, ...(referralFeed ? { referralFeed } : {}) };
  }
}
