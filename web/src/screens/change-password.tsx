import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { navigate } from '../routing/router';
import { paths } from '../routing/paths';
import { Field } from '../ui/fields';
import { Page } from '../ui/page';
import { ErrorSummary } from '../ui/problem-notice';

type PasswordField = 'currentPassword' | 'newPassword' | 'confirmPassword';

/**
 * Changing one's password (POST /auth/password), which a user signed in with a temporary password
 * must do before anything else. The policy is the API's: its reasons are shown by the new password.
 */
export function ChangePassword({ required }: { required: boolean }) {
  const { api, session } = useApp();
  const [values, setValues] = useState<Record<PasswordField, string>>({
    currentPassword: '',
    newPassword: '',
    confirmPassword: '',
  });
  const [errors, setErrors] = useState<{ field?: PasswordField; message: string }[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [busy, setBusy] = useState(false);
  const [changed, setChanged] = useState(false);
  const [attempts, setAttempts] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found: { field: PasswordField; message: string }[] = [];
    if (!values.currentPassword)
      found.push({
        field: 'currentPassword',
        message: required ? 'Enter the temporary password you signed in with.' : 'Enter your current password.',
      });
    if (!values.newPassword) found.push({ field: 'newPassword', message: 'Enter a new password.' });
    else if (values.confirmPassword !== values.newPassword)
      found.push({ field: 'confirmPassword', message: 'The passwords do not match.' });
    setErrors(found);
    setProblem(undefined);
    setAttempts((count) => count + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await dataOf(
        api.POST('/api/v1/auth/password', {
          body: { currentPassword: values.currentPassword, newPassword: values.newPassword },
        }),
      );
      // Every other session ended; this one is renewed for a token without the temporary-password mark.
      await session.renew();
      setChanged(true);
      if (required) navigate(paths.home, { replace: true });
    } catch (error) {
      const refused = error instanceof ApiProblem ? error : ApiProblem.unreachable();
      setProblem(refused);
      setErrors(
        refused.code === 'CURRENT_PASSWORD_INCORRECT'
          ? [{ field: 'currentPassword', message: refused.message }]
          : refused.errors.map((reason) => ({
              field: reason.field === 'currentPassword' ? 'currentPassword' : 'newPassword',
              message: reason.message,
            })),
      );
    } finally {
      setBusy(false);
    }
  };

  const errorsOf = (field: PasswordField) =>
    errors.filter((error) => error.field === field).map((error) => error.message);
  const input = (field: PasswordField, autoComplete: string) => (props: object) => (
    <input
      {...props}
      className="input"
      type="password"
      name={field}
      autoComplete={autoComplete}
      value={values[field]}
      onChange={(event) => setValues({ ...values, [field]: event.target.value })}
    />
  );

  return (
    <div className="narrow">
      <Page
        title={required ? 'Choose your password' : 'Change your password'}
        lede={required ? 'You signed in with a temporary password. Choose your own before you go on.' : undefined}
      >
        {changed && (
          <div className="notice" role="status">
            <p>Your password is changed. Any other place you were signed in has been signed out.</p>
          </div>
        )}
        {(errors.length > 0 || problem) && (
          <ErrorSummary
            key={attempts}
            problem={problem}
            items={errors.map((error) => ({
              message: error.message,
              target: error.field ? `field-${error.field}` : undefined,
            }))}
          />
        )}
        <form onSubmit={submit} noValidate>
          <Field
            field="currentPassword"
            label={required ? 'Temporary password' : 'Current password'}
            errors={errorsOf('currentPassword')}
          >
            {input('currentPassword', 'current-password')}
          </Field>
          <Field
            field="newPassword"
            label="New password"
            hint="Use a long password that is yours alone: not a common one, and not containing your user id."
            errors={errorsOf('newPassword')}
          >
            {input('newPassword', 'new-password')}
          </Field>
          <Field field="confirmPassword" label="New password again" errors={errorsOf('confirmPassword')}>
            {input('confirmPassword', 'new-password')}
          </Field>
          <button className="button" type="submit" disabled={busy}>
            Change password
          </button>
        </form>
      </Page>
    </div>
  );
}
