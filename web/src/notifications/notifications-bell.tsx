import { useState } from 'react';
import { paths } from '../routing/paths';
import { Link, useLocation } from '../routing/router';
import { useLiveAlerts, useNewestAlerts } from './use-alerts';

/**
 * The notifications bell in the shell: the way to the alerts, with the count of unread ones, kept
 * live by the stream. A new alert is also read out (a polite live region), once, by its title.
 */
export function NotificationsBell() {
  const newest = useNewestAlerts();
  const { pathname } = useLocation();
  const [announced, setAnnounced] = useState('');
  useLiveAlerts(newest.data, (alert) => setAnnounced(`New alert: ${alert.title}`));
  const unread = newest.data?.unreadCount ?? 0;
  return (
    <>
      <Link
        to={paths.notifications}
        className="bell"
        aria-current={pathname === paths.notifications ? 'page' : undefined}
        data-unread={unread}
      >
        <svg className="bell__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
          <path d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        Alerts
        {unread > 0 && (
          <span className="bell__count">
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
      </Link>
      <span className="visually-hidden" aria-live="polite">
        {announced}
      </span>
    </>
  );
}
