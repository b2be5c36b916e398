import type { Caller } from '@cms/auth';
import { LSO } from '../domain/roles';
import type { ApiClientRepository } from '../infrastructure/api-client.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { lsoOnly } from './admin.problems';
import { apiClientView, type ApiClientView } from './api-client-view';

/**
 * `GET /api-clients`: the LSO's own organisation's unrevoked clients, never a secret. An
 * organisation holds at most MAX_API_CLIENTS_PER_ORGANISATION, so one page holds them all.
 */
export class ListApiClientsHandler {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly sessions: RefreshSessionRepository,
    private readonly clients: ApiClientRepository,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined): Promise<{ items: ApiClientView[] }> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const clients = await this.clients.listLive(actor.organisationId);
    return { items: clients.map(apiClientView) };
  }
}
