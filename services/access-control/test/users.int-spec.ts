// LSO administration, end to end inside the access-control service: the app in-process on a real
// PostgreSQL and Kafka (libs/testing), a real SMTP server (smtp-server) that collects the emails,
// driven over real HTTP. Users created by an LSO, temporary passwords that must be changed,
// suspension and unlock, role rules, organisations created by a CDSP administrator, the forgotten
// password flow, and other organisations' users answered 404.
import { decodeJwt } from 'jose';
import { Client } from 'pg';
import { buildOpenApiDocument } from '@cms/service-defaults';
import { DEMO_PASSWORD, demoOrganisations } from '@cms/demo-data';
import { decodedMail, startTestMailServer, type ReceivedMail, type TestMailServer } from '@cms/testing';
import { RequestPasswordResetHandler } from '../src/application/request-password-reset.handler';
import { startAccessControl, type AccessControlUnderTest } from './support/access-control-under-test';

const RESET_URL_BASE = 'http://127.0.0.1:8080/reset-password';

interface TokenPairBody {
  accessToken: string;
  refreshToken: string;
}

let service: AccessControlUnderTest;
let db: Client;
let smtp: TestMailServer | undefined;
const mails: ReceivedMail[] = [];

const organisationId = (shortCode: string) => demoOrganisations().find((o) => o.shortCode === shortCode)!.id;

const call = (method: string, path: string, accessToken?: string, body?: unknown) => service.call(method, path, accessToken, body);

const signIn = (userId: string, password = DEMO_PASSWORD) => call('POST', '/api/v1/auth/login', undefined, { userId, password });

async function signedIn(userId: string, password = DEMO_PASSWORD): Promise<TokenPairBody> {
  const response = await signIn(userId, password);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenPairBody;
}

async function tokenOf(userId: string, password = DEMO_PASSWORD): Promise<string> {
  return (await signedIn(userId, password)).accessToken;
}

async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return body;
}

const visible = ({ type, title, status, detail, code }: Record<string, unknown>) => ({ type, title, status, detail, code });

/** Waits for the emails the service prepares after answering 202. */
async function emailsSettled(): Promise<void> {
  await service.app.get(RequestPasswordResetHandler).drain();
}

