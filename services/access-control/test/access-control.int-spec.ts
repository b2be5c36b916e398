// The access-control service in-process on a real PostgreSQL and Kafka (libs/testing), driven over
// real HTTP: sign-in, tokens that verify with the platform's own verifier against the served JWKS,
// lockout, refresh rotation and reuse detection, sign-out, /me and the organisation directory.
import { verify as verifyPassword } from '@node-rs/argon2';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import pino from 'pino';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { AccessTokenVerifier } from '@cms/auth';
import { openServiceDataSource } from '@cms/persistence';
import { createTestDatabase } from '@cms/testing';
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from '@cms/demo-data';
import { ACCESS_TOKEN_SIGNING, type AccessTokenSigning } from '../src/application/token-signing.port';
import { accessControlEntities } from '../src/infrastructure/entities';
import { accessControlMigrations } from '../src/infrastructure/migrations';
import { SigningKeyStore } from '../src/infrastructure/signing-key.store';
import {
  ACCESS_TOKEN_ISSUER,
  seedDemoAccounts,
  startAccessControl,
  testSigningKeyCipher,
  type AccessControlUnderTest,
} from './support/access-control-under-test';

const ISSUER = ACCESS_TOKEN_ISSUER;
const logger = pino({ level: 'silent' });

let service: AccessControlUnderTest;
let app: NestExpressApplication;
let baseUrl: string;
let databaseUrl: string;
let db: Client;
let verifier: AccessTokenVerifier;

