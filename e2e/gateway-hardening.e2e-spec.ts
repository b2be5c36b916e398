import { randomUUID } from 'node:crypto';
import { api, dtl, expectProblem, signIn } from './support/api';

/**
 * Gateway hardening through the whole stack, with its default settings: rate limits per
 * organisation, CORS (no origin is allowed by default) and Idempotency-Key on logging a contact.
 */
describe('Gateway hardening', () => {
  it('answers 429 RATE_LIMITED with Retry-After once one organisation has spent its burst, while another organisation is still served', async () => {
    // Kestrel Gas & Power sends far more than the default burst (100) at once; Lantern Power & Gas
    // is not held back by it. Malformed bodies keep the load off the services: the gateway counts
    // the request, then refuses it itself.
    const noisy = await signIn('kgp.user');
    const quiet = await signIn('lpw.user');
    const answers = [];
    for (let batch = 0; batch < 6; batch++) {
      answers.push(...(await Promise.all(Array.from({ length: 50 }, () => api('POST', '/api/v1/contacts', { token: noisy, rawBody: '{' })))));
    }
    const other = await api('GET', '/api/v1/contacts?limit=1', { token: quiet });

    const refused = answers.filter((answer) => answer.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(answers.filter((answer) => answer.status !== 429).every((answer) => answer.status === 400)).toBe(true);
    expectProblem(refused[0], 429, 'RATE_LIMITED');
    expect(refused[0].headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    expect(other.status).toBe(200);
    expect(Number(other.headers.get('ratelimit-remaining'))).toBeGreaterThan(0);
  });

  describe('CORS', () => {
    it('refuses a preflight from an origin that is not allowed with 403 and no CORS headers', async () => {
      const preflight = await api('OPTIONS', '/api/v1/contacts', {
        headers: { origin: 'https://not-allowed.example.net', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
      });

      expectProblem(preflight, 403, 'CORS_ORIGIN_NOT_ALLOWED');
      expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });

    it('gives a cross-origin request from an origin that is not allowed no CORS headers', async () => {
      const response = await api('GET', '/api/v1/contacts?limit=1', { token: await signIn('cds.agent'), headers: { origin: 'https://not-allowed.example.net' } });

      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    });
  });

  it('replays a retried contact with the same Idempotency-Key: the same CRN, and only one contact logged', async () => {
    const token = await signIn('bwe.user');
    const key = randomUUID();
    // Dead and BWE's in the demo register, not used by any other end-to-end test.
    const body = dtl('9289758310');

    const first = await api('POST', '/api/v1/contacts', { token, json: body, headers: { 'idempotency-key': key } });
    const retry = await api('POST', '/api/v1/contacts', { token, json: body, headers: { 'idempotency-key': key } });
    const reused = await api('POST', '/api/v1/contacts', { token, json: { ...body, description: 'Another contact.' }, headers: { 'idempotency-key': key } });

    expect(first.status).toBe(201);
    expect({ status: retry.status, body: retry.body, replayed: retry.headers.get('idempotent-replayed') }).toEqual({
      status: 201,
      body: first.body,
      replayed: 'true',
    });
    expectProblem(reused, 422, 'IDEMPOTENCY_KEY_REUSED');
    const listed = await api('GET', `/api/v1/contacts?mprn=${body.mprn}&limit=100`, { token });
    expect(listed.body.items.map((item: { crn: string }) => item.crn)).toEqual([first.body.crn]);
  });
});
