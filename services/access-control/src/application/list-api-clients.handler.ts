import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { LSO } from '../domain/roles';
import { actingUser } from './acting-user';
import { lsoOnly } from './admin.problems';
import { apiClientView, type ApiClientView } from './api-client-view';
import { API_CLIENTS, type ApiClients } from './api-clients.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `GET /api-clients`: the LSO's own organisation's unrevoked clients, never a secret. An
 * organisation holds at most MAX_API_CLIENTS_PER_ORGANISATION, so one page holds them all.
 */
@Injectable()
export class ListApiClientsHandler {
  constructor(
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
    @Inject(API_CLIENTS) private readonly clients: ApiClients,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined): Promise<{ items: ApiClientView[] }> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    if (!actor.roles.includes(LSO)) throw lsoOnly();
    const clients = await this.clients.listLive(actor.organisationId);
    return { items: clients.map(apiClientView) };
  }
}
