import { useEffect, useSyncExternalStore } from 'react';
import { useApp } from './app-context';
import { canLogContacts, useMe } from './reference-data';
import { matchPath, paths } from './routing/paths';
import { navigate, useLocation } from './routing/router';
import { ChangePassword } from './screens/change-password';
import { ContactScreen } from './screens/contact';
import { ContactsScreen } from './screens/contacts';
import { LogContactScreen } from './screens/log-contact';
import { Message } from './screens/message';
import { NotificationsScreen } from './screens/notifications';
import { ReferralsScreen } from './screens/referrals';
import { WorkQueueScreen } from './screens/work-queue';
import { SignIn } from './screens/sign-in';
import { Shell } from './shell';
import { ProblemNotice } from './ui/problem-notice';
import { ApiProblem } from './api/problem';
import { worksReferrals, worksTheQueue } from './contacts/contact-permissions';
import { administersUsers } from './administration/administration';
import { seesDashboard } from './dashboard/statistics';
import { AccountScreen } from './screens/account';
import { ApiClientsScreen } from './screens/api-clients';
import { DashboardScreen } from './screens/dashboard';
import { ForgottenPasswordScreen } from './screens/forgotten-password';
import { NewUserScreen } from './screens/new-user';
import { NotificationPreferencesScreen } from './screens/notification-preferences';
import { ResetPasswordScreen } from './screens/reset-password';
import { UserScreen } from './screens/user';
import { UsersScreen } from './screens/users';

/**
 * The app by the session's state: signing in, choosing a password when the API demands it, then
 * the screen of the address. Signing in never changes the address: a bookmark opens after it.
 */
export function App() {
  const { session } = useApp();
  const state = useSyncExternalStore(session.subscribe, session.getState);
  const { pathname } = useLocation();
  if (state.status === 'restoring') {
    return (
      <Shell>
        <p role="status">Loading…</p>
      </Shell>
    );
  }
  if (state.status === 'signed-out') {
    // Signed out, a forgotten password and the emailed reset link have their own pages; any other address asks to sign in.
    return (
      <Shell>
        {pathname === paths.forgottenPassword ? (
          <ForgottenPasswordScreen />
        ) : pathname === paths.resetPassword ? (
          <ResetPasswordScreen />
        ) : (
          <SignIn notice={state.notice} />
        )}
      </Shell>
    );
  }
  return <SignedIn passwordChangeRequired={state.passwordChangeRequired} />;
}

function SignedIn({ passwordChangeRequired }: { passwordChangeRequired: boolean }) {
  const me = useMe();
  const { pathname, search } = useLocation();
  useEffect(() => {
    if (pathname === paths.home && !passwordChangeRequired) navigate(paths.contacts, { replace: true });
  }, [pathname, passwordChangeRequired]);

  if (passwordChangeRequired) {
    return (
      <Shell me={me.data} passwordChangeRequired>
        <ChangePassword required />
      </Shell>
    );
  }
  if (me.error) {
    return (
      <Shell>
        <ProblemNotice
          problem={me.error instanceof ApiProblem ? me.error : ApiProblem.unreachable()}
          heading="Your account could not be read"
        />
      </Shell>
    );
  }
  if (!me.data) {
    return (
      <Shell>
        <p role="status">Loading…</p>
      </Shell>
    );
  }
  const contact = matchPath('/contacts/:crn', pathname);
  let screen;
  if (pathname === paths.contacts || pathname === paths.home) screen = <ContactsScreen />;
  else if (pathname === paths.logContact)
    screen = canLogContacts(me.data) ? (
      <LogContactScreen />
    ) : (
      <Message title="You cannot log contacts">
        Only a shipper's contact users log DTL and ISO contacts. Your organisation's Local Security Officer can give you
        that role.
      </Message>
    );
  else if (contact) screen = <ContactScreen crn={contact.crn} />;
  else if (pathname === paths.changePassword) screen = <ChangePassword required={false} />;
  else if (pathname === paths.notifications) screen = <NotificationsScreen />;
  else if (pathname === paths.workQueue)
    screen = worksTheQueue(me.data) ? (
      <WorkQueueScreen />
    ) : (
      <Message title="The work queue is the CDSP’s">
        The work queue holds the contacts CDSP agents investigate. Your organisation's contacts are in its list.
      </Message>
    );
  else if (pathname === paths.referrals)
    screen = worksReferrals(me.data) ? (
      <ReferralsScreen />
    ) : (
      <Message title="Referrals are the transporters’">
        Referrals are the site visits referred to a transporter's users. Your organisation's contacts are in its list.
      </Message>
    );
  else if (pathname === paths.forgottenPassword) screen = <ForgottenPasswordScreen />;
  else if (pathname === paths.resetPassword) screen = <ResetPasswordScreen />;
  else if (pathname === paths.account) screen = <AccountScreen me={me.data} />;
  else if (pathname === paths.notificationPreferences) screen = <NotificationPreferencesScreen />;
  else if (
    pathname === paths.users ||
    pathname === paths.newUser ||
    pathname === paths.userPage ||
    pathname === paths.apiClients
  )
    screen = administersUsers(me.data) ? (
      pathname === paths.users ? (
        <UsersScreen />
      ) : pathname === paths.newUser ? (
        <NewUserScreen me={me.data} />
      ) : pathname === paths.apiClients ? (
        <ApiClientsScreen me={me.data} />
      ) : (
        <UserScreen userId={search.get('id') ?? ''} me={me.data} />
      )
    ) : (
      <Message title="Only your Local Security Officer administers users">
        Your organisation's Local Security Officer creates and suspends users, sets their roles and manages API clients.
      </Message>
    );
  else if (pathname === paths.dashboard)
    screen = seesDashboard(me.data) ? (
      <DashboardScreen />
    ) : (
      <Message title="The dashboard is the CDSP's">
        The contacts dashboard covers every organisation's contacts, so only the CDSP sees it.
      </Message>
    );
  else
    screen = (
      <Message title="Page not found">
        There is no page at this address. Check it, or go to your organisation's contacts.
      </Message>
    );
  return <Shell me={me.data}>{screen}</Shell>;
}
