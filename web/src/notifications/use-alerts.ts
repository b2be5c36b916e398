import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { dataOf } from '../api/client';
import { useApp } from '../app-context';
import { streamStartOf, withNewAlert, type AlertPage } from './alert-page';
import { openAlertStream, type Alert } from './alert-stream';

/** Every alert query: the newest (the bell) and the list, read again together. */
export const ALERTS = ['notifications'] as const;
const NEWEST = [...ALERTS, 'newest'] as const;
export const ALERT_LIST = [...ALERTS, 'list'] as const;

/** The newest alert and the unread count of every page (GET /notifications?limit=1): what the bell shows. */
export function useNewestAlerts() {
  const { api } = useApp();
  return useQuery({
    queryKey: NEWEST,
    queryFn: () => dataOf(api.GET('/api/v1/notifications', { params: { query: { limit: 1 } } })),
  });
}

/**
 * The signed-in user's alerts as they happen (alert-stream.ts), from the newest already read: each
 * one counted on the bell at once, and what it is about read again (the contact, the lists, the
 * alerts list), so that an open screen shows it without a reload. Runs while the component that
 * calls it is shown (the shell's bell): gone on sign-out, the stream stops.
 */
export function useLiveAlerts(newest: AlertPage | undefined, onAlert: (alert: Alert) => void): void {
  const { session } = useApp();
  const queryClient = useQueryClient();
  const [after, setAfter] = useState<string>();
  const latestOnAlert = useRef(onAlert);
  useEffect(() => {
    latestOnAlert.current = onAlert;
  });
  // Where the stream starts is decided once, by the first page read: the stream keeps its own place after that.
  if (after === undefined && newest) setAfter(streamStartOf(newest));

  useEffect(() => {
    if (after === undefined) return;
    const stream = openAlertStream({
      accessToken: () => session.accessToken(),
      after,
      onAlert: (alert) => {
        queryClient.setQueryData<AlertPage>(NEWEST, (page) => page && withNewAlert(page, alert));
        void queryClient.invalidateQueries({ queryKey: ALERT_LIST });
        void queryClient.invalidateQueries({ queryKey: ['contacts'] });
        void queryClient.invalidateQueries({ queryKey: ['site-visits'] });
        latestOnAlert.current(alert);
      },
      onSessionEnded: () => session.end('Your session has ended. Sign in again.'),
    });
    return () => stream.close();
  }, [after, session, queryClient]);
}

/** Marks one alert read (POST /notifications/{id}/read), or every one (POST /notifications/read-all). */
export function useMarkRead() {
  const { api } = useApp();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string | 'all') =>
      dataOf(
        id === 'all'
          ? api.POST('/api/v1/notifications/read-all')
          : api.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }),
      ),
    // Also after a failure: the list shows what is so.
    onSettled: () => queryClient.invalidateQueries({ queryKey: ALERTS }),
  });
}
