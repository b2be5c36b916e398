import type { ReactNode } from 'react';
import { useApp } from './app-context';
import { worksReferrals, worksTheQueue } from './contacts/contact-permissions';
import { NotificationsBell } from './notifications/notifications-bell';
import { administersUsers } from './administration/administration';
import { seesDashboard } from './dashboard/statistics';
import { canLogContacts, type Me } from './reference-data';
import { Link, useLocation } from './routing/router';
import { paths } from './routing/paths';

/**
 * Every screen's frame: who is signed in and for which organisation, the way to each screen,
 * sign-out. Until a temporary password is changed there is nowhere else to go, so no way there.
 */
export function Shell({
  me,
  passwordChangeRequired = false,
  children,
}: {
  me?: Me;
  passwordChangeRequired?: boolean;
  children: ReactNode;
}) {
  const { session } = useApp();
  const { pathname } = useLocation();
  const links =
    me && !passwordChangeRequired
      ? [
          {
            to: paths.contacts,
            label: "My organisation's contacts",
            current:
              pathname === paths.contacts || (pathname.startsWith('/contacts/') && pathname !== paths.logContact),
          },
          ...(canLogContacts(me)
            ? [{ to: paths.logContact, label: 'Log a contact', current: pathname === paths.logContact }]
            : []),
          ...(worksTheQueue(me) ? [{ to: paths.workQueue, label: 'Work queue', current: pathname === paths.workQueue }] : []),
          ...(worksReferrals(me) ? [{ to: paths.referrals, label: 'Referrals', current: pathname === paths.referrals }] : []),
          ...(seesDashboard(me)
            ? [{ to: paths.dashboard, label: 'Dashboard', current: pathname === paths.dashboard }]
            : []),
          ...(administersUsers(me)
            ? [
                {
                  to: paths.users,
                  label: 'Users and API clients',
                  current:
                    pathname.startsWith(paths.users) || pathname === paths.userPage || pathname === paths.apiClients,
                },
              ]
            : []),
        ]
      : [];
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <div className="container header__bar">
          <Link className="header__service" to={paths.home}>
            Contact Management Service
          </Link>
          {me && (
            <dl className="header__user">
              <dt>Signed in as</dt>
              <dd>
                {me.displayName} ({me.userId})
              </dd>
              <dt>Organisation</dt>
              <dd>
                {me.organisation.name} ({me.organisation.shortCode})
              </dd>
              {!passwordChangeRequired && (
                <>
                  <dt>Alerts</dt>
                  <dd>
                    <NotificationsBell />
                  </dd>
                </>
              )}
              <dt>Account</dt>
              {!passwordChangeRequired && (
                <dd>
                  <Link to={paths.account} aria-current={pathname === paths.account ? 'page' : undefined}>
                    Your account
                  </Link>
                </dd>
              )}
              {!passwordChangeRequired && (
                <dd>
                  <Link to={paths.changePassword}>Change password</Link>
                </dd>
              )}
              <dd>
                <button type="button" className="link" onClick={() => void session.signOut()}>
                  Sign out
                </button>
              </dd>
            </dl>
          )}
        </div>
      </header>
      {links.length > 0 && (
        <nav className="nav" aria-label="Main">
          <div className="container">
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <Link to={link.to} aria-current={link.current ? 'page' : undefined}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        </nav>
      )}
      <main className="container" id="main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
