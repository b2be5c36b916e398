import type { ClientRequest } from 'node:http';
import type { Server } from 'node:http';

/**
 * How long a CMS process keeps an idle connection from a caller open (Node's own default, set
 * here so that the callers' side below can be kept shorter).
 */
export const SERVER_KEEP_ALIVE_MS = 5_000;

/**
 * How long a CMS process keeps an idle connection to another one in its pool: shorter than the
 * other side's SERVER_KEEP_ALIVE_MS, so the caller drops it first and never sends a request on a
 * connection the server is closing at that very moment.
 */
export const CLIENT_IDLE_CONNECTION_MS = SERVER_KEEP_ALIVE_MS - 1_000;

export function keepConnectionsAlive(server: Server): void {
  server.keepAliveTimeout = SERVER_KEEP_ALIVE_MS;
}

/**
 * Whether a request failed because the kept-alive connection it was sent on had been closed by the
 * server while idle (a server stopping, or the two idle timers crossing): reset before any answer,
 * on a connection that had already served another request. The server never read it, so sending it
 * again on a fresh connection is safe, whatever its method (Node's own advice on
 * `request.reusedSocket`). A server that is still up then answers; one that has gone refuses the
 * new connection, which the caller reports as unavailable.
 */
export function failedOnStaleConnection(request: ClientRequest, error: unknown, answered: boolean): boolean {
  const code = (error as { code?: string }).code;
  return !answered && request.reusedSocket && (code === 'ECONNRESET' || code === 'EPIPE');
}

/** A request that went out on a stale kept-alive connection (failedOnStaleConnection): send it again. */
export class StaleConnectionError extends Error {
  constructor() {
    super('the kept-alive connection was closed by the server before the request was read');
  }
}

/**
 * Sends a request, and once more if the first went out on a stale kept-alive connection: `send`
 * rejects with StaleConnectionError for that (only when `mayRetry`), with its own error otherwise.
 */
export async function sendOnceMoreIfStale<T>(send: (mayRetry: boolean) => Promise<T>): Promise<T> {
  try {
    return await send(true);
  } catch (error) {
    if (!(error instanceof StaleConnectionError)) throw error;
    return send(false);
  }
}