async function mailTo(address: string, timeoutMs = 10_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = mails.find((m) => m.to.includes(address));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The reset token of the link in an email (text bodies are quoted-printable when lines are long). */
function resetTokenIn(mail: ReceivedMail): string {
  const decoded = decodedMail(mail);
  const match = new RegExp(`${RESET_URL_BASE.replace(/[.?/]/g, '\\$&')}\\?token=([A-Za-z0-9_-]{43})`).exec(decoded);
  if (!match) throw new Error(`no reset link in:\n${decoded}`);
  return match[1];
}

async function emailOf(userId: string): Promise<string> {
  const { rows } = await db.query('SELECT email FROM user_account WHERE user_id = $1', [userId]);
  return rows[0].email as string;
}

async function createUser(lsoToken: string, userId: string, roles: string[]): Promise<{ temporaryPassword: string }> {
  const response = await call('POST', '/api/v1/users', lsoToken, { userId, displayName: `User ${userId}`, email: `${userId}@example.test`, roles });
  expect(response.status).toBe(201);
  return (await response.json()) as { temporaryPassword: string };
}

beforeAll(async () => {
  smtp = await startTestMailServer((mail) => mails.push(mail));
  service = await startAccessControl({
    databaseName: 'access_control_users',
    env: { SMTP_URL: smtp.url, MAIL_FROM: 'CMS <no-reply@cms.test>', PASSWORD_RESET_URL_BASE: RESET_URL_BASE },
  });
  db = new Client({ connectionString: service.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await service?.close();
  await smtp?.close();
});

describe('an LSO creating a user', () => {
  it('gives a temporary password the user must change before doing anything else', async () => {
    const lso = await tokenOf('bwe.lso');
    const response = await call('POST', '/api/v1/users', lso, {
      userId: 'bwe.new-starter',
      displayName: 'New Starter',
      email: 'new.starter@brightwater.example',
      roles: ['CONTACT_USER'],
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { user: Record<string, unknown>; temporaryPassword: string };
    expect(created.user).toMatchObject({
      userId: 'bwe.new-starter',
      organisationId: organisationId('BWE'),
      roles: ['CONTACT_USER'],
      status: 'ACTIVE',
      mustChangePassword: true,
      lockedUntil: null,
    });
    expect(created.temporaryPassword.length).toBeGreaterThanOrEqual(12);

    const first = await signedIn('bwe.new-starter', created.temporaryPassword);
    expect(decodeJwt(first.accessToken).pwd_change).toBe(true);
    await expectProblem(await call('GET', '/api/v1/organisations', first.accessToken), 403, 'PASSWORD_CHANGE_REQUIRED');
    await expectProblem(await call('GET', '/api/v1/users', first.accessToken), 403, 'PASSWORD_CHANGE_REQUIRED');
    expect((await call('GET', '/api/v1/me', first.accessToken)).status).toBe(200);

    const common = await expectProblem(
      await call('POST', '/api/v1/auth/password', first.accessToken, { currentPassword: created.temporaryPassword, newPassword: 'Password1234' }),
      422,
      'PASSWORD_POLICY_VIOLATION',
    );
    expect(common.errors).toEqual([expect.objectContaining({ code: 'COMMON_PASSWORD', field: 'newPassword' })]);
    await expectProblem(
      await call('POST', '/api/v1/auth/password', first.accessToken, { currentPassword: 'not-the-temporary', newPassword: 'pale kettle mountain drum' }),
      403,
      'CURRENT_PASSWORD_INCORRECT',
    );
    const changed = await call('POST', '/api/v1/auth/password', first.accessToken, {
      currentPassword: created.temporaryPassword,
      newPassword: 'pale kettle mountain drum',
    });
    expect(changed.status).toBe(204);

    // This session carries on: its next access token no longer demands a change.
    const refreshed = (await (await call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: first.refreshToken })).json()) as TokenPairBody;
    expect(decodeJwt(refreshed.accessToken).pwd_change).toBeUndefined();
    expect((await call('GET', '/api/v1/organisations', refreshed.accessToken)).status).toBe(200);
    await expectProblem(await signIn('bwe.new-starter', created.temporaryPassword), 401, 'INVALID_CREDENTIALS');
    const fresh = await tokenOf('bwe.new-starter', 'pale kettle mountain drum');
    expect(decodeJwt(fresh).pwd_change).toBeUndefined();
    expect((await call('GET', '/api/v1/organisations', fresh)).status).toBe(200);
  });

  it('refuses a user id already taken in any organisation, and a malformed one', async () => {
    const lso = await tokenOf('bwe.lso');
    const body = { displayName: 'Someone', email: 'someone@example.test', roles: ['CONTACT_USER'] };
    await expectProblem(await call('POST', '/api/v1/users', lso, { ...body, userId: 'tgs.user' }), 409, 'USER_ID_TAKEN');
    const malformed = await expectProblem(await call('POST', '/api/v1/users', lso, { ...body, userId: 'Bad User' }), 400, 'VALIDATION_FAILED');
    expect(malformed.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
    await expectProblem(await call('POST', '/api/v1/users', lso, { ...body, userId: 'ok.user', isAdmin: true }), 400, 'VALIDATION_FAILED');
  });

  it('refuses roles the organisation type may not hold', async () => {
    const lso = await tokenOf('bwe.lso');
    const refused = await expectProblem(
      await call('POST', '/api/v1/users', lso, { userId: 'bwe.agent', displayName: 'Agent', email: 'a@example.test', roles: ['CDSP_AGENT'] }),
      422,
      'ROLE_NOT_ALLOWED',
    );
    expect(refused.errors).toEqual([expect.objectContaining({ field: 'roles' })]);
    await expectProblem(await call('PATCH', '/api/v1/users/bwe.user', lso, { roles: ['TRANSPORTER_USER'] }), 422, 'ROLE_NOT_ALLOWED');
    await expectProblem(await call('PATCH', '/api/v1/users/bwe.user', lso, { roles: ['SUPERUSER'] }), 400, 'VALIDATION_FAILED');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM user_account WHERE user_id = 'bwe.agent'`);
    expect(rows[0].n).toBe(0);
  });

  it('is for LSOs only', async () => {
    const user = await tokenOf('bwe.user');
    await expectProblem(await call('GET', '/api/v1/users', user), 403, 'FORBIDDEN');
    await expectProblem(
      await call('POST', '/api/v1/users', user, { userId: 'bwe.sneaky', displayName: 'S', email: 's@example.test', roles: ['LSO'] }),
      403,
      'FORBIDDEN',
    );
    await expectProblem(await call('PATCH', '/api/v1/users/bwe.lso', user, { status: 'SUSPENDED' }), 403, 'FORBIDDEN');
  });
});

describe('an LSO managing users', () => {
  it('changes roles, which the next sign-in carries', async () => {
    const lso = await tokenOf('sgn.lso');
    const response = await call('PATCH', '/api/v1/users/sgn.user', lso, { roles: ['TRANSPORTER_USER', 'LSO'] });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ userId: 'sgn.user', roles: ['TRANSPORTER_USER', 'LSO'] });
    expect(decodeJwt(await tokenOf('sgn.user')).roles).toEqual(['TRANSPORTER_USER', 'LSO']);
  });

  it('suspends a user: sign-in, refresh and the access token are refused at once; reactivation restores sign-in', async () => {
    const lso = await tokenOf('lpw.lso');
    const session = await signedIn('lpw.user');
    const response = await call('PATCH', '/api/v1/users/lpw.user', lso, { status: 'SUSPENDED' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'SUSPENDED' });

    await expectProblem(await signIn('lpw.user'), 401, 'INVALID_CREDENTIALS');
    await expectProblem(await call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: session.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    await expectProblem(await call('GET', '/api/v1/me', session.accessToken), 401, 'UNAUTHENTICATED');
    // Announced in the same transaction, for the gateway to refuse the session's access tokens too.
    const { rows: announced } = await db.query(
      `SELECT payload::jsonb AS payload FROM outbox_message WHERE topic = 'cms.access.v1' AND message_key = 'lpw.user' AND payload::jsonb->>'reason' = 'USER_SUSPENDED'`,
    );
    expect(announced).toEqual([
      {
        payload: expect.objectContaining({
          userId: 'lpw.user',
          organisationId: organisationId('LPW'),
          sessionIds: [decodeJwt(session.accessToken).sid],
        }),
      },
    ]);

    expect((await call('PATCH', '/api/v1/users/lpw.user', lso, { status: 'ACTIVE' })).status).toBe(200);
    expect((await signIn('lpw.user')).status).toBe(200);
  });

  it('cannot suspend themselves nor remove their own LSO role', async () => {
    const lso = await tokenOf('wwu.lso');
    await expectProblem(await call('PATCH', '/api/v1/users/wwu.lso', lso, { status: 'SUSPENDED' }), 409, 'CANNOT_SUSPEND_SELF');
    await expectProblem(await call('PATCH', '/api/v1/users/wwu.lso', lso, { roles: ['TRANSPORTER_USER'] }), 409, 'CANNOT_REMOVE_OWN_LSO_ROLE');
    const { rows } = await db.query(`SELECT status, roles FROM user_account WHERE user_id = 'wwu.lso'`);
    expect(rows[0]).toEqual({ status: 'ACTIVE', roles: ['LSO', 'SUPERVISOR'] });
  });

  it('unlocks a user locked out by failed sign-ins', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) await signIn('oak.user', `wrong-${attempt}`);
    await expectProblem(await signIn('oak.user'), 401, 'INVALID_CREDENTIALS');
    const lso = await tokenOf('oak.lso');
    const listed = (await (await call('GET', '/api/v1/users', lso)).json()) as { items: { userId: string; lockedUntil: string | null }[] };
    expect(listed.items.find((u) => u.userId === 'oak.user')!.lockedUntil).toEqual(expect.any(String));

    const response = await call('PATCH', '/api/v1/users/oak.user', lso, { unlock: true });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ userId: 'oak.user', lockedUntil: null });
    expect((await signIn('oak.user')).status).toBe(200);
  });

  it('lists their organisation’s users in pages, and only a CDSP administrator may name another organisation', async () => {
    const lso = await tokenOf('kgp.lso');
    await createUser(lso, 'kgp.alpha', ['CONTACT_USER']);
    await createUser(lso, 'kgp.beta', ['CONTACT_USER']);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const response = await call('GET', `/api/v1/users?limit=2${cursor ? `&cursor=${cursor}` : ''}`, lso);
      expect(response.status).toBe(200);
      const page = (await response.json()) as { items: { userId: string; organisationId: string }[]; nextCursor?: string };
      expect(page.items.length).toBeLessThanOrEqual(2);
      expect(page.items.every((u) => u.organisationId === organisationId('KGP'))).toBe(true);
      seen.push(...page.items.map((u) => u.userId));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['kgp.alpha', 'kgp.beta', 'kgp.lso', 'kgp.user']);
    await expectProblem(await call('GET', '/api/v1/users?limit=101', lso), 400, 'VALIDATION_FAILED');
    await expectProblem(await call('GET', '/api/v1/users?cursor=garbage', lso), 422, 'INVALID_CURSOR');
    await expectProblem(await call('GET', '/api/v1/users?cursor=not%20base64url', lso), 400, 'VALIDATION_FAILED');
    await expectProblem(await call('GET', `/api/v1/users?organisationId=${organisationId('BWE')}`, lso), 404, 'NOT_FOUND');

    const admin = await tokenOf('cds.admin');
    const other = (await (await call('GET', `/api/v1/users?organisationId=${organisationId('KGP')}`, admin)).json()) as { items: { userId: string }[] };
    expect(other.items.map((u) => u.userId)).toEqual(['kgp.alpha', 'kgp.beta', 'kgp.lso', 'kgp.user']);
  });
});

describe('an LSO deleting a user', () => {
  it('ends the account at once: sign-in and the open session refused, personal details gone, the user id never reused, the audit keeping who did it', async () => {
    const lso = await tokenOf('oak.lso');
    const created = await call('POST', '/api/v1/users', lso, {
      userId: 'oak.leaver',
      displayName: 'Leaving Person',
      email: 'leaving.person@oakleaf.example',
      roles: ['CONTACT_USER'],
    });
    expect(created.status).toBe(201);
    const { temporaryPassword } = (await created.json()) as { temporaryPassword: string };
    const session = await signedIn('oak.leaver', temporaryPassword);

    await expectProblem(await call('DELETE', '/api/v1/users/oak.leaver', await tokenOf('bwe.lso')), 404, 'NOT_FOUND');
    const deleted = await call('DELETE', '/api/v1/users/oak.leaver', lso);
    expect(deleted.status).toBe(204);

    await expectProblem(await signIn('oak.leaver', temporaryPassword), 401, 'INVALID_CREDENTIALS');
    await expectProblem(await call('GET', '/api/v1/me', session.accessToken), 401, 'UNAUTHENTICATED');
    await expectProblem(await call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: session.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    const { rows: announced } = await db.query(
      `SELECT payload::jsonb AS payload FROM outbox_message WHERE topic = 'cms.access.v1' AND message_key = 'oak.leaver' AND payload::jsonb->>'reason' = 'USER_DELETED'`,
    );
    expect(announced).toEqual([{ payload: expect.objectContaining({ sessionIds: [decodeJwt(session.accessToken).sid] }) }]);

    // Gone from the directory, and from the row: nothing left names or reaches the person.
    const listed = (await (await call('GET', '/api/v1/users?limit=100', lso)).json()) as { items: { userId: string }[] };
    expect(listed.items.map((user) => user.userId)).not.toContain('oak.leaver');
    await expectProblem(await call('GET', '/api/v1/users/oak.leaver', lso), 404, 'NOT_FOUND');
    const { rows } = await db.query(`SELECT row_to_json(user_account)::text AS row FROM user_account WHERE user_id = 'oak.leaver'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].row).not.toMatch(/Leaving|leaving\.person|oakleaf/);
    expect(JSON.parse(rows[0].row)).toMatchObject({ status: 'DELETED', display_name: 'Deleted user', roles: [] });

    // Changing, resetting or deleting it again is as for a user that does not exist; its id stays taken.
    await expectProblem(await call('PATCH', '/api/v1/users/oak.leaver', lso, { status: 'ACTIVE' }), 404, 'NOT_FOUND');
    await expectProblem(await call('DELETE', '/api/v1/users/oak.leaver', lso), 404, 'NOT_FOUND');
    await expectProblem(
      await call('POST', '/api/v1/users', lso, { userId: 'oak.leaver', displayName: 'Someone Else', email: 'someone@oakleaf.example', roles: ['CONTACT_USER'] }),
      409,
      'USER_ID_TAKEN',
    );
    const { rows: audit } = await db.query(`SELECT actor_user_id, details FROM admin_audit WHERE action = 'USER_DELETED' AND subject_user_id = 'oak.leaver'`);
    expect(audit).toEqual([{ actor_user_id: 'oak.lso', details: expect.objectContaining({ previousStatus: 'ACTIVE' }) }]);
  });

  it('cannot delete themselves, and is the only one who may', async () => {
    await expectProblem(await call('DELETE', '/api/v1/users/kgp.lso', await tokenOf('kgp.lso')), 409, 'CANNOT_DELETE_SELF');
    await expectProblem(await call('DELETE', '/api/v1/users/kgp.lso', await tokenOf('kgp.user')), 403, 'FORBIDDEN');
    expect((await signIn('kgp.lso')).status).toBe(200);
  });
});

describe('a user editing their own profile', () => {
  it('changes their name, email and telephone, each audited by field, not by value', async () => {
    const token = await tokenOf('rmr.lso');
    const changed = await call('PATCH', '/api/v1/me', token, { displayName: ' Rhian Morgan ', telephone: '+44 161 496 0000' });
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ userId: 'rmr.lso', displayName: 'Rhian Morgan', telephone: '+44 161 496 0000', organisation: { type: 'MRA' } });
    const email = await call('PATCH', '/api/v1/me', token, { email: 'rhian.morgan@readwell.example', telephone: null });
    expect(await email.json()).toMatchObject({ email: 'rhian.morgan@readwell.example', telephone: null, displayName: 'Rhian Morgan' });

    const { rows } = await db.query(`SELECT details FROM admin_audit WHERE action = 'PROFILE_CHANGED' AND subject_user_id = 'rmr.lso' ORDER BY occurred_at, id`);
    expect(rows.map((row) => row.details.fields)).toEqual([['displayName', 'telephone'], ['email', 'telephone']]);
  });

  it('refuses a malformed email or telephone and an empty name, naming the field, and changes nothing else', async () => {
    const token = await tokenOf('fui.lso');
    const before = await (await call('GET', '/api/v1/me', token)).json();
    for (const [body, field] of [
      [{ email: 'not-an-email' }, 'email'],
      [{ telephone: 'call me' }, 'telephone'],
      [{ displayName: '' }, 'displayName'],
      [{ displayName: 'Someone', email: null }, 'email'],
      [{ displayName: null }, 'displayName'],
      [{ roles: ['LSO', 'CDSP_ADMIN'] }, 'roles'],
    ] as const) {
      const problem = await expectProblem(await call('PATCH', '/api/v1/me', token, body), 400, 'VALIDATION_FAILED');
      expect(JSON.stringify(problem.errors)).toContain(field);
    }
    expect(await (await call('GET', '/api/v1/me', token)).json()).toEqual(before);
  });
});

