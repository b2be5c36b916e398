import { useState, type FormEvent } from 'react';
import { dataOf } from '../api/client';
import { publicApiClient } from '../api/public-client';
import { UserIdField } from '../account/user-id-field';
import { userIdProblems } from '../account/account-rules';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Page } from '../ui/page';
import { useFormProblems } from '../ui/form-problems';

/**
 * "Forgotten your password?" (POST /users/{userId}/password-reset without a token): access-control
 * emails the user a link to choose a new password. Its answer is the same whether or not the user
 * id exists (no one learns which ids do), and it sends at most one email a minute per user.
 */
export function ForgottenPasswordScreen() {
  const [userId, setUserId] = useState('');
  const form = useFormProblems();
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form.checked(userIdProblems(userId))) return;
    setBusy(true);
    try {
      await dataOf(
        publicApiClient().POST('/api/v1/users/{userId}/password-reset', {
          params: { path: { userId: userId.trim() } },
        }),
      );
      setSent(true);
    } catch (error) {
      form.refused(error, () => 'userId');
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
          <p className="page-links">
            <Link to={paths.home}>Back to sign in</Link>
          </p>
        </Page>
      </div>
    );
  }
  return (
    <div className="narrow">
      <Page title="Forgotten your password?" lede="Give your user id: we email you a link to choose a new password.">
        {form.summary}
        <form onSubmit={submit} noValidate>
          <UserIdField value={userId} onChange={setUserId} errors={form.errorsOf('userId')} />
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
