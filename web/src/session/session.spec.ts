import { ApiProblem } from '../api/problem';
import { Session, type SessionState } from './session';

const base64url = (text: string) => btoa(text).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
const token = (claims: object) => `eyJhbGciOiJFUzI1NiJ9.${base64url(JSON.stringify(claims))}.c2ln`;
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const problem = (status: number, code: string) =>
  json(status, {
    type: 'urn:cms:problem',
    title: code,
    status,
    code,
    detail: `${code}.`,
    traceId: '0af7651916cd43dd8448eb211c80319c',
  });

/** A tab's channel to the others, and a way to post from another tab. */
function fakeTabs() {
  const listeners: ((event: MessageEvent<unknown>) => void)[] = [];
  const posted: unknown[] = [];
  return {
    posted,
    fromAnotherTab: (data: unknown) => listeners.forEach((listener) => listener({ data } as MessageEvent<unknown>)),
    channel: {
      postMessage: (data: unknown) => posted.push(data),
      addEventListener: (_type: string, listener: (event: MessageEvent<unknown>) => void) => listeners.push(listener),
    } as unknown as BroadcastChannel,
  };
}

describe('the web session', () => {
  const realFetch = globalThis.fetch;
  let calls: string[];
  let answers: Record<string, () => Response>;
  let issued: number;

  beforeEach(() => {
    jest.useFakeTimers({ now: new Date('2026-11-20T09:00:00Z') });
    calls = [];
    issued = 0;
    answers = {
      login: () => json(200, { accessToken: token({ sub: 'tgs.user' }), tokenType: 'Bearer', expiresIn: 300 }),
      refresh: () =>
        json(200, { accessToken: token({ sub: 'tgs.user', n: ++issued }), tokenType: 'Bearer', expiresIn: 300 }),
      logout: () => new Response(null, { status: 204 }),
    };
    globalThis.fetch = jest.fn(async (input: RequestInfo | URL) => {
      const route = String(input).split('/').pop()!;
      calls.push(route);
      return answers[route]();
    }) as typeof fetch;
  });

  afterEach(() => {
    jest.useRealTimers();
    globalThis.fetch = realFetch;
  });

  const states = (session: Session) => {
    const seen: SessionState[] = [];
    session.subscribe(() => seen.push(session.getState()));
    return seen;
  };

  it('restores the session of the refresh cookie, or starts signed out without a word', async () => {
    const session = new Session(fakeTabs().channel);
    await session.restore();
    expect([session.getState(), calls]).toEqual([
      { status: 'signed-in', userId: 'tgs.user', passwordChangeRequired: false },
      ['refresh'],
    ]);

    answers.refresh = () => problem(401, 'UNAUTHENTICATED');
    const fresh = new Session(fakeTabs().channel);
    await fresh.restore();
    expect(fresh.getState()).toEqual({ status: 'signed-out' });
  });

  it('signs in, and knows when the API demands a new password first', async () => {
    answers.login = () =>
      json(200, { accessToken: token({ sub: 'tgs.new', pwd_change: true }), tokenType: 'Bearer', expiresIn: 300 });
    const session = new Session(fakeTabs().channel);
    await session.signIn('tgs.new', 'temporary password');
    expect(session.getState()).toEqual({ status: 'signed-in', userId: 'tgs.new', passwordChangeRequired: true });
  });

  it('passes a refused sign-in on as the API’s problem, and stays signed out', async () => {
    answers.login = () => problem(401, 'INVALID_CREDENTIALS');
    const session = new Session(fakeTabs().channel);
    await expect(session.signIn('tgs.user', 'wrong')).rejects.toEqual(
      expect.objectContaining({ code: 'INVALID_CREDENTIALS', traceId: '0af7651916cd43dd8448eb211c80319c' }),
    );
    expect(session.getState()).toEqual({ status: 'restoring' });
  });

  it('renews the access token a minute before it expires, without a request waiting for it', async () => {
    const session = new Session(fakeTabs().channel);
    await session.signIn('tgs.user', 'password');
    const first = await session.accessToken();
    await jest.advanceTimersByTimeAsync(239_000);
    expect(calls).toEqual(['login']);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(calls).toEqual(['login', 'refresh']);
    expect(await session.accessToken()).not.toBe(first);
  });

  it('renews once for every request that finds the token about to expire', async () => {
    const session = new Session(fakeTabs().channel);
    await session.signIn('tgs.user', 'password');
    jest.setSystemTime(Date.now() + 250_000); // past the renewal time, before the timer has run
    const tokens = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(calls).toEqual(['login', 'refresh']);
    expect(new Set(tokens).size).toBe(1);
  });

  it('ends the session when the API no longer renews it', async () => {
    const session = new Session(fakeTabs().channel);
    await session.signIn('tgs.user', 'password');
    answers.refresh = () => problem(401, 'INVALID_REFRESH_TOKEN');
    jest.setSystemTime(Date.now() + 250_000);
    await expect(session.accessToken()).rejects.toBeInstanceOf(ApiProblem);
    expect(session.getState()).toEqual({ status: 'signed-out', notice: 'Your session has ended. Sign in again.' });
    await expect(session.accessToken()).rejects.toEqual(expect.objectContaining({ status: 401 }));
  });

  it('signs out here and in every other tab', async () => {
    const here = fakeTabs();
    const session = new Session(here.channel);
    await session.signIn('tgs.user', 'password');
    const seen = states(session);
    await session.signOut();
    expect([calls, here.posted, seen]).toEqual([
      ['login', 'logout'],
      ['signed-out'],
      [{ status: 'signed-out', notice: undefined }],
    ]);

    const there = fakeTabs();
    const other = new Session(there.channel);
    await other.signIn('tgs.user', 'password');
    there.fromAnotherTab('signed-out');
    expect(other.getState()).toEqual({ status: 'signed-out', notice: 'You signed out in another tab.' });
  });
});
