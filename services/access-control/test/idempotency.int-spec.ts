// Idempotency-Key on access-control's administrative writes (docs/api.md: "Writes accept an
// Idempotency-Key header: a retried request returns the first result"), through the shared
// IdempotentRequests of @cms/service-defaults: the app in-process on a real PostgreSQL and Kafka
// (libs/testing), driven over real HTTP. PATCH /users/{userId}, DELETE /api-clients/{clientId} and
// POST /signing-keys/rotation replay their first answer; POST /users, /organisations and
// /api-clients (one-time secrets in the answer) and the sign-in family ignore the header, so no
// secret or token is ever stored in idempotent_request.
import { Client } from 'pg';
import { DEMO_PASSWORD } from '@cms/demo-data';
import { startAccessControl, type AccessControlUnderTest } from './support/access-control-under-test';

let service: AccessControlUnderTest;
let db: Client;

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

async function call(method: string, path: string, accessToken?: string, body?: unknown, idempotencyKey?: string): Promise<Answer> {
  const response = await service.call(method, path, accessToken, body, idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
}

const tokenOf = (userId: string) => service.tokenOf(userId);

async function createUser(lso: string, userId: string, idempotencyKey?: string): Promise<Answer> {
  return call(
    'POST',
    '/api/v1/users',
    lso,
    { userId, displayName: `User ${userId}`, email: `${userId}@brightwater.example`, roles: ['CONTACT_USER'] },
    idempotencyKey,
  );
}

async function count(table: string, where: string, values: unknown[]): Promise<number> {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`, values);
  return rows[0].n as number;
}

beforeAll(async () => {
  service = await startAccessControl({ databaseName: 'access_control_idempotency' });
  db = new Client({ connectionString: service.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await service?.close();
});

describe('PATCH /api/v1/users/{userId} with an Idempotency-Key', () => {
  it('replays the first answer to a retried suspension and records it in the audit once', async () => {
    const lso = await tokenOf('bwe.lso');
    expect((await createUser(lso, 'bwe.idem-suspend')).status).toBe(201);

    const first = await call('PATCH', '/api/v1/users/bwe.idem-suspend', lso, { status: 'SUSPENDED' }, 'suspend-1');
    const retry = await call('PATCH', '/api/v1/users/bwe.idem-suspend', lso, { status: 'SUSPENDED' }, 'suspend-1');

    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ userId: 'bwe.idem-suspend', status: 'SUSPENDED' });
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 200, body: first.body });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('admin_audit', 'subject_user_id = $1 AND action = $2', ['bwe.idem-suspend', 'USER_SUSPENDED'])).toBe(1);
  });

  it('refuses the same key with a different body: 422 IDEMPOTENCY_KEY_REUSED, and changes nothing', async () => {
    const lso = await tokenOf('bwe.lso');
    expect((await createUser(lso, 'bwe.idem-reused')).status).toBe(201);
    const first = await call('PATCH', '/api/v1/users/bwe.idem-reused', lso, { status: 'SUSPENDED' }, 'reused-1');
    expect(first.status).toBe(200);

    const other = await call('PATCH', '/api/v1/users/bwe.idem-reused', lso, { status: 'ACTIVE' }, 'reused-1');

    expect({ status: other.status, code: other.body.code }).toEqual({ status: 422, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(other.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const { rows } = await db.query('SELECT status FROM user_account WHERE user_id = $1', ['bwe.idem-reused']);
    expect(rows[0].status).toBe('SUSPENDED');
    expect(await count('admin_audit', 'subject_user_id = $1 AND action = $2', ['bwe.idem-reused', 'USER_REACTIVATED'])).toBe(0);
  });

  it('refuses a malformed key with 400 INVALID_IDEMPOTENCY_KEY', async () => {
    const lso = await tokenOf('bwe.lso');
    const answer = await call('PATCH', '/api/v1/users/bwe.user', lso, { status: 'SUSPENDED' }, 'k'.repeat(256));

    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'INVALID_IDEMPOTENCY_KEY' });
    const { rows } = await db.query('SELECT status FROM user_account WHERE user_id = $1', ['bwe.user']);
    expect(rows[0].status).toBe('ACTIVE');
  });

  it('behaves as before without the header', async () => {
    const lso = await tokenOf('bwe.lso');
    expect((await createUser(lso, 'bwe.idem-none')).status).toBe(201);

    const answer = await call('PATCH', '/api/v1/users/bwe.idem-none', lso, { status: 'SUSPENDED' });

    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ userId: 'bwe.idem-none', status: 'SUSPENDED' });
    expect(answer.headers.get('idempotent-replayed')).toBeNull();
  });
});

describe('writes that answer a one-time secret ignore the Idempotency-Key (the secret must never be stored)', () => {
  it('POST /users: creates the user with its temporary password; a retry is not replayed but refused 409 USER_ID_TAKEN', async () => {
    const lso = await tokenOf('bwe.lso');

    const first = await createUser(lso, 'bwe.idem-created', 'create-user-1');
    const retry = await createUser(lso, 'bwe.idem-created', 'create-user-1');

    expect(first.status).toBe(201);
    expect(first.body.temporaryPassword).toEqual(expect.any(String));
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect({ status: retry.status, code: retry.body.code }).toEqual({ status: 409, code: 'USER_ID_TAKEN' });
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    expect(await count('idempotent_request', 'idempotency_key = $1', ['create-user-1'])).toBe(0);
    expect(await count('idempotent_request', 'response_body LIKE $1', [`%${first.body.temporaryPassword as string}%`])).toBe(0);
  });

  it('POST /api-clients: each request registers a client with its own secret, none is stored for replay', async () => {
    const lso = await tokenOf('bwe.lso');
    const body = { name: 'BWE idempotency probe', scopes: ['contacts:read'] };

    const first = await call('POST', '/api/v1/api-clients', lso, body, 'register-client-1');
    const second = await call('POST', '/api/v1/api-clients', lso, body, 'register-client-1');

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.clientId).not.toBe(first.body.clientId);
    expect(await count('idempotent_request', 'idempotency_key = $1', ['register-client-1'])).toBe(0);
  });

  it('the sign-in family: POST /auth/login with a key issues fresh tokens each time, and stores nothing', async () => {
    const signIn = () => call('POST', '/api/v1/auth/login', undefined, { userId: 'bwe.user', password: DEMO_PASSWORD }, 'login-1');

    const first = await signIn();
    const second = await signIn();

    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.refreshToken).not.toBe(first.body.refreshToken);
    expect(await count('idempotent_request', 'idempotency_key = $1', ['login-1'])).toBe(0);
  });
});

describe('DELETE /api/v1/api-clients/{clientId} with an Idempotency-Key', () => {
  it('replays the 204 of the first revocation (not 404) and records it once', async () => {
    const lso = await tokenOf('bwe.lso');
    const registered = await call('POST', '/api/v1/api-clients', lso, { name: 'BWE to revoke', scopes: ['contacts:read'] });
    expect(registered.status).toBe(201);
    const clientId = registered.body.clientId as string;

    const first = await call('DELETE', `/api/v1/api-clients/${clientId}`, lso, undefined, 'revoke-1');
    const retry = await call('DELETE', `/api/v1/api-clients/${clientId}`, lso, undefined, 'revoke-1');
    const withoutKey = await call('DELETE', `/api/v1/api-clients/${clientId}`, lso);

    expect([first.status, retry.status]).toEqual([204, 204]);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(withoutKey.status).toBe(404);
    expect(await count('admin_audit', `action = 'API_CLIENT_REVOKED' AND details->>'clientId' = $1`, [clientId])).toBe(1);
  });
});

describe('POST /api/v1/signing-keys/rotation with an Idempotency-Key', () => {
  it('replays the first rotation (the same new kid) and rotates once', async () => {
    const admin = await tokenOf('cds.admin');

    const first = await call('POST', '/api/v1/signing-keys/rotation', admin, undefined, 'rotate-1');
    const retry = await call('POST', '/api/v1/signing-keys/rotation', admin, undefined, 'rotate-1');

    expect(first.status).toBe(201);
    expect(first.body).toEqual({ kid: expect.any(String), retiringKid: expect.any(String), activatesAt: expect.any(String) });
    expect({ status: retry.status, body: retry.body }).toEqual({ status: 201, body: first.body });
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await count('admin_audit', `action = 'SIGNING_KEY_ROTATED'`, [])).toBe(1);
  });
});
