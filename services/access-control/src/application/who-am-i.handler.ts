import type { Caller } from '@cms/auth';
import type { Organisation } from '../domain/organisation';
import type { Role } from '../domain/roles';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { sessionEnded } from './auth.problems';

export interface Me {
  userId: string;
  displayName: string;
  email: string;
  organisation: Organisation;
  roles: Role[];
}

/**
 * `GET /me`: the signed-in user, read afresh. A suspended user, or a token of a session that was
 * signed out, is refused at once here rather than when the access token expires.
 */
export class WhoAmIHandler {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined): Promise<Me> {
    const user = await this.users.find(caller.userId);
    if (!user || user.status !== 'ACTIVE') throw sessionEnded();
    if (sessionId !== undefined && !(await this.sessions.isFamilyLive(sessionId, new Date()))) throw sessionEnded();
    const organisation = await this.organisations.get(user.organisationId);
    if (!organisation) throw sessionEnded();
    return { userId: user.userId, displayName: user.displayName, email: user.email, organisation, roles: user.roles };
  }
}