describe('a SUPERVISOR reading their organisation’s users', () => {
  /** What a supervisor sees of a colleague: who they are, never the account's email or security state. */
  const COLLEAGUE_FIELDS = ['displayName', 'organisationId', 'roles', 'status', 'userId'];
  let supervisor: string;

  beforeAll(async () => {
    // hen.user works site visits and, from now on, gives them out; the demo's hen.lso is an LSO too,
    // which would show the whole accounts.
    const lso = await tokenOf('hen.lso');
    expect((await call('PATCH', '/api/v1/users/hen.user', lso, { roles: ['TRANSPORTER_USER', 'SUPERVISOR'] })).status).toBe(200);
    await createUser(lso, 'hen.away', ['TRANSPORTER_USER']);
    expect((await call('PATCH', '/api/v1/users/hen.away', lso, { status: 'SUSPENDED' })).status).toBe(200);
    // Locked out: a CDSP administrator sees it below, the supervisor must not.
    for (let attempt = 1; attempt <= 5; attempt++) await signIn('hen.lso', `wrong-${attempt}`);
    supervisor = await tokenOf('hen.user');
  });

  it('lists them as colleagues: user id, name, roles and status, not the email nor a sign-in lock', async () => {
    const response = await call('GET', '/api/v1/users', supervisor);
    expect(response.status).toBe(200);
    const page = (await response.json()) as { items: Record<string, unknown>[] };
    expect(page.items).toEqual([
      { userId: 'hen.away', organisationId: organisationId('HEN'), displayName: 'User hen.away', roles: ['TRANSPORTER_USER'], status: 'SUSPENDED' },
      { userId: 'hen.lso', organisationId: organisationId('HEN'), displayName: expect.any(String), roles: ['LSO', 'SUPERVISOR'], status: 'ACTIVE' },
      { userId: 'hen.user', organisationId: organisationId('HEN'), displayName: expect.any(String), roles: ['TRANSPORTER_USER', 'SUPERVISOR'], status: 'ACTIVE' },
    ]);
  });

  it('reads one colleague, active or not, the same way', async () => {
    const lso = await call('GET', '/api/v1/users/hen.lso', supervisor);
    expect(lso.status).toBe(200);
    expect(Object.keys((await lso.json()) as object).sort()).toEqual(COLLEAGUE_FIELDS);
    const away = await call('GET', '/api/v1/users/hen.away', supervisor);
    expect(await away.json()).toMatchObject({ userId: 'hen.away', status: 'SUSPENDED' });
  });

  it('answers another organisation’s user 404, exactly as one that does not exist', async () => {
    const other = await expectProblem(await call('GET', '/api/v1/users/bwe.user', supervisor), 404, 'NOT_FOUND');
    const missing = await expectProblem(await call('GET', '/api/v1/users/no.such.user', supervisor), 404, 'NOT_FOUND');
    expect(visible(other)).toEqual(visible(missing));
    await expectProblem(await call('GET', `/api/v1/users?organisationId=${organisationId('BWE')}`, supervisor), 404, 'NOT_FOUND');
  });

  it('changes nothing: creating, suspending and re-roling stay with the LSO', async () => {
    await expectProblem(
      await call('POST', '/api/v1/users', supervisor, { userId: 'hen.extra', displayName: 'X', email: 'x@example.test', roles: ['TRANSPORTER_USER'] }),
      403,
      'FORBIDDEN',
    );
    await expectProblem(await call('PATCH', '/api/v1/users/hen.away', supervisor, { status: 'ACTIVE' }), 403, 'FORBIDDEN');
    const { rows } = await db.query(`SELECT status FROM user_account WHERE user_id = 'hen.away'`);
    expect(rows[0]).toEqual({ status: 'SUSPENDED' });
  });

  it('is refused, before any user is looked up, to a user of the organisation who is neither LSO nor SUPERVISOR', async () => {
    const worker = await tokenOf('rvu.user');
    const known = await expectProblem(await call('GET', '/api/v1/users/rvu.lso', worker), 403, 'FORBIDDEN');
    const unknown = await expectProblem(await call('GET', '/api/v1/users/no.such.user', worker), 403, 'FORBIDDEN');
    expect(visible(known)).toEqual(visible(unknown));
    await expectProblem(await call('GET', '/api/v1/users', worker), 403, 'FORBIDDEN');
  });

  it('follows the role as it is now, not as the token says: a supervisor whose role is removed is refused at once', async () => {
    const lso = await tokenOf('rvu.lso');
    expect((await call('PATCH', '/api/v1/users/rvu.user', lso, { roles: ['TRANSPORTER_USER', 'SUPERVISOR'] })).status).toBe(200);
    const token = await tokenOf('rvu.user');
    expect((await call('GET', '/api/v1/users/rvu.lso', token)).status).toBe(200);
    expect((await call('PATCH', '/api/v1/users/rvu.user', lso, { roles: ['TRANSPORTER_USER'] })).status).toBe(200);
    await expectProblem(await call('GET', '/api/v1/users/rvu.lso', token), 403, 'FORBIDDEN');
  });

  it('shows the LSO and a CDSP administrator the whole account, and a CDSP administrator any organisation’s', async () => {
    const fields = [...COLLEAGUE_FIELDS, 'createdAt', 'email', 'lockedUntil', 'mustChangePassword'].sort();
    const byLso = (await (await call('GET', '/api/v1/users/nfg.user', await tokenOf('nfg.lso'))).json()) as object;
    expect(Object.keys(byLso).sort()).toEqual(fields);
    // hen.lso, locked out above: the administrator sees the lock that the supervisor's list left out.
    const byAdmin = await call('GET', '/api/v1/users/hen.lso', await tokenOf('cds.admin'));
    expect(await byAdmin.json()).toMatchObject({ userId: 'hen.lso', lockedUntil: expect.any(String), email: expect.any(String) });
  });
});

