import { ApiProblem } from '../api/problem';
import type { components } from '../api/schema';
import { readAccessToken } from './access-token';

/**
 * What the gateway's web session routes answer (services/gateway/src/web/web-session.ts): the
 * token response without its refresh token, which the gateway keeps in an HttpOnly, SameSite=Strict
 * cookie that scripts cannot read.
 */
export type WebSessionToken = Omit<components['schemas']['TokenResponse'], 'refreshToken'>;

export type SessionState =
  | { status: 'restoring' }
  | { status: 'signed-out'; notice?: string }
  | { status: 'signed-in'; userId: string; passwordChangeRequired: boolean };

const WEB_SESSION = '/api/web-session';
/** The access token is renewed this long before it expires. */
const RENEW_AHEAD_MS = 60_000;
/** Refresh tokens rotate: two tabs must never present the same one (a reuse ends the whole session). */
const REFRESH_LOCK = 'cms-web-session-refresh';

/**
 * The signed-in session of this tab. The access token lives in this object's memory only (never in
 * storage a script could read later) and is renewed silently before it expires, from the refresh
 * cookie; a reload restores the session the same way. Tabs hear each other sign out.
 */
export class Session {
  private state: SessionState = { status: 'restoring' };
  private token?: { value: string; renewAt: number };
  private renewal?: Promise<void>;
  private renewTimer?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<() => void>();

  /** `tabs`: how the tabs of this browser tell each other they signed out. */
  constructor(
    private readonly tabs:
      Pick<BroadcastChannel, 'postMessage' | 'addEventListener'> | undefined = new BroadcastChannel('cms-web-session'),
  ) {
    this.tabs?.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (event.data === 'signed-out') this.end('You signed out in another tab.');
    });
  }

  readonly getState = (): SessionState => this.state;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** At start: the session of the refresh cookie, if it still holds. */
  async restore(): Promise<void> {
    try {
      await this.renew();
    } catch {
      this.set({ status: 'signed-out' });
    }
  }

  async signIn(userId: string, password: string): Promise<void> {
    this.accept((await post('login', { userId, password })) as WebSessionToken);
  }

  /** A bearer token for the next request, renewed first when it is about to expire. */
  async accessToken(): Promise<string> {
    if (!this.token)
      throw new ApiProblem(401, 'UNAUTHENTICATED', 'Authentication required', 'Sign in to continue.', undefined, []);
    if (Date.now() >= this.token.renewAt) await this.renew();
    return this.token.value;
  }

  /** A new access token from the refresh cookie: after a password change, and before the current one expires. */
  renew(): Promise<void> {
    this.renewal ??= withLock(async () => this.accept((await post('refresh')) as WebSessionToken))
      .catch((error: unknown) => {
        // Refused: the session ended (signed out elsewhere, expired, its refresh token reused).
        if (error instanceof ApiProblem && error.status === 401) this.end('Your session has ended. Sign in again.');
        throw error;
      })
      .finally(() => {
        this.renewal = undefined;
      });
    return this.renewal;
  }

  /** Signs this browser out (its refresh cookie too) and tells the other tabs; `notice` is said on the sign-in screen. */
  async signOut(notice?: string): Promise<void> {
    try {
      await post('logout');
    } finally {
      this.tabs?.postMessage('signed-out');
      this.end(notice);
    }
  }

  /** The API no longer takes this session (signed out elsewhere, suspended, password changed): forget it. */
  end(notice?: string): void {
    clearTimeout(this.renewTimer);
    this.token = undefined;
    this.set({ status: 'signed-out', notice });
  }

  private accept(answer: WebSessionToken): void {
    const claims = readAccessToken(answer.accessToken);
    const lifetimeMs = answer.expiresIn * 1000;
    this.token = {
      value: answer.accessToken,
      renewAt: Date.now() + Math.max(lifetimeMs - RENEW_AHEAD_MS, lifetimeMs / 2),
    };
    clearTimeout(this.renewTimer);
    // Renewed ahead of time, so that a request never waits for it; a failure ends the session.
    this.renewTimer = setTimeout(() => void this.renew().catch(() => undefined), this.token.renewAt - Date.now());
    this.set({ status: 'signed-in', userId: claims.userId, passwordChangeRequired: claims.passwordChangeRequired });
  }

  private set(state: SessionState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }
}

/** Runs `work` holding the refresh lock of every tab of this browser (Web Locks), where the browser has them. */
async function withLock<T>(work: () => Promise<T>): Promise<T> {
  if (typeof navigator === 'undefined' || !navigator.locks) return work();
  let result: { value: T } | undefined;
  await navigator.locks.request(REFRESH_LOCK, async () => {
    result = { value: await work() };
  });
  return result!.value;
}

async function post(route: 'login' | 'refresh' | 'logout', body?: object): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(`${WEB_SESSION}/${route}`, {
      method: 'POST',
      headers: body ? { 'content-type': 'application/json' } : {},
      body: body ? JSON.stringify(body) : undefined,
      credentials: 'same-origin',
    });
  } catch {
    throw ApiProblem.unreachable();
  }
  const parsed = parseJson(await response.text());
  if (!response.ok) throw ApiProblem.from(parsed, response.status);
  return parsed;
}

function parseJson(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}
