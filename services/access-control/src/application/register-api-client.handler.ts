import { randomUUID } from 'node:crypto';
import type { Caller } from '@cms/auth';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { MAX_API_CLIENTS_PER_ORGANISATION } from '../domain/api-client';
import { refuseScopes } from '../domain/api-client-scopes';
import { LSO } from '../domain/roles';
import type { AdminAuditLog } from '../infrastructure/admin-audit.log';
import type { ApiClientRepository } from '../infrastructure/api-client.repository';
import { clientSecretHash, newClientSecret } from '../infrastructure/client-secret';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { lsoOnly } from './admin.problems';
import { apiClientLimitReached, scopesRefused } from './api-client.problems';
import { apiClientView, type ApiClientView } from './api-client-view';

export interface RegisteredApiClient extends ApiClientView {
  /** Shown in this answer only; only its hash is kept. */
  clientSecret: string;
}

/**
 * `POST /api-clients`: an LSO registers a partner system of their own organisation. The secret is
 * made here, answered once and stored only as a hash.
 */
export class RegisterApiClientHandler {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly clients: ApiClientRepository,
    private readonly audit: AdminAuditLog,
    private readonly logger: Logger,
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

    const clientSecret = newClientSecret();
    const now = new Date();
    const client = await this.dataSource.transaction(async (manager) => {
      // Registrations of one organisation take turns, so the limit holds under concurrency.
      await manager.query('SELECT 1 FROM organisation WHERE id = $1 FOR UPDATE', [organisation.id]);
      const live = await this.clients.listLive(organisation.id, manager);
      if (live.length >= MAX_API_CLIENTS_PER_ORGANISATION) throw apiClientLimitReached(MAX_API_CLIENTS_PER_ORGANISATION);
      const created = await this.clients.insert(
        manager,
        {
          clientId: randomUUID(),
          organisationId: organisation.id,
          name: request.name,
          scopes,
          secretHash: clientSecretHash(clientSecret),
          createdBy: actor.userId,
        },
        now,
      );
      await this.audit.record(
        manager,
        {
          actorUserId: actor.userId,
          action: 'API_CLIENT_REGISTERED',
          organisationId: organisation.id,
          subjectUserId: null,
          details: { clientId: created.clientId, name: created.name, scopes },
        },
        now,
      );
      return created;
    });
    this.logger.info(
      { event: 'api-client.registered', clientId: client.clientId, organisationId: organisation.id, scopes, by: actor.userId },
      'API client registered',
    );
    return { ...apiClientView(client), clientSecret };
  }
}
