import { readdirSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { demoOrganisation, demoShowcase, generateDemoMeterPoints } from '@cms/demo-data';
import { loggedDtl, once404Passes } from './support/contacts';
import { api, apiWaitingOutRateLimits, DEMO_PASSWORD, gatewayUrl, signIn } from './support/api';

/**
 * Alerts through the gateway (docs/domain.md "Alerts"; issue 12): a contact resolved reaches the
 * user who logged it in an open server-sent event stream; a DC to the originator alerts the
 * shipper's users, and its answer the agent who asked.
 */
describe('Notifications', () => {
  /**
   * Demo meter points registered to BWE (TGS's are logged on by other files, KGP's are another
   * file's), that no other end-to-end file names, from the middle of the register: contact-lifecycle
   * takes its own from the start and the visibility matrix from the end.
   */
  function unusedBweMeterPoints(status: string, count: number): string[] {
    const taken = new Set(demoShowcase().map((point) => point.mprn));
    for (const file of readdirSync(__dirname).filter((name) => name.endsWith('.ts') && name !== basename(__filename))) {
      for (const digits of readFileSync(`${__dirname}/${file}`, 'utf8').match(/\d{6,10}/g) ?? []) taken.add(digits);
    }
    const candidates = generateDemoMeterPoints()
      .filter((point) => point.status === status && point.registeredShipperId === demoOrganisation('BWE').id && !taken.has(point.mprn))
      .map((point) => point.mprn);
    const middle = Math.floor(candidates.length / 2);
    const chosen = candidates.slice(middle, middle + count);
    if (chosen.length < count) throw new Error(`the demo register has fewer than ${count} unused ${status} BWE meter points`);
    return chosen;
  }

  const [forResolution, forClarification] = unusedBweMeterPoints('DE', 2);
  const asShipper = () => signIn('bwe.user');
  const asAgent = () => signIn('cds.agent');
  const logged = (mprn: string) => loggedDtl('bwe.user', mprn);
  const streams: AbortController[] = [];

  afterAll(() => {
    for (const stream of streams) stream.abort();
  });

  /** The user's alerts about `crn` once there are `count` (alerts are made from events), or 30 s. */
  async function alertsUntil(userId: string, crn: string, count: number): Promise<any[]> {
    const token = await signIn(userId);
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { status, body } = await api('GET', '/api/v1/notifications?limit=100', { token });
      const alerts = status === 200 ? body.items.filter((alert: any) => alert.crn === crn) : [];
      if (alerts.length >= count) return alerts;
      if (Date.now() > deadline) throw new Error(`${count} alerts of ${crn} never reached ${userId}: ${status} ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /**
   * An open event stream of the user's alerts through the gateway, as EventSource reads one (signed
   * in as `userId`, or with the access token given): the alerts received so far, and whether the
   * server has ended it.
   */
  async function openStream(userId: string, accessToken?: string): Promise<{ status: number; contentType: string | null; alerts: any[]; ended: boolean }> {
    const abort = new AbortController();
    streams.push(abort);
    const response = await fetch(`${gatewayUrl()}/api/v1/notifications/stream`, {
      headers: { authorization: `Bearer ${accessToken ?? (await signIn(userId))}`, accept: 'text/event-stream' },
      signal: abort.signal,
    });
    const stream = { status: response.status, contentType: response.headers.get('content-type'), alerts: [] as any[], ended: false };
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const data = buffer.slice(0, end).split('\n').find((line) => line.startsWith('data: '));
            buffer = buffer.slice(end + 2);
            if (data) stream.alerts.push(JSON.parse(data.slice(6)));
          }
        }
        stream.ended = true;
      } catch {
        // closed by afterAll
      }
    })();
    return stream;
  }

  it('ends an open stream when its session ends (the user signs out), and refuses the ended token another', async () => {
    const session = await apiWaitingOutRateLimits('POST', '/api/v1/auth/login', { json: { userId: 'bwe.user', password: DEMO_PASSWORD } });
    expect(session.status).toBe(200);
    const stream = await openStream('bwe.user', session.body.accessToken);
    expect(stream.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(stream.ended).toBe(false);

    const signedOut = await apiWaitingOutRateLimits('POST', '/api/v1/auth/logout', { json: { refreshToken: session.body.refreshToken } });
    expect(signedOut.status).toBe(204);
    // The session's end reaches the gateway as an event (SessionsEnded on cms.access.v1).
    const deadline = Date.now() + 15_000;
    while (!stream.ended && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.ended).toBe(true);
    const again = await fetch(`${gatewayUrl()}/api/v1/notifications/stream`, { headers: { authorization: `Bearer ${session.body.accessToken}` } });
    expect(again.status).toBe(401);
    await again.body?.cancel();
  });

  it('sends the user who logged a contact its resolution in an open stream, linked to the contact', async () => {
    const stream = await openStream('bwe.user');
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    const crn = await logged(forResolution);

    const agent = await asAgent();
    const current = await once404Passes(() => api('GET', `/api/v1/contacts/${crn}`, { token: agent }));
    const assigned = await api('POST', `/api/v1/contacts/${crn}/assign`, { token: agent, json: {}, headers: { 'if-match': `"${current.body.version}"` } });
    expect(assigned.status).toBe(200);
    const resolved = await api('POST', `/api/v1/contacts/${crn}/resolution`, {
      token: agent,
      json: { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED', note: 'Checked against the evidence.' },
      headers: { 'if-match': `"${assigned.body.version}"` },
    });
    expect(resolved.status).toBe(200);

    const deadline = Date.now() + 30_000;
    while (!stream.alerts.some((alert) => alert.crn === crn) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stream.alerts.filter((alert) => alert.crn === crn)).toEqual([
      expect.objectContaining({ kind: 'CONTACT_RESOLVED', crn, link: `/contacts/${crn}`, read: false, detail: expect.objectContaining({ outcome: 'VALID' }) }),
    ]);
    // Its colleague who supervises the shipper's work sees it too; another shipper does not.
    expect(await alertsUntil('bwe.lso', crn, 1)).toEqual([expect.objectContaining({ kind: 'CONTACT_RESOLVED' })]);
    const other = await api('GET', '/api/v1/notifications?limit=100', { token: await signIn('tgs.user') });
    expect(other.body.items.filter((alert: any) => alert.crn === crn)).toEqual([]);
  });

  it("alerts the shipper's users of a DC to the originator, and the agent who asked when it is answered", async () => {
    const crn = await logged(forClarification);
    const agent = await asAgent();
    const asked = await once404Passes(() => api('POST', `/api/v1/contacts/${crn}/clarifications`, { token: agent, json: { kind: 'DC', question: 'Please send a dated photo of the meter read.' } }));
    expect(asked.status).toBe(201);

    for (const userId of ['bwe.user', 'bwe.lso']) {
      expect(await alertsUntil(userId, crn, 1)).toEqual([
        expect.objectContaining({ kind: 'CLARIFICATION_RECEIVED', crn, detail: expect.objectContaining({ clarificationId: asked.body.id, clarificationKind: 'DC' }) }),
      ]);
    }

    const answered = await api('POST', `/api/v1/clarifications/${asked.body.id}/messages`, {
      token: await asShipper(),
      json: { text: 'Photo taken today: read 04712.' },
      headers: { 'if-match': asked.headers.get('etag')! },
    });
    expect(answered.status).toBe(200);
    expect(await alertsUntil('cds.agent', crn, 1)).toEqual([expect.objectContaining({ kind: 'CLARIFICATION_ANSWERED', crn })]);

    // Read from the notifications area: the unread count goes down.
    const token = await asAgent();
    const [alert] = await alertsUntil('cds.agent', crn, 1);
    const before = (await api('GET', '/api/v1/notifications', { token })).body.unreadCount;
    expect((await api('POST', `/api/v1/notifications/${alert.id}/read`, { token })).status).toBe(204);
    expect((await api('GET', '/api/v1/notifications', { token })).body.unreadCount).toBe(before - 1);
  });
});
