import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { ROLE_NAMES, userStateWords } from '../administration/administration';
import { paths } from '../routing/paths';
import { Link, useLocation } from '../routing/router';
import { Page } from '../ui/page';
import { ProblemNotice } from '../ui/problem-notice';

/** "Users": the LSO's list of their organisation's users (GET /users), by user id, a page at a time. */
export function UsersScreen() {
  const { api } = useApp();
  const { search } = useLocation();
  const cursor = search.get('after') ?? undefined;
  const users = useQuery({
    queryKey: ['users', cursor],
    queryFn: () => dataOf(api.GET('/api/v1/users', { params: { query: { cursor, limit: 50 } } })),
    placeholderData: keepPreviousData,
  });
  const problem = users.error instanceof ApiProblem ? users.error : users.error ? ApiProblem.unreachable() : undefined;
  const now = new Date();
  return (
    <Page title="Users" lede="The people of your organisation who sign in to CMS, and what each may do.">
      <div className="button-group">
        <Link className="button" to={paths.newUser}>
          Create a user
        </Link>
        <Link to={paths.apiClients}>API clients of partner systems</Link>
      </div>
      {problem && <ProblemNotice problem={problem} heading="The users could not be listed" />}
      {users.isPending && <p role="status">Loading users…</p>}
      {users.data && (
        <>
          <div className="table-wrapper">
            <table>
              <caption>{cursor ? 'Users, a later page' : 'Users'}</caption>
              <thead>
                <tr>
                  <th scope="col">User id</th>
                  <th scope="col">Name</th>
                  <th scope="col">Roles</th>
                  <th scope="col">State</th>
                </tr>
              </thead>
              <tbody>
                {users.data.items.map((user) => (
                  <tr key={user.userId}>
                    <td>
                      <Link to={paths.user(user.userId)}>{user.userId}</Link>
                    </td>
                    <td>{user.displayName}</td>
                    <td>{user.roles.map((role) => ROLE_NAMES[role]?.name ?? role).join(', ')}</td>
                    <td>{userStateWords(user, now).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {(cursor || users.data.nextCursor) && (
            <nav className="pagination" aria-label="Pages of users">
              {cursor && <Link to={paths.users}>First page</Link>}
              {users.data.nextCursor && (
                <Link to={`${paths.users}?after=${encodeURIComponent(users.data.nextCursor)}`} rel="next">
                  Next page
                </Link>
              )}
            </nav>
          )}
        </>
      )}
    </Page>
  );
}
