import { useInfiniteQuery } from '@tanstack/react-query';
import { dataOf } from '../api/client';
import { ApiProblem } from '../api/problem';
import { useApp } from '../app-context';
import { formatDateTime } from '../format/dates';
import { ALERT_LIST, useMarkRead } from '../notifications/use-alerts';
import { paths } from '../routing/paths';
import { Link } from '../routing/router';
import { Page } from '../ui/page';
import { ProblemNotice } from '../ui/problem-notice';

/** Alerts a page. */
const ALERTS_PER_PAGE = 20;

/**
 * The notifications area (docs/domain.md "Alerts"; GET /notifications): my alerts, newest first,
 * unread ones marked; each opens its contact (and is read then), one or all can be marked read.
 * New alerts join the list as they come (the bell's stream reads it again).
 */
export function NotificationsScreen() {
  const { api } = useApp();
  const alerts = useInfiniteQuery({
    queryKey: ALERT_LIST,
    queryFn: ({ pageParam }) =>
      dataOf(
        api.GET('/api/v1/notifications', {
          params: { query: { limit: ALERTS_PER_PAGE, ...(pageParam ? { cursor: pageParam } : {}) } },
        }),
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });
  const markRead = useMarkRead();
  const unread = alerts.data?.pages[0]?.unreadCount ?? 0;
  const items = alerts.data?.pages.flatMap((page) => page.items) ?? [];
  const problem = [alerts.error, markRead.error].find((error) => error instanceof ApiProblem);

  return (
    <Page title="Alerts" lede={alerts.data && (unread === 0 ? 'You have no unread alerts.' : `You have ${unread} unread ${unread === 1 ? 'alert' : 'alerts'}.`)}>
      {problem && <ProblemNotice problem={problem} heading="The alerts could not be read or marked" />}
      {unread > 0 && (
        <div className="button-group">
          <button type="button" className="button button--secondary" disabled={markRead.isPending} onClick={() => markRead.mutate('all')}>
            Mark all as read
          </button>
        </div>
      )}
      {alerts.isPending && <p role="status">Loading your alerts…</p>}
      {alerts.data && items.length === 0 && <p>No alerts yet. They come here when something on a contact needs you or concerns you.</p>}
      {items.length > 0 && (
        <ol className="alerts" aria-label="Alerts, newest first">
          {items.map((alert) => (
            <li key={alert.id} className={alert.read ? 'alert' : 'alert alert--unread'}>
              <p className="alert__title">
                <Link
                  to={paths.contact(alert.crn)}
                  onClick={() => {
                    if (!alert.read) markRead.mutate(alert.id);
                  }}
                >
                  {alert.title}
                </Link>
              </p>
              <p className="meta">
                {!alert.read && <span className="tag tag--open">Unread</span>}{' '}
                <time dateTime={alert.occurredAt}>{formatDateTime(alert.occurredAt)}</time> · Contact {alert.crn}
              </p>
              {!alert.read && (
                <button type="button" className="link" onClick={() => markRead.mutate(alert.id)}>
                  Mark as read<span className="visually-hidden">: {alert.title}</span>
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {alerts.hasNextPage && (
        <div className="button-group">
          <button
            type="button"
            className="button button--secondary"
            disabled={alerts.isFetchingNextPage}
            onClick={() => void alerts.fetchNextPage()}
          >
            Show older alerts
          </button>
        </div>
      )}
    </Page>
  );
}
