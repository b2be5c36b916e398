// Partner systems and key rotation, inside the access-control service: the app in-process on a
// real PostgreSQL and Kafka (libs/testing), driven over real HTTP. API clients registered and
// revoked by an LSO, the OAuth 2 client-credentials grant (form-encoded and JSON, Basic and body
// credentials), tokens verified by the platform's own verifier against the served JWKS, and
// signing-key rotation without downtime.
import { createHash } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader } from 'jose';
import pino from 'pino';
import { Client } from 'pg';
import { AccessTokenVerifier } from '@cms/auth';
import { openServiceDataSource } from '@cms/persistence';
import { buildOpenApiDocument } from '@cms/service-defaults';
import { createTestDatabase } from '@cms/testing';
import { DEMO_PASSWORD, demoOrganisations } from '@cms/demo-data';
import { accessControlEntities } from '../src/infrastructure/entities';
import { accessControlMigrations } from '../src/infrastructure/migrations';
import { AccessTokenSigner } from '../src/infrastructure/access-token.signer';
import { RotationPendingError, SigningKeyStore } from '../src/infrastructure/signing-key.store';
import { ACCESS_TOKEN_ISSUER, startAccessControl, testSigningKeyCipher, type AccessControlUnderTest } from './support/access-control-under-test';

const ISSUER = ACCESS_TOKEN_ISSUER;
const ACCESS_TOKEN_TTL_SECONDS = 300;
const RETIREMENT_MARGIN_SECONDS = 10;
const RETENTION_SECONDS = ACCESS_TOKEN_TTL_SECONDS + RETIREMENT_MARGIN_SECONDS;
const logger = pino({ level: 'silent' });

let service: AccessControlUnderTest;
let baseUrl: string;
let jwksUrl: string;
let db: Client;

interface RegisteredClient {
  clientId: string;
  clientSecret: string;
  name: string;
  scopes: string[];
  createdAt: string;
}

interface TokenBody {
  access_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
}

const organisationId = (shortCode: string) => demoOrganisations().find((o) => o.shortCode === shortCode)!.id;

const call = (method: string, path: string, accessToken?: string, body?: unknown) => service.call(method, path, accessToken, body);
const tokenOf = (userId: string) => service.tokenOf(userId);

const basic = (clientId: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** A form-encoded token request, as RFC 6749 requires clients to send it. */
function formTokenRequest(params: Record<string, string>, authorization?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: authorization ? { authorization } : {},
    body: new URLSearchParams(params),
  });
}

