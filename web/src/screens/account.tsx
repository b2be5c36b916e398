import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { profileChangeOf, profileProblems, type ProfileValues } from '../account/account-rules';
import type { Me } from '../reference-data';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Dialog } from '../ui/dialog';
import { Field } from '../ui/fields';
import { Page } from '../ui/page';
import { useFormProblems } from '../ui/form-problems';
import { ErrorSummary } from '../ui/problem-notice';

/**
 * "Your account": the user's own name, email and telephone (PATCH /me; their user id, organisation
 * and roles are their LSO's to change), the ways to their password and alerts, and signing out
 * everywhere (DELETE /me/sessions: every session of theirs ends, on every device, this one too).
 */
export function AccountScreen({ me }: { me: Me }) {
  const { api, session } = useApp();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<ProfileValues>({
    displayName: me.displayName,
    email: me.email,
    telephone: me.telephone ?? '',
  });
  const form = useFormProblems();
  const [saved, setSaved] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [endProblem, setEndProblem] = useState<ApiProblem>();

  const save = useMutation({
    mutationFn: (body: NonNullable<ReturnType<typeof profileChangeOf>>) => dataOf(api.PATCH('/api/v1/me', { body })),
    onSuccess: (answer) => {
      queryClient.setQueryData(['me'], answer);
      setSaved('Your details are saved.');
    },
    onError: (error) => form.refused(error, (reason) => reason.field ?? 'displayName'),
  });
  const endEverywhere = useMutation({
    mutationFn: () => dataOf(api.DELETE('/api/v1/me/sessions')),
    onSuccess: () => session.signOut('You are signed out everywhere: on this device and every other.'),
    onError: (error) => {
      setConfirming(false);
      setEndProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable());
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSaved(undefined);
    if (!form.checked(profileProblems(values))) return;
    const change = profileChangeOf(me, values);
    if (change) save.mutate(change);
    else setSaved('Nothing has changed.');
  };
  const errorsOf = form.errorsOf;
  const input = (field: keyof ProfileValues, type: string, autoComplete: string) => (props: object) => (
    <input
      {...props}
      className="input"
      name={field}
      type={type}
      autoComplete={autoComplete}
      value={values[field]}
      onChange={(event) => setValues({ ...values, [field]: event.target.value })}
    />
  );

  return (
    <Page title="Your account">
      <dl className="summary">
        <dt>User id</dt>
        <dd>{me.userId}</dd>
        <dt>Organisation</dt>
        <dd>
          {me.organisation.name} ({me.organisation.shortCode})
        </dd>
      </dl>
      <p className="page-links">
        <Link to={paths.changePassword}>Change your password</Link> ·{' '}
        <Link to={paths.notificationPreferences}>Choose which alerts come by email</Link>
      </p>

      <section aria-labelledby="details-heading" className="narrow">
        <h2 id="details-heading">Your details</h2>
        {saved && (
          <div className="notice" role="status">
            <p>{saved}</p>
          </div>
        )}
        {form.summary}
        <form onSubmit={submit} noValidate>
          <Field field="displayName" label="Name" errors={errorsOf('displayName')}>
            {input('displayName', 'text', 'name')}
          </Field>
          <Field
            field="email"
            label="Email address"
            hint="Where your password reset links and alert emails go."
            errors={errorsOf('email')}
          >
            {input('email', 'email', 'email')}
          </Field>
          <Field
            field="telephone"
            label="Telephone (optional)"
            hint="For example, 0161 496 0000."
            errors={errorsOf('telephone')}
          >
            {input('telephone', 'tel', 'tel')}
          </Field>
          <button className="button" type="submit" disabled={save.isPending}>
            Save your details
          </button>
        </form>
      </section>

      <section aria-labelledby="sessions-heading">
        <h2 id="sessions-heading">Sign out everywhere</h2>
        <p>
          Ends every session of yours: in this browser and on any other device where you are signed in. Do this if you
          signed in somewhere you should not stay signed in, or think someone else may have.
        </p>
        {endProblem && <ErrorSummary problem={endProblem} items={[]} />}
        <button type="button" className="button button--warning" onClick={() => setConfirming(true)}>
          Sign out everywhere
        </button>
      </section>
      <Dialog title="Sign out everywhere?" open={confirming} onClose={() => setConfirming(false)}>
        <p>Every session of yours ends, this one too. You will need to sign in again.</p>
        <div className="button-group">
          <button
            type="button"
            className="button button--warning"
            disabled={endEverywhere.isPending}
            onClick={() => endEverywhere.mutate()}
          >
            Sign out everywhere
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            Stay signed in
          </button>
        </div>
      </Dialog>
    </Page>
  );
}
