import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import pino from 'pino';
import type { Caller } from '@cms/auth';
import { testKafkaBrokers, TestTokenIssuer } from '@cms/testing';
import { createEnvelope, SessionsEndedV1, toKafkaHeaders, Topics } from '@cms/contracts';
import { KafkaAdapter } from '@cms/messaging';
import { createGatewayApp } from '../src/gateway.app';
import { loadGatewayConfig, type GatewayConfig } from '../src/gateway.config';

/**
 * The gateway itself, in process, in front of a stand-in service that records what reaches it, with
 * real signed tokens, low rate limits and one allowed browser origin.
 */
describe('gateway hardening', () => {
  const brightwater: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const brightwaterColleague: Caller = { ...brightwater, userId: 'bwe.lso' };
  const thistle: Caller = { userId: 'tgs.user', organisationId: 'c3f47655-09ea-480e-9700-a397bc4fae46', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  // Each test below uses its own organisation, so that one test's requests never use up another's allowance.
  const lantern: Caller = { userId: 'lpw.user', organisationId: '5f0c2a36-2b7e-4c55-9a53-1d2e3f4a5b6c', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const oakleaf: Caller = { userId: 'oak.user', organisationId: '7a1d3b47-3c8f-4d66-8b64-2e3f4a5b6c7d', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const harbourside: Caller = { userId: 'hbs.user', organisationId: '9c2f4e61-7a3b-4f88-8d86-4a5b6c7d8e9f', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const kingsgate: Caller = { userId: 'kgp.user', organisationId: '0b6e8f52-5d1a-4e77-9c75-3f4a5b6c7d8e', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const allowedOrigin = 'https://cms.example.com';
  const received: IncomingHttpHeaders[] = [];
  let issuer: TestTokenIssuer;
  let service: Server;
  let gateway: NestExpressApplication;
  let baseUrl: string;
  let closedOneKeptAlive = false;
  let config: GatewayConfig;
  /** The event streams the stand-in service has open, oldest first. */
  const openStreams: ServerResponse[] = [];

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    const answeredOn = new WeakMap<object, number>();
    service = createServer((request, response) => {
      received.push(request.headers);
      // Once, as a stopping service does: close a kept-alive connection as a request arrives on it, unread.
      const answeredBefore = answeredOn.get(request.socket) ?? 0;
      answeredOn.set(request.socket, answeredBefore + 1);
      if (request.headers['x-test-close-kept-alive'] && answeredBefore > 0 && !closedOneKeptAlive) {
        closedOneKeptAlive = true;
        request.socket.destroy();
        return;
      }
      request.resume();
      if (request.url?.startsWith('/api/v1/notifications/stream')) {
        // An event stream, as notifications answers one: an event now, more when the test writes them.
        response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
        response.write('id: 1\nevent: alert\ndata: {"n":1}\n\n');
        openStreams.push(response);
        return;
      }
      const answer = '{"ok":true}';
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(answer) }).end(answer);
    });
    await new Promise<void>((resolve) => service.listen(0, '127.0.0.1', resolve));
    const serviceUrl = `http://127.0.0.1:${(service.address() as AddressInfo).port}`;
    config = loadGatewayConfig({
      ...issuer.env(),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      ACCESS_CONTROL_URL: serviceUrl,
      METER_POINTS_URL: serviceUrl,
      CONTACT_LOGGING_URL: serviceUrl,
      NOTIFICATIONS_URL: serviceUrl,
      // Short, so that the event stream below outlasts it.
      GATEWAY_UPSTREAM_TIMEOUT_MS: '1000',
      RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '6',
      RATE_LIMIT_PER_ORGANISATION_BURST: '3',
      RATE_LIMIT_PUBLIC_PER_IP_PER_MINUTE: '6',
      RATE_LIMIT_PUBLIC_PER_IP_BURST: '2',
      CORS_ALLOWED_ORIGINS: `${allowedOrigin}, https://partner.example.org`,
    });
    gateway = await createGatewayApp(config, pino({ level: 'silent' }));
    await gateway.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(gateway.getHttpServer().address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => service.close(resolve));
    await issuer.stop();
  });

  async function call(method: string, path: string, options: { caller?: Caller; headers?: Record<string, string>; body?: string } = {}) {
    const headers: Record<string, string> = { ...options.headers };
    if (options.caller) headers.authorization = `Bearer ${await issuer.tokenFor(options.caller)}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${path}`, { method, headers, body: options.body });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? (JSON.parse(text) as any) : undefined };
  }

  describe('rate limits per organisation', () => {
    it('refuses an organisation past its burst with 429 RATE_LIMITED and Retry-After, while another organisation is served', async () => {
      const answers = [];
      // Two users of one organisation share its allowance.
      for (const caller of [brightwater, brightwaterColleague, brightwater, brightwaterColleague]) {
        answers.push(await call('GET', '/api/v1/contacts', { caller }));
      }
      const other = await call('GET', '/api/v1/contacts', { caller: thistle });

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429]);
      expect(answers.map((answer) => answer.headers.get('ratelimit-remaining'))).toEqual(['2', '1', '0', '0']);
      expect(answers[0].headers.get('ratelimit-limit')).toBe('3');
      const refused = answers[3];
      expect(refused.headers.get('content-type')).toContain('application/problem+json');
      expect(refused.body).toEqual(expect.objectContaining({ status: 429, code: 'RATE_LIMITED' }));
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(Number.isInteger(Number(refused.headers.get('retry-after')))).toBe(true);
      expect(other.status).toBe(200);
    });

    it('limits the public sign-in routes per client IP', async () => {
      const answers = [];
      for (let i = 0; i < 3; i++) answers.push(await call('POST', '/api/v1/auth/login', { body: '{}' }));

      expect(answers.map((answer) => answer.status)).toEqual([200, 200, 429]);
      expect(answers[2].body.code).toBe('RATE_LIMITED');
      expect(answers[2].headers.get('retry-after')).toMatch(/^[1-9]\d*$/);
    });
  });

  it('forwards Idempotency-Key to the service untouched', async () => {
    received.length = 0;

    await call('POST', '/api/v1/meter-points', { caller: lantern, body: '{}', headers: { 'idempotency-key': 'Order 42 / retry: ~1' } });

    expect(received[0]['idempotency-key']).toBe('Order 42 / retry: ~1');
  });

  it("passes the service's answer on with its Content-Length, not re-chunked", async () => {
    const answer = await call('GET', '/api/v1/meter-points/3938424403', { caller: kingsgate });

    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-length')).toBe(String('{"ok":true}'.length));
    expect(answer.headers.get('transfer-encoding')).toBeNull();
  });

  it('sends a request once more, on a new connection, when the service closed the kept-alive one it went out on', async () => {
    // A first request leaves a kept-alive connection to the service in the gateway's pool.
    expect((await call('GET', '/api/v1/meter-points/3938424403', { caller: harbourside })).status).toBe(200);

    const answer = await call('POST', '/api/v1/contacts', { caller: harbourside, body: '{}', headers: { 'x-test-close-kept-alive': 'yes' } });

    expect(closedOneKeptAlive).toBe(true);
    expect(answer.status).toBe(200);
  });

  it("refuses at once a token whose session access-control announced as ended, and still serves the user's other sessions", async () => {
    const endedSession = randomUUID();
    const liveSession = randomUUID();
    // Organisations of their own: the polling below must not meet another test's rate limit.
    const suspended: Caller = { userId: 'sws.user', organisationId: '1d7e9a24-8b6c-4f1d-a2e3-5b6c7d8e9fa0', organisationType: 'SHIPPER', roles: ['CONTACT_USER'], sessionId: endedSession };
    const stillSignedIn: Caller = { ...suspended, organisationId: '2e8f0b35-9c7d-4a2e-b3f4-6c7d8e9fa0b1', sessionId: liveSession };
    expect((await call('GET', '/api/v1/meter-points/3938424403', { caller: suspended })).status).toBe(200);

    const ended: SessionsEndedV1 = {
      userId: suspended.userId,
      organisationId: suspended.organisationId,
      sessionIds: [endedSession],
      reason: 'USER_SUSPENDED',
      endedAt: new Date().toISOString(),
    };
    const event = createEnvelope({ type: SessionsEndedV1.type, source: '/cms/access-control', subject: suspended.userId, data: ended });
    const kafka = new KafkaAdapter({ clientId: 'gateway-test', brokers: testKafkaBrokers(), logger: pino({ level: 'silent' }) });
    try {
      await kafka.publish([{ topic: Topics.access, key: suspended.userId, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) }]);
    } finally {
      await kafka.disconnect();
    }

    let refused: Awaited<ReturnType<typeof call>> | undefined;
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const answer = await call('GET', '/api/v1/meter-points/3938424403', { caller: suspended });
      if (answer.status === 401) {
        refused = answer;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(refused).toEqual(expect.objectContaining({ status: 401, body: expect.objectContaining({ code: 'UNAUTHENTICATED', detail: 'The session has ended. Sign in again.' }) }));
    expect((await call('GET', '/api/v1/meter-points/3938424403', { caller: stillSignedIn })).status).toBe(200);
  });

  /** Reads an event stream through the gateway as it comes: its text so far, and when it ended. */
  async function openStream(caller: Caller, through = baseUrl) {
    const response = await fetch(`${through}/api/v1/notifications/stream`, { headers: { authorization: `Bearer ${await issuer.tokenFor(caller)}`, accept: 'text/event-stream' } });
    const stream = { status: response.status, contentType: response.headers.get('content-type'), text: '', ended: Promise.resolve() };
    const decoder = new TextDecoder();
    stream.ended = (async () => {
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) stream.text += decoder.decode(chunk, { stream: true });
    })();
    return stream;
  }

  async function until(what: string, check: () => boolean): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error(`${what}: never came`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('streams an event stream as it comes, each event at once, past the upstream timeout while it is idle', async () => {
    const caller: Caller = { userId: 'evs.user', organisationId: randomUUID(), organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
    const stream = await openStream(caller);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    // The first event arrives while the service's answer is still open: passed on, not buffered.
    await until('the first event', () => stream.text.includes('data: {"n":1}'));

    // Idle longer than the gateway's upstream timeout (1 s here): a stream is not cut for it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    openStreams[openStreams.length - 1].write('id: 2\nevent: alert\ndata: {"n":2}\n\n');
    await until('the second event', () => stream.text.includes('data: {"n":2}'));
    openStreams[openStreams.length - 1].end();
    await stream.ended;
    expect(stream.text).toBe('id: 1\nevent: alert\ndata: {"n":1}\n\nid: 2\nevent: alert\ndata: {"n":2}\n\n');
  });

  it("ends an open event stream when its session ends, and the service's side with it; another session's stream stays open", async () => {
    const endedSession = randomUUID();
    const signedOut: Caller = { userId: 'evs.other', organisationId: randomUUID(), organisationType: 'SHIPPER', roles: ['CONTACT_USER'], sessionId: endedSession };
    const stillSignedIn: Caller = { ...signedOut, sessionId: randomUUID() };
    const ending = await openStream(signedOut);
    const staying = await openStream(stillSignedIn);
    await until('both streams', () => ending.text.length > 0 && staying.text.length > 0);
    let serviceSideClosed = false;
    openStreams[openStreams.length - 2].on('close', () => (serviceSideClosed = true));

    const ended: SessionsEndedV1 = { userId: signedOut.userId, organisationId: signedOut.organisationId, sessionIds: [endedSession], reason: 'SIGNED_OUT', endedAt: new Date().toISOString() };
    const event = createEnvelope({ type: SessionsEndedV1.type, source: '/cms/access-control', subject: signedOut.userId, data: ended });
    const kafka = new KafkaAdapter({ clientId: 'gateway-test', brokers: testKafkaBrokers(), logger: pino({ level: 'silent' }) });
    try {
      await kafka.publish([{ topic: Topics.access, key: signedOut.userId, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) }]);
    } finally {
      await kafka.disconnect();
    }

    await ending.ended;
    await until("the service's side closed", () => serviceSideClosed);
    openStreams[openStreams.length - 1].write('data: {"still":"open"}\n\n');
    await until('the other session still served', () => staying.text.includes('"still"'));
    openStreams[openStreams.length - 1].end();
    await staying.ended;
  });

  it('ends its open event streams when it stops, rather than wait for them: their clients reconnect to another replica', async () => {
    const stopping = await createGatewayApp(config, pino({ level: 'silent' }));
    await stopping.listen(0, '127.0.0.1');
    const caller: Caller = { userId: 'evs.third', organisationId: randomUUID(), organisationType: 'SHIPPER', roles: ['CONTACT_USER'], sessionId: randomUUID() };
    const stream = await openStream(caller, `http://127.0.0.1:${(stopping.getHttpServer().address() as AddressInfo).port}`);
    await until('the first event', () => stream.text.length > 0);

    await stopping.close();
    await stream.ended;
    expect(stream.text).toBe('id: 1\nevent: alert\ndata: {"n":1}\n\n');
  });

  it('reports in its readiness whether it has read every session ended before it started', async () => {
    let checks: Record<string, string> = {};
    const deadline = Date.now() + 20_000;
    while (checks['ended-sessions'] !== 'up' && Date.now() < deadline) {
      checks = ((await (await fetch(`${baseUrl}/health/ready`)).json()) as { checks: Record<string, string> }).checks;
      if (checks['ended-sessions'] !== 'up') await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(checks).toEqual(expect.objectContaining({ 'ended-sessions': 'up' }));
  });

  describe('CORS', () => {
    it('answers a preflight from an allowed origin with 204 and what it may send', async () => {
      const preflight = await call('OPTIONS', '/api/v1/contacts', {
        headers: { origin: allowedOrigin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type, idempotency-key' },
      });

      expect(preflight.status).toBe(204);
      expect(preflight.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
      expect(preflight.headers.get('access-control-allow-methods')).toContain('POST');
      expect(preflight.headers.get('access-control-allow-headers')?.toLowerCase().split(/,\s*/)).toEqual(
        expect.arrayContaining(['authorization', 'content-type', 'idempotency-key']),
      );
      expect(Number(preflight.headers.get('access-control-max-age'))).toBeGreaterThan(0);
      expect(preflight.headers.get('vary')).toContain('Origin');
    });

    it('refuses a preflight from any other origin with 403 and no CORS headers', async () => {
      const preflight = await call('OPTIONS', '/api/v1/contacts', {
        headers: { origin: 'https://evil.example.net', 'access-control-request-method': 'POST' },
      });

      expect(preflight.status).toBe(403);
      expect(preflight.body.code).toBe('CORS_ORIGIN_NOT_ALLOWED');
      expect([...preflight.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });

    it('lets an allowed origin read the answer and its Retry-After, Location and RateLimit headers; gives others nothing', async () => {
      const allowed = await call('GET', '/api/v1/meter-points', { caller: oakleaf, headers: { origin: allowedOrigin } });
      const other = await call('GET', '/api/v1/meter-points', { caller: oakleaf, headers: { origin: 'https://evil.example.net' } });

      expect(allowed.headers.get('access-control-allow-origin')).toBe(allowedOrigin);
      expect(allowed.headers.get('access-control-expose-headers')?.split(/,\s*/)).toEqual(
        expect.arrayContaining(['Retry-After', 'Location', 'RateLimit-Limit', 'RateLimit-Remaining']),
      );
      expect([...other.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    });
  });
});