function jsonTokenRequest(params: Record<string, unknown>, authorization?: string): Promise<Response> {
  return fetch(`${baseUrl}/api/v1/auth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(params),
  });
}

async function expectProblem(response: Response, status: number, code: string): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  expect({ status: response.status, code: body.code }).toEqual({ status, code });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return body;
}

/** An OAuth 2 error (RFC 6749 §5.2) that is also a problem with the error in capitals as its code. */
async function expectOAuthError(response: Response, status: number, error: string): Promise<Record<string, unknown>> {
  const body = (await response.json()) as Record<string, unknown>;
  expect({ status: response.status, error: body.error }).toEqual({ status, error });
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  expect(response.headers.get('cache-control')).toBe('no-store');
  expect(body).toMatchObject({ error_description: expect.any(String), code: error.toUpperCase(), status, type: expect.any(String) });
  if (status === 401) expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
  return body;
}

async function register(lsoToken: string, name: string, scopes: string[]): Promise<RegisteredClient> {
  const response = await call('POST', '/api/v1/api-clients', lsoToken, { name, scopes });
  expect(response.status).toBe(201);
  return (await response.json()) as RegisteredClient;
}

async function jwksKids(): Promise<string[]> {
  const response = await fetch(jwksUrl);
  return ((await response.json()) as { keys: { kid: string }[] }).keys.map((key) => key.kid);
}

beforeAll(async () => {
  service = await startAccessControl({
    databaseName: 'access_control_api_clients',
    env: {
      ACCESS_TOKEN_TTL_SECONDS: String(ACCESS_TOKEN_TTL_SECONDS),
      // Rotations sign at once here; the delay that lets verifiers fetch the key first is tested on the store below.
      SIGNING_KEY_ACTIVATION_DELAY_SECONDS: '0',
      SIGNING_KEY_RETIREMENT_MARGIN_SECONDS: String(RETIREMENT_MARGIN_SECONDS),
    },
  });
  baseUrl = service.baseUrl;
  jwksUrl = `${baseUrl}/.well-known/jwks.json`;
  db = new Client({ connectionString: service.databaseUrl });
  await db.connect();
});

afterAll(async () => {
  await db?.end();
  await service?.close();
});

describe('an LSO registering an API client', () => {
  it('gets the secret once; the list never shows it and only its SHA-256 is stored', async () => {
    const lso = await tokenOf('bwe.lso');
    const response = await call('POST', '/api/v1/api-clients', lso, { name: 'BWE billing', scopes: ['contacts:read', 'meter-points:read'] });
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const client = (await response.json()) as RegisteredClient;
    expect(client).toEqual({
      clientId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      name: 'BWE billing',
      scopes: ['contacts:read', 'meter-points:read'],
      createdAt: expect.any(String),
      createdBy: 'bwe.lso',
    });

    const listed = await call('GET', '/api/v1/api-clients', lso);
    expect(listed.status).toBe(200);
    const text = await listed.text();
    expect(text).not.toContain(client.clientSecret);
    const { items } = JSON.parse(text) as { items: Record<string, unknown>[] };
    expect(items).toContainEqual({
      clientId: client.clientId,
      name: 'BWE billing',
      scopes: ['contacts:read', 'meter-points:read'],
      createdAt: client.createdAt,
      createdBy: 'bwe.lso',
    });
    expect(items.every((item) => !('clientSecret' in item))).toBe(true);

    const { rows } = await db.query('SELECT secret_hash, organisation_id FROM api_client WHERE client_id = $1', [client.clientId]);
    expect(rows[0].organisation_id).toBe(organisationId('BWE'));
    expect(rows[0].secret_hash.equals(createHash('sha256').update(client.clientSecret).digest())).toBe(true);
  });

  it('refuses scopes not on the reference list, and scopes the organisation type may not hold, naming each', async () => {
    const lso = await tokenOf('bwe.lso');
    const unknown = await expectProblem(
      await call('POST', '/api/v1/api-clients', lso, { name: 'x', scopes: ['contacts:read', 'contacts:delete'] }),
      422,
      'UNKNOWN_SCOPE',
    );
    expect(unknown.errors).toEqual([expect.objectContaining({ code: 'UNKNOWN_SCOPE', field: 'scopes', message: expect.stringContaining('contacts:delete') })]);
    const notAllowed = await expectProblem(
      await call('POST', '/api/v1/api-clients', lso, { name: 'x', scopes: ['site-visits:write'] }),
      422,
      'SCOPE_NOT_ALLOWED',
    );
    expect(notAllowed.detail).toContain('SHIPPER');
    // A transporter may hold it.
    await register(await tokenOf('cad.lso'), 'CAD field app', ['site-visits:read', 'site-visits:write']);
    await expectProblem(await call('POST', '/api/v1/api-clients', lso, { name: 'x', scopes: [] }), 400, 'VALIDATION_FAILED');
    await expectProblem(await call('POST', '/api/v1/api-clients', lso, { name: 'x', scopes: ['contacts:read'], secret: 'mine' }), 400, 'VALIDATION_FAILED');
    await expectProblem(await call('POST', '/api/v1/api-clients', lso, { name: 'n'.repeat(101), scopes: ['contacts:read'] }), 400, 'VALIDATION_FAILED');
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM api_client WHERE name = 'x'`);
    expect(rows[0].n).toBe(0);
  });

  it('is for LSOs only', async () => {
    const user = await tokenOf('bwe.user');
    await expectProblem(await call('POST', '/api/v1/api-clients', user, { name: 'sneaky', scopes: ['contacts:read'] }), 403, 'FORBIDDEN');
    await expectProblem(await call('GET', '/api/v1/api-clients', user), 403, 'FORBIDDEN');
    await expectProblem(await call('GET', '/api/v1/api-clients'), 401, 'UNAUTHENTICATED');
  });
});

