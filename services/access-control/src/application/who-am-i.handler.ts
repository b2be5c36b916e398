import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { Organisation } from '../domain/organisation';
import type { Role } from '../domain/roles';
import { sessionEnded } from './auth.problems';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

export interface Me {
  userId: string;
  displayName: string;
  email: string;
  telephone: string | null;
  organisation: Organisation;
  roles: Role[];
}

/**
 * `GET /me`: the signed-in user, read afresh. A suspended user, or a token of a session that was
 * signed out, is refused at once here rather than when the access token expires.
 */
@Injectable()
export class WhoAmIHandler {
  constructor(
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined): Promise<Me> {
    const user = await this.users.find(caller.userId);
    if (!user || user.status !== 'ACTIVE') throw sessionEnded();
    if (sessionId !== undefined && !(await this.sessions.isFamilyLive(sessionId, new Date()))) throw sessionEnded();
    const organisation = await this.organisations.get(user.organisationId);
    if (!organisation) throw sessionEnded();
    return { userId: user.userId, displayName: user.displayName, email: user.email, telephone: user.telephone, organisation, roles: user.roles };
  }
}
