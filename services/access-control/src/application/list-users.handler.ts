import type { Caller } from '@cms/auth';
import { ProblemException } from '@cms/service-defaults';
import { CDSP_ADMIN, LSO } from '../domain/roles';
import type { OrganisationRepository } from '../infrastructure/organisation.repository';
import type { RefreshSessionRepository } from '../infrastructure/refresh-session.repository';
import type { UserAccountRepository } from '../infrastructure/user-account.repository';
import { actingUser } from './acting-user';
import { invalidCursor, lsoOnly } from './admin.problems';
import { userView, type UserView } from './user-view';

export interface UserPage {
  items: UserView[];
  /** Pass as `cursor` for the next page; absent on the last page. */
  nextCursor?: string;
}

/**
 * `GET /users`: the users of the caller's organisation, for its LSO; a CDSP administrator may name
 * another organisation. Keyset paging by user id; the cursor is opaque to clients.
 */
export class ListUsersHandler {
  constructor(
    private readonly users: UserAccountRepository,
    private readonly organisations: OrganisationRepository,
    private readonly sessions: RefreshSessionRepository,
  ) {}

  async execute(
    caller: Caller,
    sessionId: string | undefined,
    query: { organisationId?: string; limit: number; cursor?: string },
  ): Promise<UserPage> {
    const actor = await actingUser(this.users, this.sessions, caller, sessionId);
    const isLso = actor.roles.includes(LSO);
    const isCdspAdmin = actor.roles.includes(CDSP_ADMIN) && caller.organisationType === 'CDSP';
    const organisationId = query.organisationId ?? actor.organisationId;
    if (organisationId === actor.organisationId) {
      if (!isLso && !isCdspAdmin) throw lsoOnly();
    } else if (!isCdspAdmin || !(await this.organisations.get(organisationId))) {
      // Another organisation's users are answered as if the organisation did not exist.
      throw ProblemException.notFound();
    }
    const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    // One row more than asked shows whether there is a next page.
    const rows = await this.users.listByOrganisation(organisationId, after, query.limit + 1);
    const page = rows.slice(0, query.limit);
    const now = new Date();
    return {
      items: page.map((user) => userView(user, now)),
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
