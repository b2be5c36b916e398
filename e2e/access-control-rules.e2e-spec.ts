import { randomUUID } from 'node:crypto';
import { apiWaitingOutRateLimits, DEMO_PASSWORD, expectProblem } from './support/api';
import { mailsTo, resetTokenIn, waitForMailTo } from './support/mail';

/**
 * The access-control rules of the README ("Roles and what each can do") through the gateway of the
 * whole stack: an LSO's users and another organisation's 404, the temporary password, lockout and
 * unlock, suspension, refresh-token rotation and reuse, and the forgotten-password email received
 * on the test SMTP server (e2e/global-setup.ts).
 *
 * Every user here is created by this file, by `nfg.lso` (LSO of the IGT Northfield Gas Networks);
 * `kgp.lso` (LSO of the shipper Kestrel Gas & Power) plays the other organisation. The public
 * routes (sign-in, refresh, password reset) share 60 requests a minute per address with every
 * other end-to-end file, so this file makes 27 of them, no more.
 */

// Unique per run, so that the file can run again against a stack kept between runs.
const run = randomUUID().slice(0, 8);
const userIdOf = (name: string) => `nfg.e2e-${name}-${run}`;
const emailOf = (userId: string) => `${userId}@northfield.e2e.example`;

const call = apiWaitingOutRateLimits;

interface Session {
  accessToken: string;
  refreshToken: string;
}

const login = (userId: string, password: string) => call('POST', '/api/v1/auth/login', { json: { userId, password } });
const refresh = (refreshToken: string) => call('POST', '/api/v1/auth/refresh', { json: { refreshToken } });

async function session(userId: string, password: string): Promise<Session> {
  const response = await login(userId, password);
  expect({ userId, status: response.status }).toEqual({ userId, status: 200 });
  return response.body as Session;
}

async function createUser(lsoToken: string, userId: string): Promise<{ user: Record<string, unknown>; temporaryPassword: string }> {
  const response = await call('POST', '/api/v1/users', {
    token: lsoToken,
    json: { userId, displayName: `E2E ${userId}`, email: emailOf(userId), roles: ['TRANSPORTER_USER'] },
  });
  expect({ userId, status: response.status }).toEqual({ userId, status: 201 });
  return response.body;
}

