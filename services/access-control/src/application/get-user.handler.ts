import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { userDirectoryAccess } from '../domain/user-directory';
import { actingUser } from './acting-user';
import { userNotFound, usersReadersOnly } from './admin.problems';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { viewFor, type ColleagueView, type UserView } from './user-view';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

/**
 * `GET /users/{userId}`: one user, as `GET /users` shows them to the caller (domain/user-directory.ts):
 * the whole account to the organisation's LSO or a CDSP administrator, a colleague to its
 * SUPERVISOR, who asks this (through contact-logging) before giving work to that user. Another
 * organisation's user is answered exactly as a missing one: 404.
 */
@Injectable()
export class GetUserHandler {
  constructor(
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
  ) {}

  async execute(caller: Caller, sessionId: string | undefined, userId: string): Promise<UserView | ColleagueView> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    const reader = { organisationId: actor.organisationId, organisationType: caller.organisationType, roles: actor.roles };
    // The role is checked before the user is looked up, so a refusal tells nothing about the user.
    if (userDirectoryAccess(reader, actor.organisationId) === 'FORBIDDEN') throw usersReadersOnly();
    const user = await this.users.find(userId);
    // A deleted user is gone from the directory: only its id remains, reserved.
    if (!user || user.status === 'DELETED') throw userNotFound();
    const access = userDirectoryAccess(reader, user.organisationId);
    if (access !== 'ACCOUNT' && access !== 'COLLEAGUE') throw userNotFound();
    return viewFor(access, user, new Date());
  }
}
