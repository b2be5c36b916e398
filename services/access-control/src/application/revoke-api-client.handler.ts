import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { clientSubject } from '../domain/api-client';
import { LSO } from '../domain/roles';
import type { AdminAuditLog } from '../infrastructure/admin-audit.log';
import type { ApiClientRepository } from '../infrastructure/api-client.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import { announceSessionsEnded } from '../infrastructure/sessions-ended.announcement';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { lsoOnly } from './admin.problems';
import { apiClientNotFound } from './api-client.problems';

/**
 * `DELETE /api-clients/{clientId}`: the LSO revokes a client of their organisation. Its secret is
 * refused from that instant, and so, at the gateway, are the tokens it already holds.
 * Another organisation's client, or one already revoked, is answered 404.
 */
export class RevokeApiClientHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly clients: ApiClientRepository,
    private readonly audit: AdminAuditLog,
    private readonly logger: Logger,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, clientId: string): Promise<void> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const now = new Date();
    await this.dataSource.transaction(async (manager) => {
      const client = await this.clients.findLiveForUpdate(manager, actor.organisationId, clientId);
      if (!client) throw apiClientNotFound();
      await this.clients.revoke(manager, clientId, actor.userId, now);
      // Its tokens, not only its secret, stop working now: every gateway hears of it.
      await announceSessionsEnded(
        manager,
        { userId: clientSubject(clientId), organisationId: actor.organisationId, sessionIds: [clientId], reason: 'CLIENT_REVOKED', endedAt: now.toISOString() },
        now,
      );
      await this.audit.record(
        manager,
        {
          actorUserId: actor.userId,
          action: 'API_CLIENT_REVOKED',
          organisationId: actor.organisationId,
          subjectUserId: null,
          details: { clientId, name: client.name },
        },
        now,
      );
    });
    this.logger.info({ event: 'api-client.revoked', clientId, by: actor.userId }, 'API client revoked');
  }
}