describe('the client-credentials grant', () => {
  let client: RegisteredClient;

  beforeAll(async () => {
    client = await register(await tokenOf('tgs.lso'), 'TGS CRM', ['contacts:read', 'contacts:write', 'meter-points:read']);
  });

  it('issues a CMS access token for a client authenticated by HTTP Basic, form-encoded, that verifies against the served JWKS', async () => {
    const response = await formTokenRequest({ grant_type: 'client_credentials', scope: 'contacts:read' }, basic(client.clientId, client.clientSecret));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as TokenBody;
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: ACCESS_TOKEN_TTL_SECONDS, scope: 'contacts:read' });

    const verifier = new AccessTokenVerifier({ jwksUrl, issuer: ISSUER });
    expect(await verifier.verify(body.access_token)).toEqual({
      userId: `client:${client.clientId}`,
      organisationId: organisationId('TGS'),
      organisationType: 'SHIPPER',
      roles: [],
      scopes: ['contacts:read'],
      sessionId: client.clientId,
    });
    const claims = decodeJwt(body.access_token);
    expect(claims).toMatchObject({
      sub: `client:${client.clientId}`,
      iss: ISSUER,
      aud: 'cms-api',
      org: organisationId('TGS'),
      org_type: 'SHIPPER',
      roles: [],
      scope: 'contacts:read',
      client_id: client.clientId,
    });
    expect(claims.sid).toBe(client.clientId); // its one session: revoking the client ends it
    expect(decodeProtectedHeader(body.access_token).alg).toBe('ES256');
  });

  it('accepts the credentials in the body, form-encoded or JSON, and grants every scope of the client when none is asked for', async () => {
    const credentials = { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret };
    const form = await formTokenRequest(credentials);
    expect(form.status).toBe(200);
    expect(((await form.json()) as TokenBody).scope).toBe('contacts:read contacts:write meter-points:read');

    const json = await jsonTokenRequest({ ...credentials, scope: 'meter-points:read contacts:write' });
    expect(json.status).toBe(200);
    const body = (await json.json()) as TokenBody;
    expect(body.scope).toBe('contacts:write meter-points:read');
    expect(decodeJwt(body.access_token).scope).toBe('contacts:write meter-points:read');

    const basicJson = await jsonTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret));
    expect(basicJson.status).toBe(200);
  });

  it('answers a wrong secret, an unknown client and no authentication with 401 invalid_client', async () => {
    // The secret with its last character changed (to another one: 'A' could be the one it ends in).
    const wrongSecret = `${client.clientSecret.slice(0, -1)}${client.clientSecret.endsWith('A') ? 'B' : 'A'}`;
    const wrong = await expectOAuthError(
      await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, wrongSecret)),
      401,
      'invalid_client',
    );
    const unknown = await expectOAuthError(
      await formTokenRequest({ grant_type: 'client_credentials', client_id: '00000000-0000-4000-8000-000000000000', client_secret: client.clientSecret }),
      401,
      'invalid_client',
    );
    expect(unknown.error_description).toBe(wrong.error_description);
    await expectOAuthError(await formTokenRequest({ grant_type: 'client_credentials', client_id: 'not-a-uuid', client_secret: 'x' }), 401, 'invalid_client');
    await expectOAuthError(await formTokenRequest({ grant_type: 'client_credentials' }), 401, 'invalid_client');
  });

  it('answers a scope the client does not hold, or an unknown one, with 400 invalid_scope', async () => {
    const auth = basic(client.clientId, client.clientSecret);
    await expectOAuthError(await formTokenRequest({ grant_type: 'client_credentials', scope: 'contacts:read site-visits:read' }, auth), 400, 'invalid_scope');
    await expectOAuthError(await formTokenRequest({ grant_type: 'client_credentials', scope: 'root' }, auth), 400, 'invalid_scope');
  });

  it('answers another grant type with 400 unsupported_grant_type, and a malformed request with invalid_request', async () => {
    const auth = basic(client.clientId, client.clientSecret);
    await expectOAuthError(await formTokenRequest({ grant_type: 'password', username: 'bwe.user', password: DEMO_PASSWORD }, auth), 400, 'unsupported_grant_type');
    await expectOAuthError(await formTokenRequest({ scope: 'contacts:read' }, auth), 400, 'invalid_request');
    await expectOAuthError(
      await formTokenRequest({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }, auth),
      400,
      'invalid_request',
    );
    const repeated = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&grant_type=client_credentials',
    });
    await expectOAuthError(repeated, 400, 'invalid_request');
    const plainText = await fetch(`${baseUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { authorization: auth, 'content-type': 'text/plain' },
      body: 'grant_type=client_credentials',
    });
    await expectOAuthError(plainText, 400, 'invalid_request');
  });

  it('gives a token that no user route accepts: access control takes no partner tokens', async () => {
    const response = await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret));
    const { access_token } = (await response.json()) as TokenBody;
    // Authenticated, but not permitted here: the platform guard refuses partner tokens on a
    // service that grants no scope to partners.
    await expectProblem(await call('GET', '/api/v1/api-clients', access_token), 403, 'FORBIDDEN');
    await expectProblem(await call('GET', '/api/v1/me', access_token), 403, 'FORBIDDEN');
  });
});

describe('revoking an API client', () => {
  it('is answered 404 for another organisation’s LSO, who cannot see the client either, and the client keeps working', async () => {
    const client = await register(await tokenOf('oak.lso'), 'OAK portal', ['contacts:read']);
    const otherLso = await tokenOf('kgp.lso');
    const listed = (await (await call('GET', '/api/v1/api-clients', otherLso)).json()) as { items: { clientId: string }[] };
    expect(listed.items.map((c) => c.clientId)).not.toContain(client.clientId);
    const foreign = await expectProblem(await call('DELETE', `/api/v1/api-clients/${client.clientId}`, otherLso), 404, 'NOT_FOUND');
    const missing = await expectProblem(await call('DELETE', '/api/v1/api-clients/00000000-0000-4000-8000-000000000000', otherLso), 404, 'NOT_FOUND');
    expect(foreign.detail).toBe(missing.detail);
    expect((await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret))).status).toBe(200);
  });

  it('refuses the client’s secret at once, removes it from the list, and records who did it', async () => {
    const lso = await tokenOf('lpw.lso');
    const client = await register(lso, 'LPW integration', ['contacts:read']);
    expect((await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret))).status).toBe(200);

    expect((await call('DELETE', `/api/v1/api-clients/${client.clientId}`, lso)).status).toBe(204);

    await expectOAuthError(await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret)), 401, 'invalid_client');
    const listed = (await (await call('GET', '/api/v1/api-clients', lso)).json()) as { items: { clientId: string }[] };
    expect(listed.items.map((c) => c.clientId)).not.toContain(client.clientId);
    await expectProblem(await call('DELETE', `/api/v1/api-clients/${client.clientId}`, lso), 404, 'NOT_FOUND');
    await expectProblem(await call('DELETE', '/api/v1/api-clients/not-a-uuid', lso), 400, 'VALIDATION_FAILED');

    const { rows } = await db.query(
      `SELECT action, actor_user_id, organisation_id FROM admin_audit WHERE details->>'clientId' = $1 ORDER BY id`,
      [client.clientId],
    );
    expect(rows).toEqual([
      { action: 'API_CLIENT_REGISTERED', actor_user_id: 'lpw.lso', organisation_id: organisationId('LPW') },
      { action: 'API_CLIENT_REVOKED', actor_user_id: 'lpw.lso', organisation_id: organisationId('LPW') },
    ]);
    // Announced in the same transaction, for the gateway to refuse the tokens the client holds.
    const { rows: announced } = await db.query(`SELECT payload::jsonb AS payload FROM outbox_message WHERE topic = 'cms.access.v1' AND message_key = $1`, [
      `client:${client.clientId}`,
    ]);
    expect(announced).toEqual([
      { payload: expect.objectContaining({ organisationId: organisationId('LPW'), sessionIds: [client.clientId], reason: 'CLIENT_REVOKED' }) },
    ]);
  });
});

describe('rotating an API client secret', () => {
  it('answers a new secret once: the old one is refused at once, the new one works, only its hash is kept, and who did it is recorded', async () => {
    const lso = await tokenOf('tgs.lso');
    const client = await register(lso, 'TGS billing', ['contacts:read']);
    const response = await call('POST', `/api/v1/api-clients/${client.clientId}/secret-rotation`, lso);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const rotated = (await response.json()) as RegisteredClient;
    expect(rotated).toEqual({
      clientId: client.clientId,
      clientSecret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      name: 'TGS billing',
      scopes: ['contacts:read'],
      createdAt: client.createdAt,
      createdBy: 'tgs.lso',
    });
    expect(rotated.clientSecret).not.toBe(client.clientSecret);

    await expectOAuthError(await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret)), 401, 'invalid_client');
    expect((await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, rotated.clientSecret))).status).toBe(200);
    const listed = await (await call('GET', '/api/v1/api-clients', lso)).text();
    expect(listed).not.toContain(rotated.clientSecret);
    const { rows } = await db.query('SELECT secret_hash FROM api_client WHERE client_id = $1', [client.clientId]);
    expect(rows[0].secret_hash.equals(createHash('sha256').update(rotated.clientSecret).digest())).toBe(true);
    const { rows: audit } = await db.query(
      `SELECT action, actor_user_id, organisation_id FROM admin_audit WHERE details->>'clientId' = $1 ORDER BY id`,
      [client.clientId],
    );
    expect(audit).toEqual([
      { action: 'API_CLIENT_REGISTERED', actor_user_id: 'tgs.lso', organisation_id: organisationId('TGS') },
      { action: 'API_CLIENT_SECRET_ROTATED', actor_user_id: 'tgs.lso', organisation_id: organisationId('TGS') },
    ]);
  });

  it('is answered 404, changing nothing, for another organisation’s client or a revoked one, and is for LSOs only', async () => {
    const lso = await tokenOf('kgp.lso');
    const client = await register(lso, 'KGP portal', ['contacts:read']);
    const foreign = await expectProblem(await call('POST', `/api/v1/api-clients/${client.clientId}/secret-rotation`, await tokenOf('oak.lso')), 404, 'NOT_FOUND');
    const missing = await expectProblem(await call('POST', '/api/v1/api-clients/00000000-0000-4000-8000-000000000000/secret-rotation', lso), 404, 'NOT_FOUND');
    expect(foreign.detail).toBe(missing.detail);
    await expectProblem(await call('POST', `/api/v1/api-clients/${client.clientId}/secret-rotation`, await tokenOf('kgp.user')), 403, 'FORBIDDEN');
    await expectProblem(await call('POST', '/api/v1/api-clients/not-a-uuid/secret-rotation', lso), 400, 'VALIDATION_FAILED');
    expect((await formTokenRequest({ grant_type: 'client_credentials' }, basic(client.clientId, client.clientSecret))).status).toBe(200);

    expect((await call('DELETE', `/api/v1/api-clients/${client.clientId}`, lso)).status).toBe(204);
    await expectProblem(await call('POST', `/api/v1/api-clients/${client.clientId}/secret-rotation`, lso), 404, 'NOT_FOUND');
  });
});

describe('signing-key rotation', () => {
  it('is refused with 403, and changes nothing, to anyone but a CDSP administrator', async () => {
    const kids = await jwksKids();
    for (const userId of ['cds.agent', 'cds.lso', 'bwe.lso']) {
      await expectProblem(await call('POST', '/api/v1/signing-keys/rotation', await tokenOf(userId)), 403, 'FORBIDDEN');
    }
    await expectProblem(await call('POST', '/api/v1/signing-keys/rotation'), 401, 'UNAUTHENTICATED');
    expect(await jwksKids()).toEqual(kids);
  });

  it('signs new tokens with the new key while tokens of the old one still verify, both keys published, the old one until its window ends', async () => {
    const admin = await tokenOf('cds.admin');
    const before = await tokenOf('bwe.user');
    const oldKid = decodeProtectedHeader(before).kid!;
    // A verifier that cached the JWKS before the rotation.
    const cachedVerifier = new AccessTokenVerifier({ jwksUrl, issuer: ISSUER });
    await cachedVerifier.verify(before);

    const response = await call('POST', '/api/v1/signing-keys/rotation', admin);
    expect(response.status).toBe(201);
    const rotation = (await response.json()) as { kid: string; retiringKid: string; activatesAt: string };
    expect(rotation.retiringKid).toBe(oldKid);
    expect(rotation.kid).not.toBe(oldKid);

    const after = await tokenOf('bwe.user');
    expect(decodeProtectedHeader(after).kid).toBe(rotation.kid);
    expect(await jwksKids()).toEqual(expect.arrayContaining([oldKid, rotation.kid]));

    // The old token still verifies, for the cached verifier and for one that fetches the JWKS afresh.
    expect((await cachedVerifier.verify(before)).userId).toBe('bwe.user');
    const freshVerifier = new AccessTokenVerifier({ jwksUrl, issuer: ISSUER });
    expect((await freshVerifier.verify(before)).userId).toBe('bwe.user');
    expect((await freshVerifier.verify(after)).userId).toBe('bwe.user');
    expect((await call('GET', '/api/v1/me', before)).status).toBe(200);
    // (This app signs with the new key at once: SIGNING_KEY_ACTIVATION_DELAY_SECONDS=0. A verifier that
    // fetched the JWKS in the last 30 s refetches only after that cooldown, which is why the real
    // delay publishes the key first; see the next test.)

    const { rows } = await db.query(`SELECT kid, active, retired_at IS NOT NULL AS retired FROM signing_key ORDER BY created_at`);
    expect(rows).toEqual([
      { kid: oldKid, active: false, retired: true },
      { kid: rotation.kid, active: true, retired: false },
    ]);

    // Just inside the retention window (access-token lifetime + margin) it is still published; past it, gone.
    await db.query(`UPDATE signing_key SET retired_at = now() - make_interval(secs => $1) WHERE kid = $2`, [RETENTION_SECONDS - 5, oldKid]);
    expect(await jwksKids()).toContain(oldKid);
    await db.query(`UPDATE signing_key SET retired_at = now() - make_interval(secs => $1) WHERE kid = $2`, [RETENTION_SECONDS + 1, oldKid]);
    expect(await jwksKids()).toEqual([rotation.kid]);

    const audit = await db.query(`SELECT actor_user_id, details FROM admin_audit WHERE action = 'SIGNING_KEY_ROTATED'`);
    expect(audit.rows).toEqual([{ actor_user_id: 'cds.admin', details: expect.objectContaining({ kid: rotation.kid, retiringKid: oldKid }) }]);
  });

  it('publishes the new key before it signs, and switches every replica to it once its activation time comes', async () => {
    const url = await createTestDatabase('access_control_rotation');
    const replicas = await Promise.all(
      [0, 1].map(() => openServiceDataSource({ url, entities: accessControlEntities, migrations: accessControlMigrations, poolSize: 2 })),
    );
    try {
      const settings = { cipher: testSigningKeyCipher(), retiredKeyPublishedSeconds: RETENTION_SECONDS, rotationDays: 0, activationDelaySeconds: 3600, activeKeyRecheckMs: 0 };
      const [first, second] = await Promise.all(replicas.map((replica) => SigningKeyStore.open(replica, logger, settings)));
      const oldKid = first.activeKey().kid;
      const rotation = await first.rotate(3600);
      await expect(second.rotate(3600)).rejects.toBeInstanceOf(RotationPendingError);

      // Published at once, not yet signing, on either replica.
      const published = await first.publishedKeys();
      expect(published.map((key) => key.kid).sort()).toEqual([oldKid, rotation.kid].sort());
      expect((await first.signingKey()).kid).toBe(oldKid);
      expect((await second.signingKey()).kid).toBe(oldKid);

      // Its time comes: each replica switches at its next look, and exactly one key is active.
      await replicas[0].query(`UPDATE signing_key SET activates_at = now() - interval '1 second' WHERE kid = $1`, [rotation.kid]);
      const [a, b] = await Promise.all([first.signingKey(), second.signingKey()]);
      expect([a.kid, b.kid]).toEqual([rotation.kid, rotation.kid]);
      const [{ active }] = await replicas[0].query('SELECT count(*)::int AS active FROM signing_key WHERE active');
      expect(active).toBe(1);
      expect((await first.publishedKeys()).map((key) => key.kid)).toEqual(expect.arrayContaining([oldKid, rotation.kid]));

      // A verifier holding only the JWKS it fetched while the key waited verifies the new key's tokens without refetching.
      const cachedJwks = new AccessTokenVerifier({ jwksUrl: 'http://127.0.0.1:9/never-fetched', issuer: ISSUER }, createLocalJWKSet({ keys: published }));
      const { token } = await new AccessTokenSigner(second, { AUTH_ISSUER: ISSUER, ACCESS_TOKEN_TTL_SECONDS: 300 }).signForClient({
        clientId: '00000000-0000-4000-8000-000000000001',
        organisationId: organisationId('BWE'),
        organisationType: 'SHIPPER',
        scopes: ['contacts:read'],
      });
      expect(decodeProtectedHeader(token).kid).toBe(rotation.kid);
      expect((await cachedJwks.verify(token)).userId).toBe('client:00000000-0000-4000-8000-000000000001');
    } finally {
      await Promise.all(replicas.map((replica) => replica.destroy()));
    }
  });
});

describe('automatic signing-key rotation', () => {
  it('publishes a new key when the active one is SIGNING_KEY_ROTATION_DAYS old, once across replicas, with an audit record', async () => {
    const url = await createTestDatabase('access_control_auto_rotation');
    const replicas = await Promise.all(
      [0, 1].map(() => openServiceDataSource({ url, entities: accessControlEntities, migrations: accessControlMigrations, poolSize: 2 })),
    );
    try {
      const settings = { cipher: testSigningKeyCipher(), retiredKeyPublishedSeconds: RETENTION_SECONDS, rotationDays: 30, activationDelaySeconds: 120, activeKeyRecheckMs: 0 };
      const [first, second] = await Promise.all(replicas.map((replica) => SigningKeyStore.open(replica, logger, settings)));
      const oldKid = first.activeKey().kid;
      await first.signingKey();
      expect(await first.publishedKeys()).toHaveLength(1);

      await replicas[0].query(`UPDATE signing_key SET created_at = now() - interval '31 days' WHERE kid = $1`, [oldKid]);
      const signing = await Promise.all([first.signingKey(), second.signingKey()]);
      // Published, still waiting to sign: the old key signs until the activation delay has passed.
      expect(signing.map((key) => key.kid)).toEqual([oldKid, oldKid]);
      const rows = await replicas[0].query(
        `SELECT kid, active, activates_at > now() + interval '100 seconds' AS waits FROM signing_key ORDER BY created_at`,
      );
      expect(rows).toEqual([
        { kid: oldKid, active: true, waits: null },
        { kid: expect.any(String), active: false, waits: true },
      ]);
      expect(await first.publishedKeys()).toHaveLength(2);
      const audit = await replicas[0].query(`SELECT actor_user_id, details FROM admin_audit WHERE action = 'SIGNING_KEY_ROTATED'`);
      expect(audit).toEqual([{ actor_user_id: null, details: expect.objectContaining({ automatic: true, retiringKid: oldKid, kid: rows[1].kid }) }]);
    } finally {
      await Promise.all(replicas.map((replica) => replica.destroy()));
    }
  });
});

describe('documentation', () => {
  it('documents every new route with bounded request fields', () => {
    const document = buildOpenApiDocument(service.app, { title: 'access control', description: 'test' });
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/api-clients', '/api/v1/api-clients/{clientId}', '/api/v1/api-clients/{clientId}/secret-rotation', '/api/v1/auth/token', '/api/v1/signing-keys/rotation']),
    );
    expect(Object.keys((document.paths['/api/v1/auth/token'].post!.requestBody as { content: object }).content).sort()).toEqual([
      'application/json',
      'application/x-www-form-urlencoded',
    ]);
    const schemas = document.components!.schemas as Record<string, { properties: Record<string, { type?: string; maxLength?: number }> }>;
    for (const name of ['CreateApiClientRequest', 'ClientTokenRequest', 'ClientTokenResponse', 'RegisteredApiClientResponse', 'SigningKeyRotationResponse']) {
      for (const [field, property] of Object.entries(schemas[name].properties)) {
        if (property.type === 'string') expect({ name, field, max: property.maxLength }).toEqual({ name, field, max: expect.any(Number) });
      }
    }
  });
});
