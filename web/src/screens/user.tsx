import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import { sameRoles, userStateWords, type Role, type User } from '../administration/administration';
import { newIdempotencyKey } from '../contacts/idempotency-key';
import { formatDateTime } from '../format/dates';
import type { Me } from '../reference-data';
import { paths } from '../routing/paths';
import { Link, navigate } from '../routing/router';
import { Dialog } from '../ui/dialog';
import { Page } from '../ui/page';
import { ErrorSummary, ProblemNotice } from '../ui/problem-notice';
import { RoleChoices } from './new-user';

type UserChange = components['schemas']['UpdateUserRequest'];

/**
 * One user of the LSO's organisation (GET /users/{userId}) and what the LSO may do: set their
 * roles, suspend or reinstate them, lift a sign-in lock (PATCH), email them a password reset link
 * (POST …/password-reset), delete them after a confirmation (DELETE). Their name and email are
 * theirs to change (their profile): the API gives the LSO no way to.
 */
export function UserScreen({ userId, me }: { userId: string; me: Me }) {
  const { api } = useApp();
  const user = useQuery({
    queryKey: ['users', 'one', userId],
    queryFn: () => dataOf(api.GET('/api/v1/users/{userId}', { params: { path: { userId } } })),
  });
  if (user.error) {
    const problem = user.error instanceof ApiProblem ? user.error : ApiProblem.unreachable();
    return (
      <Page title={problem.status === 404 ? 'User not found' : `User ${userId}`}>
        <ProblemNotice
          problem={problem}
          heading={problem.status === 404 ? `No user ${userId} in your organisation` : 'The user could not be read'}
        />
        <p className="page-links">
          <Link to={paths.users}>Back to users</Link>
        </p>
      </Page>
    );
  }
  if (!user.data) {
    return (
      <Page title={`User ${userId}`}>
        <p role="status">Loading the user…</p>
      </Page>
    );
  }
  return <UserView key={user.data.userId} user={user.data} me={me} />;
}

