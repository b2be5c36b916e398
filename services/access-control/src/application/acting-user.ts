import type { Caller } from '@cms/auth';
import type { UserAccount } from '../domain/user-account';
import type { RefreshSessions } from './sessions.port';
import type { UserAccounts } from './users.port';
import { sessionEnded } from './auth.problems';

/**
 * The caller of an administrative action, read afresh: a suspended LSO, or a session signed out,
 * is refused at once rather than when the access token expires (docs/quality.md "Security"), and
 * the roles are today's, not those in the token.
 */
export async function actingUser(
  users: UserAccounts,
  sessions: RefreshSessions,
  caller: Caller,
  sessionId: string | undefined,
): Promise<UserAccount> {
  const user = await users.find(caller.userId);
  if (!user || user.status !== 'ACTIVE' || user.organisationId !== caller.organisationId) throw sessionEnded();
  if (sessionId !== undefined && !(await sessions.isFamilyLive(sessionId, new Date()))) throw sessionEnded();
  return user;
}
