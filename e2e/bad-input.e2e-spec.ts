import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { api, dtl, expectProblem, signIn } from './support/api';

/** Malformed input through the gateway gets a 4xx problem-details answer: never a 5xx, never a stack trace. */
describe('Bad input through the gateway', () => {
  let token: string;

  beforeAll(async () => {
    token = await signIn('bwe.user');
  });

  it('broken JSON → 400 MALFORMED_JSON', async () => {
    const response = await api('POST', '/api/v1/contacts', { token, rawBody: '{"type": "DTL", "mprn": ' });
    expectProblem(response, 400, 'MALFORMED_JSON');
  });

  it('a body that is not JSON → 415', async () => {
    const response = await api('POST', '/api/v1/contacts', { token, rawBody: 'type=DTL', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expectProblem(response, 415, 'UNSUPPORTED_MEDIA_TYPE');
  });

  it('wrong types → 4xx listing the fields', async () => {
    const response = await api('POST', '/api/v1/contacts', {
      token,
      json: { ...dtl('3938424403'), mprn: { nested: true }, originatorContact: 'Sam', dtlEvidence: [1, 2] },
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    const fields = response.body.errors.map((error: { field?: string }) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['mprn', 'originatorContact', 'dtlEvidence']));
  });

  it('a JSON array or scalar instead of an object → 4xx', async () => {
    for (const body of ['[]', '"DTL"', '42', 'null']) {
      const response = await api('POST', '/api/v1/contacts', { token, rawBody: body });
      expect({ body, status: response.status < 500 && response.status >= 400 }).toEqual({ body, status: true });
    }
  });

  it('unknown fields → 4xx naming them', async () => {
    const response = await api('POST', '/api/v1/contacts', { token, json: { ...dtl('3938424403'), priority: 'HIGH' } });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(JSON.stringify(response.body.errors)).toContain('priority');
  });

  it('odd Unicode (lone surrogates, control characters, bidi overrides) → 4xx', async () => {
    const response = await api('POST', '/api/v1/contacts', {
      token,
      rawBody: JSON.stringify({ ...dtl('3938424403'), description: 'gas \u202E on \u0000' }).replace('gas', '\\ud800gas'),
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE', async () => {
    const response = await api('POST', '/api/v1/contacts', { token, json: { ...dtl('3938424403'), description: 'x'.repeat(200_000) } });
    expectProblem(response, 413, 'PAYLOAD_TOO_LARGE');
  });

  it('a missing token → 401', async () => {
    const response = await api('POST', '/api/v1/contacts', { json: dtl('3938424403') });
    expectProblem(response, 401, 'UNAUTHENTICATED');
  });

  it('a forged token (right claims, wrong key) → 401', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const kid = (await exportJWK(publicKey)).x;
    const forged = await new SignJWT({ org: 'b39b394d-4352-47f1-9cab-919d828cf087', org_type: 'SHIPPER', roles: ['CONTACT_USER'] })
      .setProtectedHeader({ alg: 'ES256', kid })
      .setSubject('bwe.user')
      .setIssuer('urn:cms:access-control')
      .setAudience('cms-api')
      .setIssuedAt()
      .setExpirationTime('5m')
      .sign(privateKey);

    const response = await api('GET', '/api/v1/contacts', { token: forged });

    expectProblem(response, 401, 'UNAUTHENTICATED');
  });

  it('a token with alg "none" → 401', async () => {
    const [header, payload] = token.split('.');
    const unsigned = `${Buffer.from(JSON.stringify({ alg: 'none' })).toString('base64url')}.${payload}.`;
    expect(header).toBeTruthy();
    const response = await api('GET', '/api/v1/contacts', { token: unsigned });
    expectProblem(response, 401, 'UNAUTHENTICATED');
  });

  it('a tampered token → 401', async () => {
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const tampered = `${header}.${Buffer.from(JSON.stringify({ ...claims, org_type: 'CDSP' })).toString('base64url')}.${signature}`;
    const response = await api('GET', '/api/v1/contacts', { token: tampered });
    expectProblem(response, 401, 'UNAUTHENTICATED');
  });

  it('bad query parameters → 400 listing them', async () => {
    const response = await api('GET', '/api/v1/contacts?limit=abc&status=OPENISH&surprise=1', { token });
    expectProblem(response, 400, 'VALIDATION_FAILED');
  });

  it('an unknown route → 404 problem', async () => {
    const response = await api('GET', '/api/v1/nothing-here', { token });
    expectProblem(response, 404, 'NOT_FOUND');
  });

  it('a malformed CRN → 404, never 5xx', async () => {
    const response = await api('GET', `/api/v1/contacts/${encodeURIComponent("1' OR '1'='1")}`, { token });
    expectProblem(response, 404, 'NOT_FOUND');
  });
});
