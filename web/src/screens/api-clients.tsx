import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { useApp } from '../app-context';
import { apiClientProblems, scopesFor, type Scope } from '../administration/administration';
import { newIdempotencyKey } from '../contacts/idempotency-key';
import { formatDateTime } from '../format/dates';
import type { Me } from '../reference-data';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Dialog } from '../ui/dialog';
import { controlId, ErrorMessages, Field } from '../ui/fields';
import { Page } from '../ui/page';
import { useFormProblems } from '../ui/form-problems';
import { ErrorSummary, ProblemNotice } from '../ui/problem-notice';

type ApiClient = components['schemas']['ApiClientResponse'];
type WithSecret = components['schemas']['RegisteredApiClientResponse'];

/**
 * "API clients": the partner systems of the LSO's organisation (OAuth 2 client credentials): the
 * list (never a secret), registering one, giving one a new secret, revoking one. A secret is shown
 * once, in the answer that made it; the API keeps only its hash.
 */
export function ApiClientsScreen({ me }: { me: Me }) {
  const { api } = useApp();
  const queryClient = useQueryClient();
  const clients = useQuery({ queryKey: ['api-clients'], queryFn: () => dataOf(api.GET('/api/v1/api-clients')) });
  const [secret, setSecret] = useState<{ client: WithSecret; why: 'registered' | 'rotated' }>();
  const [confirming, setConfirming] = useState<{ client: ApiClient; action: 'rotate' | 'revoke' }>();
  const [failure, setFailure] = useState<{ problem: ApiProblem; attempt: number }>();
  const [done, setDone] = useState<string>();
  const refused = (error: unknown) => {
    setConfirming(undefined);
    setDone(undefined);
    setFailure({ problem: error instanceof ApiProblem ? error : ApiProblem.unreachable(), attempt: Date.now() });
  };
  const rotate = useMutation({
    mutationFn: (clientId: string) =>
      dataOf(api.POST('/api/v1/api-clients/{clientId}/secret-rotation', { params: { path: { clientId } } })),
    onSuccess: (answer) => {
      setConfirming(undefined);
      setFailure(undefined);
      setDone(undefined);
      setSecret({ client: answer, why: 'rotated' });
    },
    onError: refused,
  });
  const revoke = useMutation({
    mutationFn: (client: ApiClient) =>
      dataOf(
        api.DELETE('/api/v1/api-clients/{clientId}', {
          params: { path: { clientId: client.clientId }, header: { 'Idempotency-Key': newIdempotencyKey() } },
        }),
      ),
    onSuccess: (_answer, client) => {
      setConfirming(undefined);
      setFailure(undefined);
      setDone(`${client.name} is revoked: its secret and tokens no longer work.`);
      void queryClient.invalidateQueries({ queryKey: ['api-clients'] });
    },
    onError: refused,
  });
  const problem =
    clients.error instanceof ApiProblem ? clients.error : clients.error ? ApiProblem.unreachable() : undefined;

  return (
    <Page
      title="API clients"
      lede={`Partner systems of ${me.organisation.name} that use the CMS API with a client id and secret (OAuth 2 client credentials).`}
    >
      {done && (
        <div className="notice" role="status">
          <p>{done}</p>
        </div>
      )}
      {failure && <ErrorSummary key={failure.attempt} problem={failure.problem} items={[]} />}
      {problem && <ProblemNotice problem={problem} heading="The API clients could not be listed" />}
      {clients.isPending && <p role="status">Loading API clients…</p>}
      {clients.data && (
        <div className="table-wrapper">
          <table>
            <caption>{clients.data.items.length === 0 ? 'No API clients yet' : 'API clients'}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Client id</th>
                <th scope="col">Scopes</th>
                <th scope="col">Registered</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {clients.data.items.map((client) => (
                <tr key={client.clientId}>
                  <td>{client.name}</td>
                  <td>
                    <code>{client.clientId}</code>
                  </td>
                  <td>{client.scopes.join(', ')}</td>
                  <td>
                    {formatDateTime(client.createdAt)} by {client.createdBy}
                  </td>
                  <td>
                    <div className="button-group button-group--tight">
                      <button
                        type="button"
                        className="button button--secondary button--small"
                        onClick={() => setConfirming({ client, action: 'rotate' })}
                      >
                        New secret<span className="visually-hidden"> for {client.name}</span>
                      </button>
                      <button
                        type="button"
                        className="button button--warning button--small"
                        onClick={() => setConfirming({ client, action: 'revoke' })}
                      >
                        Revoke<span className="visually-hidden"> {client.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <RegisterClient
        organisationType={me.organisation.type}
        onRegistered={(client) => {
          setDone(undefined);
          setFailure(undefined);
          setSecret({ client, why: 'registered' });
          void queryClient.invalidateQueries({ queryKey: ['api-clients'] });
        }}
      />
      <p className="page-links">
        <Link to={paths.users}>Back to users</Link>
      </p>
      <Dialog
        title={
          confirming?.action === 'revoke'
            ? `Revoke ${confirming.client.name}?`
            : `A new secret for ${confirming?.client.name ?? ''}?`
        }
        open={confirming !== undefined}
        onClose={() => setConfirming(undefined)}
      >
        {confirming && (
          <>
            <p>
              {confirming.action === 'revoke'
                ? 'Its secret stops working at once, and so do the tokens it holds. This cannot be undone.'
                : 'Its current secret stops working at once: the partner system must be given the new one. Tokens it already holds run out within minutes.'}
            </p>
            <div className="button-group">
              <button
                type="button"
                className={confirming.action === 'revoke' ? 'button button--warning' : 'button'}
                disabled={rotate.isPending || revoke.isPending}
                onClick={() =>
                  confirming.action === 'revoke'
                    ? revoke.mutate(confirming.client)
                    : rotate.mutate(confirming.client.clientId)
                }
              >
                {confirming.action === 'revoke' ? 'Revoke' : 'Make a new secret'}
              </button>
              <button type="button" className="button button--secondary" onClick={() => setConfirming(undefined)}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Dialog>
      <Dialog
        title={secret?.why === 'rotated' ? 'The new client secret' : 'API client registered'}
        open={secret !== undefined}
        onClose={() => setSecret(undefined)}
      >
        {secret && (
          <>
            <dl className="summary">
              <dt>Name</dt>
              <dd>{secret.client.name}</dd>
              <dt>Client id</dt>
              <dd>
                <code>{secret.client.clientId}</code>
              </dd>
              <dt>Client secret</dt>
              <dd className="secret" data-client-secret={secret.client.clientSecret}>
                <code>{secret.client.clientSecret}</code>
              </dd>
              {secret.client.referralFeed && (
                <>
                  <dt>Referral feed topic</dt>
                  <dd>
                    <code>{secret.client.referralFeed.topic}</code> (SCRAM-SHA-512: the client id and secret)
                  </dd>
                </>
              )}
            </dl>
            <div className="notice notice--warning">
              <p>Copy the secret now: this is the only time it is shown.</p>
            </div>
            <div className="button-group">
              <button type="button" className="button" onClick={() => setSecret(undefined)}>
                I have copied it
              </button>
            </div>
          </>
        )}
      </Dialog>
    </Page>
  );
}

function RegisterClient({
  organisationType,
  onRegistered,
}: {
  organisationType: Me['organisation']['type'];
  onRegistered: (client: WithSecret) => void;
}) {
  const { api } = useApp();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const form = useFormProblems();
  const register = useMutation({
    mutationFn: () => dataOf(api.POST('/api/v1/api-clients', { body: { name: name.trim(), scopes } })),
    onSuccess: (client) => {
      setName('');
      setScopes([]);
      form.clear();
      onRegistered(client);
    },
    onError: (error) => form.refused(error, (reason) => (reason.field === 'name' ? 'name' : 'scopes')),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (form.checked(apiClientProblems(name, scopes))) register.mutate();
  };
  const errorsOf = form.errorsOf;
  const scopesId = controlId('scopes');
  return (
    <section aria-labelledby="register-heading">
      <h2 id="register-heading">Register an API client</h2>
      {form.summary}
      <form onSubmit={submit} noValidate>
        <Field
          field="name"
          label="Name"
          hint="What the partner system is, for people: for example, Billing system."
          errors={errorsOf('name')}
        >
          {(props) => (
            <input
              {...props}
              className="input"
              name="name"
              autoComplete="off"
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </Field>
        <div className={errorsOf('scopes').length > 0 ? 'field field--error' : 'field'}>
          <fieldset aria-describedby={errorsOf('scopes').length > 0 ? `${scopesId}-error` : undefined}>
            <legend className="label">Scopes</legend>
            <span className="hint">What it may do: only what it needs.</span>
            <ErrorMessages id={`${scopesId}-error`} errors={errorsOf('scopes')} />
            <div className="choices">
              {scopesFor(organisationType).map((scope, index) => (
                <label className="choice" key={scope}>
                  <input
                    type="checkbox"
                    id={index === 0 ? scopesId : `${scopesId}-${scope.replace(':', '-')}`}
                    name="scopes"
                    value={scope}
                    checked={scopes.includes(scope)}
                    onChange={(event) =>
                      setScopes(event.target.checked ? [...scopes, scope] : scopes.filter((held) => held !== scope))
                    }
                  />
                  <code>{scope}</code>
                </label>
              ))}
            </div>
          </fieldset>
        </div>
        <button className="button" type="submit" disabled={register.isPending}>
          Register client
        </button>
      </form>
    </section>
  );
}
