import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import { LOGGER, Transactions } from '@cms/service-defaults';
import { clientSubject } from '../domain/api-client';
import { readsReferralFeed } from '../domain/api-client-scopes';
import { LSO } from '../domain/roles';
import { actingUser } from './acting-user';
import { ADMIN_AUDIT_LOG, type AdminAuditLog } from './admin-audit.port';
import { lsoOnly } from './admin.problems';
import { apiClientNotFound } from './api-client.problems';
import { API_CLIENTS, type ApiClients } from './api-clients.port';
import { REFERRAL_FEED_GRANTS, type ReferralFeedGrants } from './referral-feed-grants.port';
import { SessionEnder } from './session-ender';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `DELETE /api-clients/{clientId}`: the LSO revokes a client of their organisation. Its secret is
 * refused from that instant, and so, at the gateway, are the tokens it already holds.
 * Another organisation's client, or one already revoked, is answered 404.
 */
@Injectable()
export class RevokeApiClientHandler {
  constructor(
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(SessionEnder) private readonly sessionEnder: SessionEnder,
    @Inject(API_CLIENTS) private readonly clients: ApiClients,
    @Inject(ADMIN_AUDIT_LOG) private readonly audit: AdminAuditLog,
    @Inject(REFERRAL_FEED_GRANTS) private readonly referralFeed: ReferralFeedGrants,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, clientId: string): Promise<void> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const now = new Date();
    await this.transactions.run(async () => {
      const client = await this.clients.findLiveForUpdate(actor.organisationId, clientId);
      if (!client) throw apiClientNotFound();
      await this.clients.revoke(clientId, actor.userId, now);
      // Its tokens, not only its secret, stop working now: every gateway hears of it.
      await this.sessionEnder.announceEnded(
        { userId: clientSubject(clientId), organisationId: actor.organisationId, sessionIds: [clientId], reason: 'CLIENT_REVOKED', endedAt: now.toISOString() },
        now,
      );
      await this.audit.record(
        {
          actorUserId: actor.userId,
          action: 'API_CLIENT_REVOKED',
          organisationId: actor.organisationId,
          subjectUserId: null,
          details: { clientId, name: client.name },
        },
        now,
      );
      // Its referral feed too: the broker drops its ACLs (open sessions are refused at once) and
      // its credential. Before the commit: if the broker fails, the client stays live (503, try again).
      if (readsReferralFeed(client.scopes)) await this.referralFeed.revoke(clientId);
    });
    this.logger.info({ event: 'api-client.revoked', clientId, by: actor.userId }, 'API client revoked');
  }
}
