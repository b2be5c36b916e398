import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { invalidCursor, ProblemException } from '@cms/service-defaults';
import { userDirectoryAccess } from '../domain/user-directory';
import { actingUser } from './acting-user';
import { usersReadersOnly } from './admin.problems';
import { ORGANISATIONS, type Organisations } from './organisations.port';
import { REFRESH_SESSIONS, type RefreshSessions } from './sessions.port';
import { viewFor, type ColleagueView, type UserView } from './user-view';
import { USER_ACCOUNTS, type UserAccounts } from './users.port';

export interface UserPage {
  /** Whole accounts for an LSO or a CDSP administrator; colleagues for a SUPERVISOR (domain/user-directory.ts). */
  items: (UserView | ColleagueView)[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * `GET /users`: the users of the caller's organisation, for its LSO, or for its SUPERVISOR as
 * colleagues to give work to; a CDSP administrator may name another organisation. Keyset paging by
 * user id; the cursor is opaque to clients.
 */
@Injectable()
export class ListUsersHandler {
  constructor(
    @Inject(USER_ACCOUNTS) private readonly users: UserAccounts,
    @Inject(ORGANISATIONS) private readonly organisations: Organisations,
    @Inject(REFRESH_SESSIONS) private readonly sessions: RefreshSessions,
  ) {}

  async execute(
    caller: Caller,
    sessionId: string | undefined,
    query: { organisationId?: string; limit: number; cursor?: string },
  ): Promise<UserPage> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    const organisationId = query.organisationId ?? actor.organisationId;
    const reader = { organisationId: actor.organisationId, organisationType: caller.organisationType, roles: actor.roles };
    const access = userDirectoryAccess(reader, organisationId);
    if (access === 'FORBIDDEN') throw usersReadersOnly();
    // Another organisation's users are answered as if the organisation did not exist.
    if (access === 'HIDDEN') throw ProblemException.notFound();
    if (organisationId !== actor.organisationId && !(await this.organisations.get(organisationId))) throw ProblemException.notFound();
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    // One row more than asked shows whether there is a next page.
    const rows = await this.users.listByOrganisation(organisationId, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const now = new Date();
    return {
      items: page.map((user) => viewFor(access, user, now)),
      ...(rows.length > query.limit ? { nextCursor: encodeCursor(page[page.length - 1].userId) } : {}),
    };
  }
}

function encodeCursor(lastUserId: string): string {
  return Buffer.from(JSON.stringify({ after: lastUserId }), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  try {
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { after?: unknown };
    if (typeof decoded.after !== 'string') throw new Error('bad cursor');
    return decoded.after;
  } catch {
    throw invalidCursor();
  }
}