function UserView({ user, me }: { user: User; me: Me }) {
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [roles, setRoles] = useState<Role[]>(user.roles);
  const [done, setDone] = useState<string>();
  const [failure, setFailure] = useState<{ problem: ApiProblem; attempt: number; about: 'roles' | 'other' }>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const self = user.userId === me.userId;

  const refused = (error: unknown, about: 'roles' | 'other') => {
    setDone(undefined);
    setFailure({ problem: error instanceof ApiProblem ? error : ApiProblem.unreachable(), attempt: Date.now(), about });
  };
  const change = useMutation({
    mutationFn: ({ body }: { body: UserChange; said: string }) =>
      dataOf(
        api.PATCH('/api/v1/users/{userId}', {
          params: { path: { userId: user.userId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
          body,
        }),
      ),
    onSuccess: (_answer, { said }) => {
      setFailure(undefined);
      setDone(said);
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error, { body }) => refused(error, body.roles ? 'roles' : 'other'),
  });
  const reset = useMutation({
    mutationFn: () =>
      dataOf(api.POST('/api/v1/users/{userId}/password-reset', { params: { path: { userId: user.userId } } })),
    onSuccess: () => {
      setFailure(undefined);
      setDone(`A link to choose a new password is on its way to ${user.email ?? 'their email address'}.`);
    },
    onError: (error) => refused(error, 'other'),
  });
  const remove = useMutation({
    mutationFn: () =>
      dataOf(
        api.DELETE('/api/v1/users/{userId}', {
          params: { path: { userId: user.userId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
        }),
      ),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['users'] });
      navigate(`${paths.users}`);
    },
    onError: (error) => {
      setConfirmingDelete(false);
      refused(error, 'other');
    },
  });
  const saveRoles = (event: FormEvent) => {
    event.preventDefault();
    if (roles.length === 0) {
      setFailure({
        problem: new ApiProblem(400, 'VALIDATION_FAILED', 'Invalid', 'Choose at least one role.', undefined, [
          { code: 'INVALID_FIELD', field: 'roles', message: 'Choose at least one role.' },
        ]),
        attempt: Date.now(),
        about: 'roles',
      });
      return;
    }
    change.mutate({
      body: { roles },
      said: 'The roles are saved. They take effect when the user next signs in or their session renews.',
    });
  };
  const roleErrors =
    failure?.about === 'roles'
      ? failure.problem.errors.length > 0
        ? failure.problem.errors.map((error) => error.message)
        : [failure.problem.message]
      : [];
  const locked = user.lockedUntil && new Date(user.lockedUntil) > new Date();
  const busy = change.isPending || reset.isPending || remove.isPending;

  return (
    <Page title={`${user.displayName} (${user.userId})`}>
      {done && (
        <div className="notice" role="status">
          <p>{done}</p>
        </div>
      )}
      {failure && (
        <ErrorSummary
          key={failure.attempt}
          problem={failure.problem}
          items={failure.problem.errors.map((error) => ({
            message: error.message,
            target: failure.about === 'roles' ? 'field-roles' : undefined,
          }))}
        />
      )}
      <dl className="summary">
        <dt>User id</dt>
        <dd>{user.userId}</dd>
        <dt>Name</dt>
        <dd>{user.displayName}</dd>
        <dt>Email</dt>
        <dd>{user.email ?? '–'}</dd>
        <dt>State</dt>
        <dd>
          {userStateWords(user, new Date()).join(', ')}
          {locked && ` until ${formatDateTime(user.lockedUntil!)}`}
        </dd>
        {user.createdAt && (
          <>
            <dt>Created</dt>
            <dd>{formatDateTime(user.createdAt)}</dd>
          </>
        )}
      </dl>

      <h2>Roles</h2>
      <form onSubmit={saveRoles} noValidate>
        <RoleChoices
          organisationType={me.organisation.type}
          roles={roles}
          errors={roleErrors}
          onToggle={(role, on) => setRoles(on ? [...roles, role] : roles.filter((held) => held !== role))}
        />
        {self && (
          <p className="hint">You cannot take the Local Security Officer role from yourself: ask another LSO.</p>
        )}
        <button className="button" type="submit" disabled={busy || sameRoles(roles, user.roles)}>
          Save roles
        </button>
      </form>

      <h2>Account</h2>
      <div className="button-group">
        {user.status === 'ACTIVE' ? (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy || self}
            onClick={() =>
              change.mutate({
                body: { status: 'SUSPENDED' },
                said: `${user.userId} is suspended: every session of theirs has ended.`,
              })
            }
          >
            Suspend
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() =>
              change.mutate({ body: { status: 'ACTIVE' }, said: `${user.userId} is reinstated and can sign in again.` })
            }
          >
            Reinstate
          </button>
        )}
        {locked && (
          <button
            type="button"
            className="button button--secondary"
            disabled={busy}
            onClick={() => change.mutate({ body: { unlock: true }, said: `${user.userId} can try to sign in again.` })}
          >
            Lift the sign-in lock
          </button>
        )}
        <button type="button" className="button button--secondary" disabled={busy} onClick={() => reset.mutate()}>
          Email a password reset link
        </button>
        <button
          type="button"
          className="button button--warning"
          disabled={busy || self}
          onClick={() => setConfirmingDelete(true)}
        >
          Delete user
        </button>
      </div>
      {self && <p className="hint">You cannot suspend or delete yourself: ask another LSO.</p>}
      <p className="page-links">
        <Link to={paths.users}>Back to users</Link>
      </p>
      <Dialog title={`Delete ${user.userId}?`} open={confirmingDelete} onClose={() => setConfirmingDelete(false)}>
        <p>
          {user.displayName} will no longer be able to sign in, and every session of theirs ends at once. Their name,
          email and telephone are removed; their user id is never given to anyone else. This cannot be undone.
        </p>
        <div className="button-group">
          <button
            type="button"
            className="button button--warning"
            disabled={remove.isPending}
            onClick={() => remove.mutate()}
          >
            Delete {user.userId}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirmingDelete(false)}>
            Keep the user
          </button>
        </div>
      </Dialog>
    </Page>
  );
}
