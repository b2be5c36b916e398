import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { publicApiClient } from '../api/public-client';
import { newPasswordProblems, resetTokenOf } from '../account/account-rules';
import { useApp } from '../app-context';
import { paths } from '../routing/paths';
import { Link, navigate, useLocation } from '../routing/router';
import { Field } from '../ui/fields';
import { Page } from '../ui/page';
import { useFormProblems } from '../ui/form-problems';

/**
 * The page of the emailed reset link (`/reset-password?token=…`): a new password, chosen once with
 * the token (POST /auth/password-reset/complete). Every session of the user then ends, this
 * browser's too, and they sign in with the new password. The policy's reasons come by the field.
 */
export function ResetPasswordScreen() {
  const { session } = useApp();
  const { search } = useLocation();
  const token = resetTokenOf(search);
  const [values, setValues] = useState({ newPassword: '', confirmPassword: '' });
  const form = useFormProblems();
  const [busy, setBusy] = useState(false);

  if (!token) {
    return (
      <div className="narrow">
        <Page title="This link does not work">
          <p>The address is not a whole password reset link. Open the link in the email again, or ask for a new one.</p>
          <p className="page-links">
            <Link to={paths.forgottenPassword}>Ask for a new link</Link>
          </p>
        </Page>
      </div>
    );
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.checked(newPasswordProblems(values.newPassword, values.confirmPassword))) return;
    setBusy(true);
    try {
      await dataOf(
        publicApiClient().POST('/api/v1/auth/password-reset/complete', {
          body: { token, newPassword: values.newPassword },
        }),
      );
      // Every session of the user ended with the reset: sign in afresh, with the new password.
      session.end('Your password is changed. Sign in with your new password.');
      navigate(paths.home, { replace: true });
    } catch (error) {
      // An unknown, used or expired link is said at the top; the policy's reasons go by the new password.
      form.refused(error, (reason) => (reason.field === 'token' ? 'token' : 'newPassword'));
    } finally {
      setBusy(false);
    }
  };
  const errorsOf = form.errorsOf;
  const input = (field: 'newPassword' | 'confirmPassword') => (props: object) => (
    <input
      {...props}
      className="input"
      type="password"
      name={field}
      autoComplete="new-password"
      value={values[field]}
      onChange={(event) => setValues({ ...values, [field]: event.target.value })}
    />
  );

  return (
    <div className="narrow">
      <Page title="Choose a new password">
        {form.summary}
        {form.problem?.code === 'INVALID_RESET_TOKEN' && (
          <p className="page-links">
            <Link to={paths.forgottenPassword}>Ask for a new link</Link>
          </p>
        )}
        <form onSubmit={submit} noValidate>
          <Field
            field="newPassword"
            label="New password"
            hint="Use a long password that is yours alone: not a common one, and not containing your user id."
            errors={errorsOf('newPassword')}
          >
            {input('newPassword')}
          </Field>
          <Field field="confirmPassword" label="New password again" errors={errorsOf('confirmPassword')}>
            {input('confirmPassword')}
          </Field>
          <button className="button" type="submit" disabled={busy}>
            Change password
          </button>
        </form>
      </Page>
    </div>
  );
}
