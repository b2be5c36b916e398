import type { components } from '../api/schema';
import type { Alert } from './alert-stream';

export type AlertPage = components['schemas']['NotificationPageResponse'];

/**
 * The newest page of alerts with one that just arrived in the stream: first, and counted unread
 * if it is. An alert already on the page (a reconnection resends nothing, but a page read after
 * the alert was made already has it) changes nothing. The page keeps its size.
 */
export function withNewAlert(page: AlertPage, alert: Alert): AlertPage {
  if (page.items.some((item) => item.id === alert.id)) return page;
  return {
    ...page,
    items: [alert, ...page.items].slice(0, Math.max(page.items.length, 1)),
    unreadCount: page.unreadCount + (alert.read ? 0 : 1),
  };
}

/** Where the stream starts: after the newest alert of the page ('0', before every alert, when there is none). */
export function streamStartOf(page: AlertPage): string {
  return page.items[0]?.id ?? '0';
}
