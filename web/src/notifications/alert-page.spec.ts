import type { Alert } from './alert-stream';
import { streamStartOf, withNewAlert, type AlertPage } from './alert-page';

const alert = (id: string, read = false): Alert => ({
  id,
  kind: 'CLARIFICATION_RECEIVED',
  crn: 'C000001234',
  link: '/contacts/C000001234',
  title: 'DC on contact C000001234 for you to answer by 2026-12-08',
  detail: {},
  occurredAt: '2026-12-01T10:00:00Z',
  createdAt: '2026-12-01T10:00:00Z',
  read,
});

describe('the newest alerts, as the stream brings more', () => {
  const page: AlertPage = { items: [alert('40')], unreadCount: 3, nextCursor: 'older' };

  it('puts a new alert first and counts it unread', () => {
    expect(withNewAlert(page, alert('41'))).toEqual({ items: [alert('41')], unreadCount: 4, nextCursor: 'older' });
    expect(withNewAlert({ items: [], unreadCount: 0 }, alert('1'))).toEqual({ items: [alert('1')], unreadCount: 1 });
  });

  it('counts nothing twice, nor an alert already read', () => {
    expect(withNewAlert(page, alert('40'))).toBe(page);
    expect(withNewAlert(page, alert('41', true)).unreadCount).toBe(3);
  });

  it('starts the stream after the newest alert shown', () => {
    expect([streamStartOf(page), streamStartOf({ items: [], unreadCount: 0 })]).toEqual(['40', '0']);
  });
});
