import { useState, type FormEvent } from 'react';
import { ApiProblem } from '../api/problem';
import { UserIdField } from '../account/user-id-field';
import { useApp } from '../app-context';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Field } from '../ui/fields';
import { Page } from '../ui/page';
import { ErrorSummary } from '../ui/problem-notice';

/** Sign-in with a user id and password (POST /auth/login through the gateway's web session). */
export function SignIn({ notice }: { notice?: string }) {
  const { session } = useApp();
  const [userId, setUserId] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<ApiProblem>();
  const [missing, setMissing] = useState<{ field: string; message: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [attempts, setAttempts] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const blanks = [
      ...(userId.trim() ? [] : [{ field: 'userId', message: 'Enter your user id.' }]),
      ...(password ? [] : [{ field: 'password', message: 'Enter your password.' }]),
    ];
    setMissing(blanks);
    setProblem(undefined);
    setAttempts((count) => count + 1);
    if (blanks.length > 0) return;
    setBusy(true);
    try {
      await session.signIn(userId.trim(), password);
    } catch (error) {
      setProblem(error instanceof ApiProblem ? error : ApiProblem.unreachable());
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const errorsOf = (field: string) => missing.filter((blank) => blank.field === field).map((blank) => blank.message);

  return (
    <div className="narrow">
      <Page title="Sign in">
        {notice && !problem && missing.length === 0 && (
          <div className="notice" role="status">
            <p>{notice}</p>
          </div>
        )}
        {(problem || missing.length > 0) && (
          <ErrorSummary
            key={attempts}
            problem={problem}
            items={
              problem
                ? problem.errors.map((error) => ({ message: error.message }))
                : missing.map((blank) => ({ message: blank.message, target: `field-${blank.field}` }))
            }
          />
        )}
        <form onSubmit={submit} noValidate>
          <UserIdField value={userId} onChange={setUserId} errors={errorsOf('userId')} />
          <Field field="password" label="Password" errors={errorsOf('password')}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            )}
          </Field>
          <div className="button-group">
            <button className="button" type="submit" disabled={busy}>
              Sign in
            </button>
            <Link to={paths.forgottenPassword}>Forgotten your password?</Link>
          </div>
        </form>
      </Page>
    </div>
  );
}
