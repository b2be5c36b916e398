import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import {
  alertKindName,
  alertKindsOf,
  DELIVERIES,
  preferenceChangesOf,
  type EmailDelivery,
} from '../account/notification-preferences';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Page } from '../ui/page';
import { ErrorSummary, ProblemNotice } from '../ui/problem-notice';

type Preferences = Record<string, EmailDelivery>;

/**
 * "Alerts by email" (GET/PUT /me/notification-preferences): for each kind of alert, the
 * notifications area only, an email at once, or a daily digest. Only the choices changed are sent.
 */
export function NotificationPreferencesScreen() {
  const { api } = useApp();
  const preferences = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => dataOf(api.GET('/api/v1/me/notification-preferences')),
  });
  const problem =
    preferences.error instanceof ApiProblem
      ? preferences.error
      : preferences.error
        ? ApiProblem.unreachable()
        : undefined;
  return (
    <Page
      title="Alerts by email"
      lede="Every alert is in your notifications. Choose which also come by email: at once, or once a day in a digest."
    >
      {problem && <ProblemNotice problem={problem} heading="Your choices could not be read" />}
      {preferences.isPending && <p role="status">Loading your choices…</p>}
      {preferences.data && (
        <PreferencesForm saved={preferences.data.email} address={preferences.data.address ?? null} />
      )}
      <p className="page-links">
        <Link to={paths.account}>Back to your account</Link>
      </p>
    </Page>
  );
}

function PreferencesForm({ saved, address }: { saved: Preferences; address: string | null }) {
  const { api } = useApp();
  const queryClient = useQueryClient();
  const [chosen, setChosen] = useState<Preferences>(saved);
  const [outcome, setOutcome] = useState<{ said?: string; problem?: ApiProblem; attempt: number }>();
  const save = useMutation({
    mutationFn: (email: Preferences) => dataOf(api.PUT('/api/v1/me/notification-preferences', { body: { email } })),
    onSuccess: (answer) => {
      setOutcome({ said: 'Your choices are saved.', attempt: Date.now() });
      queryClient.setQueryData(['notification-preferences'], answer);
    },
    onError: (error) =>
      setOutcome({ problem: error instanceof ApiProblem ? error : ApiProblem.unreachable(), attempt: Date.now() }),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const changes = preferenceChangesOf(saved, chosen);
    if (changes) save.mutate(changes);
    else setOutcome({ said: 'Nothing has changed.', attempt: Date.now() });
  };
  return (
    <form onSubmit={submit} noValidate>
      {outcome?.said && (
        <div className="notice" role="status">
          <p>{outcome.said}</p>
        </div>
      )}
      {outcome?.problem && (
        <ErrorSummary
          key={outcome.attempt}
          problem={outcome.problem}
          items={outcome.problem.errors.map((error) => ({ message: error.message }))}
        />
      )}
      <p>{address ? `Emails go to ${address}.` : 'Emails go to the address of your account.'}</p>
      <div className="table-wrapper">
        <table className="choice-table">
          <caption className="visually-hidden">For each kind of alert, how it reaches you</caption>
          <thead>
            <tr>
              <th scope="col">Alert</th>
              {DELIVERIES.map((delivery) => (
                <th scope="col" key={delivery.value}>
                  {delivery.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {alertKindsOf(chosen).map((kind) => (
              <tr key={kind}>
                <th scope="row" id={`kind-${kind}`}>
                  {alertKindName(kind)}
                </th>
                {DELIVERIES.map((delivery) => (
                  <td key={delivery.value}>
                    <input
                      type="radio"
                      className="radio"
                      name={kind}
                      value={delivery.value}
                      aria-label={`${alertKindName(kind)}: ${delivery.label}`}
                      checked={chosen[kind] === delivery.value}
                      onChange={() => setChosen({ ...chosen, [kind]: delivery.value })}
                    />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button className="button" type="submit" disabled={save.isPending}>
        Save choices
      </button>
    </form>
  );
}