describe('another organisation’s users', () => {
  it('are answered 404 exactly as users that do not exist, and are left untouched', async () => {
    const otherLso = await tokenOf('tgs.lso');
    const patched = await expectProblem(await call('PATCH', '/api/v1/users/bwe.user', otherLso, { status: 'SUSPENDED' }), 404, 'NOT_FOUND');
    const missing = await expectProblem(await call('PATCH', '/api/v1/users/no.such.user', otherLso, { status: 'SUSPENDED' }), 404, 'NOT_FOUND');
    expect(visible(patched)).toEqual(visible(missing));
    await expectProblem(await call('PATCH', '/api/v1/users/bwe.user', otherLso, { unlock: true }), 404, 'NOT_FOUND');
    await expectProblem(await call('PATCH', '/api/v1/users/bwe.user', otherLso, { roles: ['CONTACT_USER', 'LSO'] }), 404, 'NOT_FOUND');
    await expectProblem(await call('POST', '/api/v1/users/bwe.user/password-reset', otherLso), 404, 'NOT_FOUND');
    const listed = (await (await call('GET', '/api/v1/users', otherLso)).json()) as { items: { userId: string }[] };
    expect(listed.items.map((u) => u.userId)).not.toContain('bwe.user');

    const { rows } = await db.query(`SELECT status, roles FROM user_account WHERE user_id = 'bwe.user'`);
    expect(rows[0]).toEqual({ status: 'ACTIVE', roles: ['CONTACT_USER'] });
    expect((await signIn('bwe.user')).status).toBe(200);
  });
});