interface TokenPairBody {
  accessToken: string;
  tokenType: string;
  expiresIn: number;
  refreshToken: string;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

function get(path: string, accessToken?: string): Promise<Response> {
  return fetch(`${baseUrl}${path}`, { headers: accessToken ? { authorization: `Bearer ${accessToken}` } : {} });
}

const signIn = (userId: string, password = DEMO_PASSWORD) => post('/api/v1/auth/login', { userId, password });

async function signedIn(userId: string): Promise<TokenPairBody> {
  const response = await signIn(userId);
  expect(response.status).toBe(200);
  return (await response.json()) as TokenPairBody;
}

/** Asserts an RFC 9457 problem response and returns its body. */
async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const body = (await response.json()) as Record<string, unknown>;
  expect(body).toMatchObject({ status, code, type: expect.stringMatching(/^urn:cms:problem:/), title: expect.any(String) });
  expect(JSON.stringify(body)).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  return body;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function timed(work: () => Promise<Response>): Promise<number> {
  const started = performance.now();
  const response = await work();
  await response.arrayBuffer();
  return performance.now() - started;
}

beforeAll(async () => {
  service = await startAccessControl({ databaseName: 'access_control' });
  ({ app, baseUrl, databaseUrl } = service);
  db = new Client({ connectionString: databaseUrl });
  await db.connect();
  verifier = new AccessTokenVerifier({ jwksUrl: `${baseUrl}/.well-known/jwks.json`, issuer: ISSUER });
});

afterAll(async () => {
  await db?.end();
  await service?.close();
});

describe('sign-in', () => {
  it('issues an ES256 access token that verifies against the served JWKS, with the user, organisation and roles', async () => {
    const response = await signIn('bwe.user');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as TokenPairBody;
    expect(body).toEqual({
      accessToken: expect.any(String),
      tokenType: 'Bearer',
      expiresIn: 300,
      refreshToken: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
    });

    const caller = await verifier.verify(body.accessToken);
    const brightwater = demoOrganisations().find((o) => o.shortCode === 'BWE')!;
    expect(caller).toEqual({ userId: 'bwe.user', organisationId: brightwater.id, organisationType: 'SHIPPER', roles: ['CONTACT_USER'], sessionId: decodeJwt(body.accessToken).sid });

    const claims = decodeJwt(body.accessToken);
    expect(claims).toMatchObject({ sub: 'bwe.user', iss: ISSUER, aud: 'cms-api', org: brightwater.id, org_type: 'SHIPPER' });
    expect(claims.exp! - claims.iat!).toBe(300);
    expect(claims.jti).toEqual(expect.any(String));
    expect(claims.sid).toEqual(expect.any(String));

    const header = decodeProtectedHeader(body.accessToken);
    const jwks = (await (await get('/.well-known/jwks.json')).json()) as { keys: { kid: string }[] };
    expect(header.alg).toBe('ES256');
    expect(jwks.keys.map((k) => k.kid)).toContain(header.kid);
  });

  it('answers a wrong password, an unknown user and a suspended user with the same INVALID_CREDENTIALS problem', async () => {
    await db.query(`UPDATE user_account SET status = 'SUSPENDED' WHERE user_id = 'lpw.lso'`);
    const wrongPassword = await expectProblem(await signIn('bwe.lso', 'not-the-password'), 401, 'INVALID_CREDENTIALS');
    const unknownUser = await expectProblem(await signIn('nobody.here'), 401, 'INVALID_CREDENTIALS');
    const suspended = await expectProblem(await signIn('lpw.lso'), 401, 'INVALID_CREDENTIALS');
    const visible = ({ type, title, status, detail, code }: Record<string, unknown>) => ({ type, title, status, detail, code });
    expect(visible(unknownUser)).toEqual(visible(wrongPassword));
    expect(visible(suspended)).toEqual(visible(wrongPassword));
  });

  it('spends one argon2id verification on an unknown user too, so response time does not reveal which user ids exist', async () => {
    const { rows } = await db.query(`SELECT password_hash FROM user_account WHERE user_id = 'kgp.user'`);
    const oneVerification: number[] = [];
    const unknownUser: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const started = performance.now();
      await verifyPassword(rows[0].password_hash, 'wrong-password');
      oneVerification.push(performance.now() - started);
      unknownUser.push(await timed(() => signIn(`ghost.${attempt}`, 'wrong-password')));
    }
    // Without the dummy verification an unknown user would be answered in a fraction of this time.
    expect(median(unknownUser)).toBeGreaterThan(median(oneVerification) * 0.8);
  });

  it('locks the account after five consecutive failures, refusing even the right password, until the lock expires', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expectProblem(await signIn('tgs.user', `wrong-${attempt}`), 401, 'INVALID_CREDENTIALS');
    }
    const { rows } = await db.query(`SELECT locked_until - now() AS remaining FROM user_account WHERE user_id = 'tgs.user'`);
    expect(rows[0].remaining.minutes).toBeGreaterThanOrEqual(14);

    await expectProblem(await signIn('tgs.user'), 401, 'INVALID_CREDENTIALS');

    await db.query(`UPDATE user_account SET locked_until = now() - interval '1 second' WHERE user_id = 'tgs.user'`);
    expect((await signIn('tgs.user')).status).toBe(200);
  });

  it('counts concurrent wrong guesses exactly, so five at once lock the account', async () => {
    // Hold the account's row so that all five attempts are in flight together, then let them go:
    // each must see the failures counted before it, or some would be lost and no lock would follow.
    const holder = new Client({ connectionString: databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query(`SELECT 1 FROM user_account WHERE user_id = 'kgp.lso' FOR UPDATE`);
      const attempts = Promise.all(Array.from({ length: 5 }, (_, i) => signIn('kgp.lso', `guess-${i}`)));
      await waitUntil(async () => {
        const { rows } = await db.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        return rows[0].waiting === 5;
      });
      await holder.query('COMMIT');
      expect((await attempts).map((r) => r.status)).toEqual([401, 401, 401, 401, 401]);
    } finally {
      await holder.end();
    }
    await expectProblem(await signIn('kgp.lso'), 401, 'INVALID_CREDENTIALS');
    const { rows } = await db.query(`SELECT locked_until > now() AS locked FROM user_account WHERE user_id = 'kgp.lso'`);
    expect(rows[0].locked).toBe(true);
  });

  it('refuses unknown fields, over-long values and broken JSON with a 400 problem', async () => {
    const unknownField = await expectProblem(
      await post('/api/v1/auth/login', { userId: 'bwe.user', password: DEMO_PASSWORD, admin: true }),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknownField.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_FIELD', field: 'admin' })]);
    const tooLong = await expectProblem(
      await post('/api/v1/auth/login', { userId: 'u'.repeat(65), password: 'p'.repeat(257) }),
      400,
      'VALIDATION_FAILED',
    );
    expect((tooLong.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(['password', 'userId']);
    await expectProblem(await post('/api/v1/auth/login', '{"userId": "bwe.user",'), 400, 'MALFORMED_JSON');
    await expectProblem(await post('/api/v1/auth/login', { userId: 42, password: ['x'] }), 400, 'VALIDATION_FAILED');
  });
});

describe('access tokens', () => {
  it('lets /me answer with the user and organisation', async () => {
    const { accessToken } = await signedIn('cad.user');
    const response = await get('/api/v1/me', accessToken);
    expect(response.status).toBe(200);
    const cadent = demoOrganisations().find((o) => o.shortCode === 'CAD')!;
    expect(await response.json()).toEqual({
      userId: 'cad.user',
      displayName: expect.any(String),
      email: expect.stringMatching(/^cad\.user@/),
      telephone: null,
      organisation: { id: cadent.id, shortCode: 'CAD', name: 'Cadent Gas', type: 'DN' },
      roles: ['TRANSPORTER_USER'],
    });
  });

  it('refuses /me without a token', async () => {
    await expectProblem(await get('/api/v1/me'), 401, 'UNAUTHENTICATED');
  });

  it('refuses a token signed by another key, even one claiming the real key id', async () => {
    const { accessToken } = await signedIn('sgn.user');
    const { kid } = decodeProtectedHeader(accessToken);
    const { privateKey } = await generateKeyPair('ES256');
    const forged = await new SignJWT({ ...decodeJwt(accessToken) })
      .setProtectedHeader({ alg: 'ES256', kid })
      .sign(privateKey);
    await expectProblem(await get('/api/v1/me', forged), 401, 'UNAUTHENTICATED');
  });

  it('refuses an unsigned token', async () => {
    const { accessToken } = await signedIn('sgn.user');
    const [, payload] = accessToken.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await expectProblem(await get('/api/v1/me', `${header}.${payload}.`), 401, 'UNAUTHENTICATED');
  });

  it('refuses an expired token signed with the real key', async () => {
    const { accessToken } = await signedIn('wwu.user');
    const claims = decodeJwt(accessToken);
    const { token: expired } = await app.get<AccessTokenSigning>(ACCESS_TOKEN_SIGNING).sign(
      {
        userId: 'wwu.user',
        organisationId: claims.org as string,
        organisationType: 'DN',
        roles: ['TRANSPORTER_USER'],
        sessionId: claims.sid as string,
      },
      new Date(Date.now() - 10 * 60_000),
    );
    await expect(verifier.verify(expired)).rejects.toThrow('access token expired');
    const problem = await expectProblem(await get('/api/v1/me', expired), 401, 'UNAUTHENTICATED');
    expect(problem.detail).toBe('access token expired');
  });

  it('refuses the token of a user suspended since it was issued, at once', async () => {
    const { accessToken, refreshToken } = await signedIn('lpw.user');
    await db.query(`UPDATE user_account SET status = 'SUSPENDED' WHERE user_id = 'lpw.user'`);
    await expectProblem(await get('/api/v1/me', accessToken), 401, 'UNAUTHENTICATED');
    await expectProblem(await post('/api/v1/auth/refresh', { refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
  });
});

describe('refresh and sign-out', () => {
  it('rotates the refresh token and issues a new access token', async () => {
    const first = await signedIn('oak.user');
    const response = await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const second = (await response.json()) as TokenPairBody;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(await verifier.verify(second.accessToken)).toMatchObject({ userId: 'oak.user', organisationType: 'SHIPPER' });
    expect(decodeJwt(second.accessToken).sid).toBe(decodeJwt(first.accessToken).sid);
    expect((await get('/api/v1/me', second.accessToken)).status).toBe(200);
  });

  it('treats reuse of a replaced refresh token as theft and ends the whole session', async () => {
    const first = await signedIn('oak.lso');
    const second = (await (await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken })).json()) as TokenPairBody;

    await expectProblem(await post('/api/v1/auth/refresh', { refreshToken: first.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');

    // The legitimate-looking latest token dies with the family, and so does the session's access token at /me.
    await expectProblem(await post('/api/v1/auth/refresh', { refreshToken: second.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    await expectProblem(await get('/api/v1/me', second.accessToken), 401, 'UNAUTHENTICATED');
    const { rows } = await db.query(
      `SELECT count(*)::int AS live FROM refresh_session WHERE user_id = 'oak.lso' AND revoked_at IS NULL`,
    );
    expect(rows[0].live).toBe(0);
  });

  it('refuses an unknown refresh token', async () => {
    await expectProblem(
      await post('/api/v1/auth/refresh', { refreshToken: 'A'.repeat(43) }),
      401,
      'INVALID_REFRESH_TOKEN',
    );
  });

  it('signs out: the refresh token and the session end, and signing out again still answers 204', async () => {
    const { accessToken, refreshToken } = await signedIn('mpl.user');
    const response = await post('/api/v1/auth/logout', { refreshToken });
    expect(response.status).toBe(204);
    await expectProblem(await post('/api/v1/auth/refresh', { refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
    await expectProblem(await get('/api/v1/me', accessToken), 401, 'UNAUTHENTICATED');
    expect((await post('/api/v1/auth/logout', { refreshToken })).status).toBe(204);
    expect((await post('/api/v1/auth/logout', { refreshToken: 'never-issued' })).status).toBe(204);
  });

  it('signs out everywhere: every session of the user ends, this one too, announced for the gateways; other users keep theirs', async () => {
    const [laptop, phone] = [await signedIn('sgn.user'), await signedIn('sgn.user')];
    const colleague = await signedIn('sgn.lso');
    await expectProblem(await fetch(`${baseUrl}/api/v1/me/sessions`, { method: 'DELETE' }), 401, 'UNAUTHENTICATED');

    const response = await fetch(`${baseUrl}/api/v1/me/sessions`, { method: 'DELETE', headers: { authorization: `Bearer ${phone.accessToken}` } });
    expect(response.status).toBe(204);

    for (const session of [laptop, phone]) {
      await expectProblem(await post('/api/v1/auth/refresh', { refreshToken: session.refreshToken }), 401, 'INVALID_REFRESH_TOKEN');
      await expectProblem(await get('/api/v1/me', session.accessToken), 401, 'UNAUTHENTICATED');
    }
    expect((await get('/api/v1/me', colleague.accessToken)).status).toBe(200);
    expect((await post('/api/v1/auth/refresh', { refreshToken: colleague.refreshToken })).status).toBe(200);
    const { rows } = await db.query(
      `SELECT payload::jsonb AS payload FROM outbox_message WHERE topic = 'cms.access.v1' AND message_key = 'sgn.user'`,
    );
    expect(rows).toEqual([
      {
        payload: expect.objectContaining({
          userId: 'sgn.user',
          reason: 'SIGNED_OUT',
          sessionIds: expect.arrayContaining([decodeJwt(laptop.accessToken).sid, decodeJwt(phone.accessToken).sid]),
        }),
      },
    ]);
    // The ended session's token cannot do it again.
    await expectProblem(
      await fetch(`${baseUrl}/api/v1/me/sessions`, { method: 'DELETE', headers: { authorization: `Bearer ${phone.accessToken}` } }),
      401,
      'UNAUTHENTICATED',
    );
  });

  it('stores refresh tokens only as SHA-256 hashes', async () => {
    const { refreshToken } = await signedIn('nfg.user');
    const { rows } = await db.query(`SELECT token_hash FROM refresh_session WHERE user_id = 'nfg.user'`);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toHaveLength(32);
    expect(rows[0].token_hash.toString('base64url')).not.toBe(refreshToken);
  });
});

describe('JWKS', () => {
  it('publishes only public keys, at both paths, cacheable for a minute, without a token', async () => {
    const wellKnown = await get('/.well-known/jwks.json');
    const underApi = await get('/api/v1/auth/jwks.json');
    expect(wellKnown.status).toBe(200);
    expect(wellKnown.headers.get('cache-control')).toBe('public, max-age=60');
    const body = (await wellKnown.json()) as { keys: Record<string, string>[] };
    expect(await underApi.json()).toEqual(body);
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: expect.any(String),
      y: expect.any(String),
      kid: expect.any(String),
      alg: 'ES256',
      use: 'sig',
    });
  });

  it('creates exactly one signing key when several replicas start on an empty database at once', async () => {
    const url = await createTestDatabase('access_control_keys');
    const replicas: DataSource[] = await Promise.all(
      Array.from({ length: 4 }, () =>
        openServiceDataSource({ url, entities: accessControlEntities, migrations: accessControlMigrations, poolSize: 2 }),
      ),
    );
    try {
      const stores = await Promise.all(replicas.map((dataSource) => SigningKeyStore.open(dataSource, logger, { cipher: testSigningKeyCipher() })));
      const kids = new Set(stores.map((store) => store.activeKey().kid));
      expect(kids.size).toBe(1);
      const [{ count }] = await replicas[0].query('SELECT count(*)::int AS count FROM signing_key');
      expect(count).toBe(1);
      // The private half is stored sealed: the database alone cannot sign.
      const [{ private_jwk: stored }] = await replicas[0].query('SELECT private_jwk FROM signing_key');
      expect(stored).toEqual({ enc: 'A256GCM', iv: expect.any(String), ciphertext: expect.any(String), tag: expect.any(String) });

      // A key stored before keys were sealed is sealed when the store opens, and still signs.
      const [kid] = kids;
      const plain = testSigningKeyCipher().open(kid, stored);
      await replicas[0].query('UPDATE signing_key SET private_jwk = $1 WHERE kid = $2', [JSON.stringify(plain), kid]);
      const reopened = await SigningKeyStore.open(replicas[0], logger, { cipher: testSigningKeyCipher() });
      const [{ private_jwk: resealed }] = await replicas[0].query('SELECT private_jwk FROM signing_key');
      expect(resealed.enc).toBe('A256GCM');
      expect(JSON.stringify(resealed)).not.toContain(String(plain.d));
      const token = await new SignJWT({}).setProtectedHeader({ alg: 'ES256', kid }).sign(reopened.activeKey().privateKey);
      expect(token.split('.')).toHaveLength(3);
    } finally {
      await Promise.all(replicas.map((dataSource) => dataSource.destroy()));
    }
  });
});

describe('organisation directory', () => {
  it('lists the demo organisations by type, then name', async () => {
    const { accessToken } = await signedIn('cds.agent');
    const response = await get('/api/v1/organisations', accessToken);
    expect(response.status).toBe(200);
    const { items } = (await response.json()) as { items: { id: string; shortCode: string; name: string; type: string }[] };
    const expected = demoOrganisations().sort((a, b) => (a.type === b.type ? (a.name < b.name ? -1 : 1) : a.type < b.type ? -1 : 1));
    expect(items).toEqual(expected);
  });

  it('filters by type and refuses an unknown type or parameter', async () => {
    const { accessToken } = await signedIn('cds.agent');
    const dns = (await (await get('/api/v1/organisations?type=DN', accessToken)).json()) as { items: { shortCode: string }[] };
    expect(dns.items.map((o) => o.shortCode)).toEqual(['CAD', 'NGN', 'SGN', 'WWU']);
    await expectProblem(await get('/api/v1/organisations?type=GASCO', accessToken), 400, 'VALIDATION_FAILED');
    await expectProblem(await get('/api/v1/organisations?page=2', accessToken), 400, 'VALIDATION_FAILED');
  });

  it('needs a signed-in caller', async () => {
    await expectProblem(await get('/api/v1/organisations'), 401, 'UNAUTHENTICATED');
  });
});

describe('demo seeding', () => {
  it('is idempotent: a second run adds nothing', async () => {
    const result = await seedDemoAccounts(app);
    expect(result).toEqual({ organisationsAdded: 0, usersAdded: 0 });
    const { rows } = await db.query('SELECT count(*)::int AS users FROM user_account');
    expect(rows[0].users).toBe(demoUsers().length);
  });
});
