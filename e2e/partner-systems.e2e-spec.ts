import { generateDemoMeterPoints } from '@cms/demo-data';
import { api, expectProblem, gatewayUrl, isoToDead, signIn } from './support/api';

/** A partner system gets its own credentials from its organisation's LSO and works through the gateway. */
describe('Partner systems (OAuth 2 client credentials) through the gateway', () => {
  const bwe = 'b39b394d-4352-47f1-9cab-919d828cf087';
  // A Live BWE meter point no other end-to-end test uses (they take showcase points or the first ones).
  const mprn = generateDemoMeterPoints()
    .filter((point) => point.status === 'LI' && point.registeredShipperId === bwe)
    .map((point) => point.mprn)
    .at(-1)!;

  async function registerClient(scopes: string[]) {
    const response = await api('POST', '/api/v1/api-clients', { token: await signIn('bwe.lso'), json: { name: `ERP ${scopes.join(' ')}`, scopes } });
    expect(response.status).toBe(201);
    return response.body as { clientId: string; clientSecret: string };
  }

  async function clientToken(client: { clientId: string; clientSecret: string }): Promise<string> {
    // RFC 6749 §4.4: a form body and HTTP Basic client authentication.
    const response = await fetch(`${gatewayUrl()}/api/v1/auth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    });
    const body = (await response.json()) as { access_token: string; token_type: string };
    expect({ status: response.status, type: body.token_type }).toEqual({ status: 200, type: 'Bearer' });
    return body.access_token;
  }

  it('an LSO registers a client; the client logs a contact with its own token', async () => {
    const token = await clientToken(await registerClient(['contacts:write', 'contacts:read']));

    const logged = await api('POST', '/api/v1/contacts', { token, json: isoToDead(mprn) });
    const read = await api('GET', `/api/v1/contacts/${logged.body.crn}`, { token });

    expect(logged.status).toBe(201);
    expect(read.status).toBe(200);
    expect(read.body.history[0]).toEqual(expect.objectContaining({ action: 'LOGGED', actorOrganisationId: bwe }));
  });

  it('a client without the scope for a route is refused with 403', async () => {
    const token = await clientToken(await registerClient(['contacts:read']));

    const response = await api('POST', '/api/v1/contacts', { token, json: isoToDead(mprn) });

    expectProblem(response, 403, 'FORBIDDEN');
    expect(response.body.detail).toContain('contacts:write');
  });

  it('a revoked client is refused at once: its secret, and the token it already holds', async () => {
    const client = await registerClient(['contacts:read']);
    const token = await clientToken(client);
    expect((await api('GET', '/api/v1/contacts', { token })).status).toBe(200);

    const revoked = await api('DELETE', `/api/v1/api-clients/${client.clientId}`, { token: await signIn('bwe.lso') });
    expect(revoked.status).toBe(204);

    // The gateway hears of it through Kafka (well under a second), minutes before the token expires.
    let refused = await api('GET', '/api/v1/contacts', { token });
    for (const deadline = Date.now() + 5_000; refused.status !== 401 && Date.now() < deadline; ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      refused = await api('GET', '/api/v1/contacts', { token });
    }
    expectProblem(refused, 401, 'UNAUTHENTICATED');
    const again = await api('POST', '/api/v1/auth/token', {
      json: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret },
    });
    expect(again.status).toBe(401);
  });

  it('a wrong secret gets no token', async () => {
    const client = await registerClient(['contacts:read']);

    const response = await api('POST', '/api/v1/auth/token', {
      json: { grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'wrong' },
    });

    expect(response.status).toBe(401);
    expect(response.body.error).toBe('invalid_client');
  });
});