describe('a CDSP administrator creating an organisation', () => {
  it('creates it with its first LSO, who must change the temporary password and can then add users', async () => {
    const admin = await tokenOf('cds.admin');
    const response = await call('POST', '/api/v1/organisations', admin, {
      shortCode: 'NWG',
      name: 'Northwind Gas',
      type: 'SHIPPER',
      firstLso: { userId: 'nwg.lso', displayName: 'Nora Wind', email: 'nora@northwind.example' },
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as {
      organisation: { id: string };
      firstLso: { user: Record<string, unknown>; temporaryPassword: string };
    };
    expect(created.organisation).toEqual({ id: expect.any(String), shortCode: 'NWG', name: 'Northwind Gas', type: 'SHIPPER' });
    expect(created.firstLso.user).toMatchObject({ userId: 'nwg.lso', organisationId: created.organisation.id, roles: ['LSO'], mustChangePassword: true });

    const first = await tokenOf('nwg.lso', created.firstLso.temporaryPassword);
    await expectProblem(
      await call('POST', '/api/v1/users', first, { userId: 'nwg.user', displayName: 'U', email: 'u@northwind.example', roles: ['CONTACT_USER'] }),
      403,
      'PASSWORD_CHANGE_REQUIRED',
    );
    expect(
      (await call('POST', '/api/v1/auth/password', first, { currentPassword: created.firstLso.temporaryPassword, newPassword: 'windmill orchard lantern' }))
        .status,
    ).toBe(204);
    const lso = await tokenOf('nwg.lso', 'windmill orchard lantern');
    await createUser(lso, 'nwg.user', ['CONTACT_USER']);
    const directory = (await (await call('GET', '/api/v1/organisations?type=SHIPPER', lso)).json()) as { items: { shortCode: string }[] };
    expect(directory.items.map((o) => o.shortCode)).toContain('NWG');
  });

  it('refuses a short code already in use', async () => {
    const admin = await tokenOf('cds.admin');
    await expectProblem(
      await call('POST', '/api/v1/organisations', admin, {
        shortCode: 'BWE',
        name: 'Impostor',
        type: 'SHIPPER',
        firstLso: { userId: 'impostor.lso', displayName: 'I', email: 'i@example.test' },
      }),
      409,
      'SHORT_CODE_TAKEN',
    );
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM user_account WHERE user_id = 'impostor.lso'`);
    expect(rows[0].n).toBe(0);
  });

  it('is refused to anyone else with 403', async () => {
    const body = { shortCode: 'XYZ', name: 'X', type: 'DN', firstLso: { userId: 'xyz.lso', displayName: 'X', email: 'x@example.test' } };
    await expectProblem(await call('POST', '/api/v1/organisations', await tokenOf('cds.agent'), body), 403, 'FORBIDDEN');
    await expectProblem(await call('POST', '/api/v1/organisations', await tokenOf('cds.lso'), body), 403, 'FORBIDDEN');
    await expectProblem(await call('POST', '/api/v1/organisations', await tokenOf('bwe.lso'), body), 403, 'FORBIDDEN');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM organisation WHERE short_code = 'XYZ'`);
    expect(rows[0].n).toBe(0);
  });
});

describe('forgotten password', () => {
  it('emails a link whose token resets the password once, ends every session and lifts a lock', async () => {
    const before = await signedIn('ngn.user');
    for (let attempt = 1; attempt <= 5; attempt++) await signIn('ngn.user', `wrong-${attempt}`);
    await expectProblem(await signIn('ngn.user'), 401, 'INVALID_CREDENTIALS');

    const response = await call('POST', '/api/v1/users/ngn.user/password-reset');
    expect(response.status).toBe(202);
    const mail = await mailTo(await emailOf('ngn.user'));
    expect(mail.raw).toMatch(/Subject: Reset your CMS password/);
    const token = resetTokenIn(mail);

    const common = await expectProblem(
      await call('POST', '/api/v1/auth/password-reset/complete', undefined, { token, newPassword: 'qwerty123456' }),
      422,
      'PASSWORD_POLICY_VIOLATION',
    );
    expect(common.errors).toEqual([expect.objectContaining({ code: 'COMMON_PASSWORD' })]);
    const done = await call('POST', '/api/v1/auth/password-reset/complete', undefined, { token, newPassword: 'silver otter harbour lamp' });
    expect(done.status).toBe(204);
    await expectProblem(
      await call('POST', '/api/v1/auth/password-reset/complete', undefined, { token, newPassword: 'another fresh passphrase' }),
      422,
      'INVALID_RESET_TOKEN',
    );

    await expectProblem(await call('POST', '/api/v1/auth/refresh', undefined, { refreshToken: before.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    expect((await signIn('ngn.user', 'silver otter harbour lamp')).status).toBe(200);
    await expectProblem(await signIn('ngn.user', DEMO_PASSWORD), 401, 'INVALID_CREDENTIALS');
    const { rows } = await db.query(`SELECT token_hash FROM password_reset_token WHERE user_id = 'ngn.user'`);
    expect(rows.every((row: { token_hash: Buffer }) => row.token_hash.toString('base64url') !== token)).toBe(true);
  });

  it('answers an unknown user id the same 202 and sends nothing; one email per user per minute', async () => {
    const known = await call('POST', '/api/v1/users/mpl.user/password-reset');
    const unknown = await call('POST', '/api/v1/users/nobody.at.all/password-reset');
    expect([known.status, unknown.status]).toEqual([202, 202]);
    expect(await unknown.text()).toBe(await known.text());
    await emailsSettled();
    const address = await emailOf('mpl.user');
    expect(mails.filter((m) => m.to.includes(address))).toHaveLength(1);
    expect(mails.some((m) => m.raw.includes('nobody.at.all'))).toBe(false);

    expect((await call('POST', '/api/v1/users/mpl.user/password-reset')).status).toBe(202);
    await emailsSettled();
    expect(mails.filter((m) => m.to.includes(address))).toHaveLength(1);
  });

  it('lets an LSO send the reset email to a user of their organisation', async () => {
    const lso = await tokenOf('cad.lso');
    expect((await call('POST', '/api/v1/users/cad.user/password-reset', lso)).status).toBe(202);
    const token = resetTokenIn(await mailTo(await emailOf('cad.user')));
    expect((await call('POST', '/api/v1/auth/password-reset/complete', undefined, { token, newPassword: 'copper meadow violin' })).status).toBe(204);
    expect((await signIn('cad.user', 'copper meadow violin')).status).toBe(200);
  });

  it('refuses an unknown token', async () => {
    await expectProblem(
      await call('POST', '/api/v1/auth/password-reset/complete', undefined, { token: 'A'.repeat(43), newPassword: 'silver otter harbour lamp' }),
      422,
      'INVALID_RESET_TOKEN',
    );
  });
});

describe('audit and documentation', () => {
  it('records administrative actions in an append-only audit table', async () => {
    const { rows } = await db.query(`SELECT DISTINCT action FROM admin_audit`);
    expect(rows.map((r: { action: string }) => r.action)).toEqual(
      expect.arrayContaining(['USER_CREATED', 'USER_SUSPENDED', 'USER_REACTIVATED', 'USER_ROLES_CHANGED', 'USER_UNLOCKED', 'ORGANISATION_CREATED', 'PASSWORD_CHANGED']),
    );
    await expect(db.query(`DELETE FROM admin_audit`)).rejects.toThrow(/append-only/);
  });

  it('documents every new route with bounded request fields', () => {
    const document = buildOpenApiDocument(service.app, { title: 'access control', description: 'test' });
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/users',
        '/api/v1/users/{userId}',
        '/api/v1/users/{userId}/password-reset',
        '/api/v1/organisations',
        '/api/v1/auth/password',
        '/api/v1/auth/password-reset/complete',
      ]),
    );
    const schemas = document.components!.schemas as Record<string, { properties: Record<string, { maxLength?: number }> }>;
    for (const name of ['CreateUserRequest', 'NewUserIdentity', 'CreateOrganisationRequest', 'ChangePasswordRequest', 'CompletePasswordResetRequest']) {
      for (const [field, property] of Object.entries(schemas[name].properties)) {
        if (!('$ref' in property) && !('allOf' in property) && !('enum' in property) && !('items' in property)) expect({ name, field, max: property.maxLength }).toEqual({ name, field, max: expect.any(Number) });
      }
    }
  });
});
