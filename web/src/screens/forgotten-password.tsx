import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { publicApiClient } from '../api/public-client';
import { userIdProblems, type FieldProblem } from '../account/account-rules';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Field } from '../ui/fields';
import { Page } from '../ui/page';
import { ErrorSummary } from '../ui/problem-notice';

/**
 * "Forgotten your password?" (POST /users/{userId}/password-reset without a token): access-control
 * emails the user a link to choose a new password. Its answer is the same whether or not the user
 * id exists (no one learns which ids do), and it sends at most one email a minute per user.
 */
export function ForgottenPasswordScreen() {
  const [userId, setUserId] = useState('');
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [problem, setProblem] = useState<ApiProblem>();
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = userIdProblems(userId);
    setProblems(found);
    setProblem(undefined);
    setAttempt((count) => count + 1);
    if (found.length > 0) return;
    setBusy(true);
    try {
      await dataOf(
        publicApiClient().POST('/api/v1/users/{userId}/password-reset', {
          params: { path: { userId: userId.trim() } },
        }),
      );
      setSent(true);
    } catch (error) {
      const refused = error instanceof ApiProblem ? error : ApiProblem.unreachable();
      setProblem(refused);
      setProblems(refused.errors.map((reason) => ({ field: 'userId', message: reason.message })));
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <div className="narrow">
        <Page title="Check your email">
          <div className="notice" role="status">
            <p>
              If <strong>{userId.trim()}</strong> is an active CMS user, we have emailed the address they have with us a
              link to choose a new password. It works once, for a short time.
            </p>
          </div>
          <p>No email after a few minutes? Check the user id, or ask your organisation's Local Security Officer.</p>
          <p>
            <Link to={paths.home}>Back to sign in</Link>
          </p>
        </Page>
      </div>
    );
  }
  return (
    <div className="narrow">
      <Page title="Forgotten your password?" lede="Give your user id: we email you a link to choose a new password.">
        {(problems.length > 0 || problem) && (
          <ErrorSummary
            key={attempt}
            problem={problem}
            items={problems.map((found) => ({ message: found.message, target: 'field-userId' }))}
          />
        )}
        <form onSubmit={submit} noValidate>
          <Field
            field="userId"
            label="User id"
            hint="Given to you by your organisation's Local Security Officer."
            errors={problems.map((found) => found.message)}
          >
            {(props) => (
              <input
                {...props}
                className="input"
                name="userId"
                autoComplete="username"
                spellCheck={false}
                value={userId}
                onChange={(event) => setUserId(event.target.value)}
              />
            )}
          </Field>
          <div className="button-group">
            <button className="button" type="submit" disabled={busy}>
              Email me a link
            </button>
            <Link to={paths.home}>Back to sign in</Link>
          </div>
        </form>
      </Page>
    </div>
  );
}