async function listedUser(lsoToken: string, userId: string): Promise<Record<string, unknown> | undefined> {
  const users: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await call('GET', `/api/v1/users?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: lsoToken });
    expect(page.status).toBe(200);
    users.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return users.find((user) => user.userId === userId);
}

let nfgLso: string; // public requests: 1
let kgpLso: string; // public requests: 1
let nfgOrganisationId: string;

beforeAll(async () => {
  nfgLso = (await session('nfg.lso', DEMO_PASSWORD)).accessToken;
  kgpLso = (await session('kgp.lso', DEMO_PASSWORD)).accessToken;
  const me = await call('GET', '/api/v1/me', { token: nfgLso });
  expect(me.body.organisation).toEqual(expect.objectContaining({ shortCode: 'NFG', type: 'IGT' }));
  nfgOrganisationId = me.body.organisation.id;
});

describe('An LSO’s users through the gateway', () => {
  const starter = userIdOf('starter');
  let temporaryPassword: string;
  const chosenPassword = 'heron lantern quarry pebble';
  /** A session of the starter after the change, for the rotation test below. */
  let changedSession: Session;

  it('an LSO creates a user in its own organisation, with a temporary password', async () => {
    const created = await createUser(nfgLso, starter);
    temporaryPassword = created.temporaryPassword;

    expect(created.user).toEqual(
      expect.objectContaining({ userId: starter, organisationId: nfgOrganisationId, roles: ['TRANSPORTER_USER'], status: 'ACTIVE', mustChangePassword: true }),
    );
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(12);
    expect(await listedUser(nfgLso, starter)).toEqual(expect.objectContaining({ userId: starter }));
  });

  it('another organisation’s LSO gets 404 for that user, exactly as for a user that does not exist, and cannot touch it', async () => {
    const patched = await call('PATCH', `/api/v1/users/${starter}`, { token: kgpLso, json: { status: 'SUSPENDED' } });
    const missing = await call('PATCH', `/api/v1/users/nfg.no-such-user-${run}`, { token: kgpLso, json: { status: 'SUSPENDED' } });
    const reset = await call('POST', `/api/v1/users/${starter}/password-reset`, { token: kgpLso }); // public: 1

    expectProblem(patched, 404, 'NOT_FOUND');
    expectProblem(missing, 404, 'NOT_FOUND');
    expect({ title: patched.body.title, detail: patched.body.detail }).toEqual({ title: missing.body.title, detail: missing.body.detail });
    expectProblem(reset, 404, 'NOT_FOUND');
    expect(await listedUser(kgpLso, starter)).toBeUndefined();
    expect(await listedUser(nfgLso, starter)).toEqual(expect.objectContaining({ status: 'ACTIVE' }));
  });

  it('the new user must change the temporary password before anything else, and then works', async () => {
    const first = await session(starter, temporaryPassword); // public: 1

    expectProblem(await call('GET', '/api/v1/organisations', { token: first.accessToken }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expectProblem(await call('GET', '/api/v1/users', { token: first.accessToken }), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await call('GET', '/api/v1/me', { token: first.accessToken })).status).toBe(200);

    const changed = await call('POST', '/api/v1/auth/password', {
      token: first.accessToken,
      json: { currentPassword: temporaryPassword, newPassword: chosenPassword },
    });
    expect(changed.status).toBe(204);

    changedSession = await session(starter, chosenPassword); // public: 1
    const directory = await call('GET', '/api/v1/organisations', { token: changedSession.accessToken });
    expect(directory.status).toBe(200);
    expect(directory.body.items.map((organisation: { shortCode: string }) => organisation.shortCode)).toContain('NFG');
  });

  it('a refresh token rotates; presenting a replaced one again is refused and ends the whole session', async () => {
    const second = await refresh(changedSession.refreshToken); // public: 1
    expect(second.status).toBe(200);
    expect(second.body.refreshToken).not.toBe(changedSession.refreshToken);
    const third = await refresh(second.body.refreshToken); // public: 1
    expect(third.status).toBe(200);

    expectProblem(await refresh(changedSession.refreshToken), 401, 'INVALID_REFRESH_TOKEN'); // public: 1
    // The newest token, never used, died with its session.
    expectProblem(await refresh(third.body.refreshToken), 401, 'INVALID_REFRESH_TOKEN'); // public: 1
  });
});

describe('Lockout and unlock through the gateway', () => {
  it('five wrong passwords lock the account, the right one is then refused, and the LSO unlocks it', async () => {
    const userId = userIdOf('locked');
    const { temporaryPassword } = await createUser(nfgLso, userId);

    for (let attempt = 1; attempt <= 5; attempt++) {
      expectProblem(await login(userId, `wrong password ${attempt}`), 401, 'INVALID_CREDENTIALS'); // public: 5
    }
    expectProblem(await login(userId, temporaryPassword), 401, 'INVALID_CREDENTIALS'); // public: 1
    expect(await listedUser(nfgLso, userId)).toEqual(expect.objectContaining({ lockedUntil: expect.any(String) }));

    // Another organisation's LSO cannot unlock it.
    expectProblem(await call('PATCH', `/api/v1/users/${userId}`, { token: kgpLso, json: { unlock: true } }), 404, 'NOT_FOUND');
    const unlocked = await call('PATCH', `/api/v1/users/${userId}`, { token: nfgLso, json: { unlock: true } });
    expect(unlocked.status).toBe(200);
    expect(unlocked.body).toEqual(expect.objectContaining({ userId, lockedUntil: null }));

    expect((await login(userId, temporaryPassword)).status).toBe(200); // public: 1
  });
});

describe('Suspension through the gateway', () => {
  it('a suspended user’s access token, refresh token and sign-in are refused at once', async () => {
    const userId = userIdOf('suspended');
    const { temporaryPassword } = await createUser(nfgLso, userId);
    const before = await session(userId, temporaryPassword); // public: 1
    const refreshed = await refresh(before.refreshToken); // public: 1
    expect(refreshed.status).toBe(200);
    // contact-logging's own answer to this token (a temporary password not yet changed)…
    expectProblem(await call('GET', '/api/v1/contacts', { token: refreshed.body.accessToken }), 403, 'PASSWORD_CHANGE_REQUIRED');

    const suspended = await call('PATCH', `/api/v1/users/${userId}`, { token: nfgLso, json: { status: 'SUSPENDED' } });
    expect(suspended.status).toBe(200);
    expect(suspended.body).toEqual(expect.objectContaining({ userId, status: 'SUSPENDED' }));

    // …and once access-control's SessionsEnded reaches the gateway (a Kafka hop: well under a
    // second), the gateway refuses the token itself, minutes before it would expire.
    let afterSuspension = await call('GET', '/api/v1/contacts', { token: refreshed.body.accessToken });
    for (const deadline = Date.now() + 5_000; afterSuspension.status !== 401 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      afterSuspension = await call('GET', '/api/v1/contacts', { token: refreshed.body.accessToken });
    }
    expectProblem(afterSuspension, 401, 'UNAUTHENTICATED');
    expect(afterSuspension.body.detail).toBe('The session has ended. Sign in again.');
    expectProblem(await refresh(refreshed.body.refreshToken), 401, 'INVALID_REFRESH_TOKEN'); // public: 1
    expectProblem(await login(userId, temporaryPassword), 401, 'INVALID_CREDENTIALS'); // public: 1
  });
});

describe('Deletion and profile through the gateway', () => {
  it('a deleted user’s token is refused at once, sign-in refused, and the directory no longer shows them', async () => {
    const userId = userIdOf('deleted');
    const { temporaryPassword } = await createUser(nfgLso, userId);
    const before = await session(userId, temporaryPassword); // public: 1

    const deleted = await call('DELETE', `/api/v1/users/${userId}`, { token: nfgLso });
    expect(deleted.status).toBe(204);

    // access-control refuses it at once itself; every other service's routes, once SessionsEnded reaches the gateway.
    expectProblem(await call('GET', '/api/v1/me', { token: before.accessToken }), 401, 'UNAUTHENTICATED');
    let afterDeletion = await call('GET', '/api/v1/contacts', { token: before.accessToken });
    for (const deadline = Date.now() + 5_000; afterDeletion.status !== 401 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      afterDeletion = await call('GET', '/api/v1/contacts', { token: before.accessToken });
    }
    expectProblem(afterDeletion, 401, 'UNAUTHENTICATED');
    expect(afterDeletion.body.detail).toBe('The session has ended. Sign in again.');
    expectProblem(await login(userId, temporaryPassword), 401, 'INVALID_CREDENTIALS'); // public: 1
    expect(await listedUser(nfgLso, userId)).toBeUndefined();
    expectProblem(await call('GET', `/api/v1/users/${userId}`, { token: nfgLso }), 404, 'NOT_FOUND');
    const again = await call('POST', '/api/v1/users', { token: nfgLso, json: { userId, displayName: 'Someone Else', email: emailOf(userId), roles: ['TRANSPORTER_USER'] } });
    expectProblem(again, 409, 'USER_ID_TAKEN');
  });

  it('a user changes their own name, email and telephone', async () => {
    const changed = await call('PATCH', '/api/v1/me', { token: nfgLso, json: { displayName: 'Northfield Security', telephone: '01632 960 123' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toEqual(expect.objectContaining({ displayName: 'Northfield Security', telephone: '01632 960 123' }));
    expect((await call('GET', '/api/v1/me', { token: nfgLso })).body).toEqual(expect.objectContaining({ displayName: 'Northfield Security' }));
  });
});

describe('Forgotten password through the gateway', () => {
  it('a reset asked for without a token emails a one-time link whose token sets a new password', async () => {
    const userId = userIdOf('forgetful');
    const { temporaryPassword } = await createUser(nfgLso, userId);
    const newPassword = 'otter meadow copper violin';
    expect(mailsTo(emailOf(userId))).toEqual([]);

    expect((await call('POST', `/api/v1/users/${userId}/password-reset`)).status).toBe(202); // public: 1

    const mail = await waitForMailTo(emailOf(userId));
    expect(mail.raw).toMatch(/^Subject: Reset your CMS password/m);
    const token = resetTokenIn(mail);
    const done = await call('POST', '/api/v1/auth/password-reset/complete', { json: { token, newPassword } }); // public: 1
    expect(done.status).toBe(204);

    expect((await login(userId, newPassword)).status).toBe(200); // public: 1
    expectProblem(await login(userId, temporaryPassword), 401, 'INVALID_CREDENTIALS'); // public: 1
    expectProblem(
      await call('POST', '/api/v1/auth/password-reset/complete', { json: { token, newPassword: 'a second fresh passphrase' } }), // public: 1
      422,
      'INVALID_RESET_TOKEN',
    );
    expect(mailsTo(emailOf(userId))).toHaveLength(1);
  });
});

describe('Audit through the gateway', () => {
  it('an administrative action leaves an audit record its LSO can read and another organisation’s LSO cannot', async () => {
    const userId = userIdOf('audited');
    await createUser(nfgLso, userId);
    const suspended = await call('PATCH', `/api/v1/users/${userId}`, { token: nfgLso, json: { status: 'SUSPENDED' } });
    expect(suspended.status).toBe(200);

    const mine = await call('GET', '/api/v1/audit?limit=100', { token: nfgLso });
    const theirs = await call('GET', '/api/v1/audit?limit=100', { token: kgpLso });

    expect(mine.status).toBe(200);
    const actions = mine.body.items.filter((item: { after?: { userId?: string } | null }) => JSON.stringify(item).includes(userId));
    expect(actions.map((item: { action: string }) => item.action)).toEqual(expect.arrayContaining(['USER_CREATED', 'USER_SUSPENDED']));
    expect(actions[0]).toEqual(expect.objectContaining({ actor: expect.objectContaining({ userId: 'nfg.lso' }), organisationId: nfgOrganisationId }));
    expect(theirs.status).toBe(200);
    expect(JSON.stringify(theirs.body.items)).not.toContain(userId);
  });
});
