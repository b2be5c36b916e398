import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { EventStreamParser } from './event-stream';

export type Alert = components['schemas']['NotificationResponse'];

/** GET /notifications/stream through the gateway: `id` the alert's id, `event: alert`, `data` the alert. */
const STREAM = '/api/v1/notifications/stream';
/** How long a reconnection waits until the server says (`retry`; notifications says 2 s). */
const DEFAULT_RETRY_MS = 2_000;
/** Connections that keep failing wait twice as long each time, up to this. */
const MAX_RETRY_MS = 60_000;

/**
 * How long to wait before connecting again: the server's reconnection time after a stream that
 * was open ends (a replica stopping, a proxy's limit); doubled for each connection in a row that
 * did not open (the service down, a rate limit), so that a failing stack is not hammered.
 */
export function reconnectDelay(failuresInARow: number, retryMs: number): number {
  return Math.min(retryMs * 2 ** failuresInARow, MAX_RETRY_MS);
}

export interface AlertStreamOptions {
  /** A bearer token for each connection: the session's, renewed as it goes. */
  accessToken: () => Promise<string>;
  /** The newest alert already shown: the stream sends those after it ('0': every one). */
  after: string;
  onAlert: (alert: Alert) => void;
  /** The API refused the session (401): signed out elsewhere, suspended; the stream stops. */
  onSessionEnded: () => void;
  fetch?: typeof fetch;
}

export interface AlertStream {
  /** Stops the stream and any reconnection (signing out, leaving). */
  close(): void;
}

/**
 * The signed-in user's alerts as they happen, over fetch with the Authorization header (the
 * access token is in the page's memory, so EventSource, which sends no header, cannot be used).
 * Reconnects on its own as EventSource would, sending Last-Event-ID so that nothing is missed
 * (notifications resumes exactly after it), with a fresh token each time.
 */
export function openAlertStream(options: AlertStreamOptions): AlertStream {
  const abort = new AbortController();
  void follow(options, abort.signal);
  return { close: () => abort.abort() };
}

async function follow(options: AlertStreamOptions, signal: AbortSignal): Promise<void> {
  const request = options.fetch ?? ((input, init) => fetch(input, init));
  let lastEventId = options.after;
  let retryMs = DEFAULT_RETRY_MS;
  let failuresInARow = 0;
  while (!signal.aborted) {
    let waitMs: number | undefined;
    let opened = false;
    try {
      const response = await request(STREAM, {
        headers: {
          authorization: `Bearer ${await options.accessToken()}`,
          accept: 'text/event-stream',
          'last-event-id': lastEventId,
        },
        cache: 'no-store',
        signal,
      });
      if (response.status === 401) {
        options.onSessionEnded();
        return;
      }
      if (!response.ok || !response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
        failuresInARow += 1;
        // A rate limit says when to come back (Retry-After, whole seconds).
        const retryAfter = Number(response.headers.get('retry-after'));
        if (response.status === 429 && retryAfter > 0) waitMs = retryAfter * 1000;
      } else {
        opened = true;
        failuresInARow = 0;
        const parser = new EventStreamParser(lastEventId);
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          for (const event of parser.push(decoder.decode(value, { stream: true }))) {
            if (event.type === 'alert') deliver(event.data, options.onAlert);
          }
          lastEventId = parser.lastEventId;
          retryMs = parser.retryMs ?? retryMs;
        }
      }
    } catch (error) {
      if (signal.aborted) return;
      // The session could not renew its token: it has ended, and says so itself.
      if (error instanceof ApiProblem && error.status === 401) return;
      // Otherwise the connection failed, or dropped once open: connect again.
      if (!opened) failuresInARow += 1;
    }
    await pause(Math.max(waitMs ?? 0, reconnectDelay(failuresInARow, retryMs)), signal);
  }
}

function deliver(data: string, onAlert: (alert: Alert) => void): void {
  let alert: Alert;
  try {
    alert = JSON.parse(data) as Alert;
  } catch {
    return; // Not an alert this app can read; the list shows it when it is next read.
  }
  onAlert(alert);
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
