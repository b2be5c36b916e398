import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { Topics } from '@cms/contracts';
import { TimerRunner } from '@cms/service-defaults';
import { TestClock } from '@cms/testing';
import { OTHER_SHIPPER, personOf, SHIPPER, startNotifications, type NotificationsUnderTest } from './support/notifications-under-test';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

const RESOLVED = 'uk.gas.cms.contact.resolved.v1';

/**
 * Webhooks for partner systems (issue 12), to a receiver the test starts: signed per Standard
 * Webhooks (checked with the `standardwebhooks` package), retried with backoff on the kit's durable
 * timers under the injected clock, the same id on every attempt, rotation, redelivery, the endpoint
 * disabled after a day of failures, and the server-side request forgery guard.
 */
describe('webhooks', () => {
  // The real time: a receiver checks a delivery's timestamp against its own clock (5 minutes' tolerance).
  const clock = new TestClock(new Date());
  const received: Received[] = [];
  /** How each path answers: a list of status codes, the last repeated. */
  const answers = new Map<string, number[]>();
  let receiver: Server;
  let receiverUrl: string;
  let under: NotificationsUnderTest;
  const lso = personOf(SHIPPER, 'lso', ['LSO', 'SUPERVISOR']);
  const otherLso = personOf(OTHER_SHIPPER, 'lso', ['LSO']);

  beforeAll(async () => {
    receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        const statuses = answers.get(request.url ?? '') ?? [200];
        response.writeHead(statuses.length > 1 ? statuses.shift()! : statuses[0]).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    under = await startNotifications({ databaseName: 'notification_webhooks', clock, env: { WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1', WEBHOOK_FIRST_RETRY_SECONDS: '30', WEBHOOK_RETRY_HOURS: '24' } });
  });

  afterAll(async () => {
    await under?.close();
    await new Promise((resolve) => receiver?.close(resolve));
  });

  const fireDue = () => under.service.app.get(TimerRunner).fireDue();
  const at = (path: string) => received.filter((request) => request.path === path);
  const register = (caller = lso, url = `${receiverUrl}/hook`, eventTypes = [RESOLVED]) => under.call(caller, 'POST', '/api/v1/webhooks', { url, eventTypes });
  const deliveryTimers = () => under.service.sql<{ key: string; due_at: Date }>(`SELECT key, due_at FROM timer WHERE kind = 'webhook.delivery' ORDER BY due_at`);
  const verify = (secret: string, request: Received) => new Webhook(secret).verify(request.body, request.headers as Record<string, string>);

  it('refuses a private, loopback or link-local address at registration (422) unless allow-listed; only an LSO registers', async () => {
    for (const url of ['http://10.1.2.3/hook', 'http://192.168.0.10/hook', 'http://169.254.169.254/latest/meta-data', 'http://[::1]:8080/hook', 'http://[fe80::1]/hook', 'http://127.0.0.2/hook']) {
      expect(await register(lso, url)).toMatchObject({ status: 422, body: { code: 'WEBHOOK_ADDRESS_REFUSED' } });
    }
    expect(await register(lso, 'ftp://partner.example.com/hook')).toMatchObject({ status: 400 });
    expect(await register(lso, `${receiverUrl}/hook`, ['uk.gas.cms.not-an-event.v1'])).toMatchObject({ status: 400 });
    expect(await register(personOf(SHIPPER, 'user'))).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
    expect((await under.call(lso, 'GET', '/api/v1/webhooks')).body.items).toEqual([]);
  });

  it('delivers an event of a contact the organisation is involved in, signed; fails three times and still arrives, with the same id', async () => {
    const registered = await register();
    expect(registered.status).toBe(201);
    expect(registered.body).toMatchObject({ url: `${receiverUrl}/hook`, eventTypes: [RESOLVED], status: 'ACTIVE', secret: expect.stringMatching(/^whsec_/) });
    const secret: string = registered.body.secret;
    // Shown once: never in a list.
    expect((await under.call(lso, 'GET', '/api/v1/webhooks')).body.items).toEqual([expect.not.objectContaining({ secret: expect.anything() })]);
    // Another shipper's endpoint: its organisation is not involved in the contact.
    expect((await register(otherLso, `${receiverUrl}/other`)).status).toBe(201);
    answers.set('/hook', [500, 502, 503, 200]);

    const crn = await under.logContact();
    const resolved = under.resolved(crn);
    await under.publish(Topics.contacts, resolved, resolved);
    await under.until('the delivery', deliveryTimers, (timers) => timers.length === 1);

    for (const wait of [0, 30, 60, 120]) {
      clock.set(new Date(clock.now().getTime() + wait * 1000));
      expect(await fireDue()).toMatchObject({ fired: 1, failed: 0 });
    }
    expect(await deliveryTimers()).toEqual([]);

    const attempts = at('/hook');
    expect(attempts).toHaveLength(4);
    expect(new Set(attempts.map((request) => request.headers['webhook-id'])).size).toBe(1);
    for (const request of attempts) expect(verify(secret, request)).toMatchObject({ id: resolved.id, type: RESOLVED, subject: crn, data: { crn } });
    expect(() => verify(`whsec_${Buffer.from('not the secret at all, really').toString('base64')}`, attempts[0])).toThrow();
    expect(at('/other')).toEqual([]);

    const log = await under.call(lso, 'GET', `/api/v1/webhooks/${registered.body.id}/deliveries`);
    expect(log.body.items).toEqual([
      expect.objectContaining({ id: attempts[0].headers['webhook-id'], eventId: resolved.id, eventType: RESOLVED, crn, status: 'DELIVERED' }),
    ]);
    expect(log.body.items[0].attempts.map((attempt: any) => attempt.responseStatus)).toEqual([500, 502, 503, 200]);
    // Another organisation's LSO learns nothing of it.
    expect((await under.call(otherLso, 'GET', `/api/v1/webhooks/${registered.body.id}/deliveries`)).status).toBe(404);

    // Sent again by hand: the same id, so the receiver knows it has it.
    expect((await under.call(lso, 'POST', `/api/v1/webhooks/${registered.body.id}/deliveries/${log.body.items[0].id}/redelivery`)).status).toBe(202);
    expect(await fireDue()).toMatchObject({ fired: 1 });
    expect(at('/hook')).toHaveLength(5);
    expect(at('/hook')[4].headers['webhook-id']).toBe(attempts[0].headers['webhook-id']);

    for (const [caller, id] of [[lso, registered.body.id], [otherLso, (await under.call(otherLso, 'GET', '/api/v1/webhooks')).body.items[0].id]] as const) {
      expect((await under.call(caller, 'DELETE', `/api/v1/webhooks/${id}`)).status).toBe(204);
    }
    expect((await under.call(lso, 'GET', '/api/v1/webhooks')).body.items).toEqual([]);
  });

  it('signs with both the old and the new secret while a rotation overlaps', async () => {
    const registered = await register(lso, `${receiverUrl}/rotating`);
    const rotated = await under.call(lso, 'POST', `/api/v1/webhooks/${registered.body.id}/secret-rotation`);
    expect(rotated).toMatchObject({ status: 200, body: { secret: expect.stringMatching(/^whsec_/) } });
    expect(rotated.body.secret).not.toBe(registered.body.secret);

    const crn = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(crn));
    await under.until('the delivery', deliveryTimers, (timers) => timers.length === 1);
    await fireDue();

    const [request] = at('/rotating');
    expect(String(request.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verify(registered.body.secret, request)).toMatchObject({ subject: crn });
    expect(verify(rotated.body.secret, request)).toMatchObject({ subject: crn });
    expect((await under.call(lso, 'DELETE', `/api/v1/webhooks/${registered.body.id}`)).status).toBe(204);
  });

  it('gives a delivery up after a day of failures, disables its endpoint and alerts the organisation’s LSOs', async () => {
    answers.set('/down', [503]);
    const registered = await register(lso, `${receiverUrl}/down`);
    const crn = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(crn));
    await under.until('the delivery', deliveryTimers, (timers) => timers.length === 1);

    for (let firing = 0; firing < 100; firing++) {
      const [next] = await deliveryTimers();
      if (!next) break;
      if (next.due_at > clock.now()) clock.set(next.due_at);
      await fireDue();
    }
    const attempts = at('/down');
    expect(attempts.length).toBeGreaterThan(10);
    expect(new Set(attempts.map((request) => request.headers['webhook-id'])).size).toBe(1);
    const [endpoint] = (await under.call(lso, 'GET', '/api/v1/webhooks')).body.items.filter((item: any) => item.id === registered.body.id);
    expect(endpoint).toMatchObject({ status: 'DISABLED' });
    const log = await under.call(lso, 'GET', `/api/v1/webhooks/${registered.body.id}/deliveries`);
    expect(log.body.items[0]).toMatchObject({ status: 'FAILED' });
    // The last attempt came a day after the first.
    const first = new Date(log.body.items[0].attempts[0].attemptedAt).getTime();
    const last = new Date(log.body.items[0].attempts.at(-1).attemptedAt).getTime();
    expect(last - first).toBe(24 * 3_600_000);

    const alerts = (await under.alertsOf(lso)).filter((alert) => alert.kind === 'WEBHOOK_DISABLED');
    expect(alerts).toEqual([expect.objectContaining({ crn, detail: expect.objectContaining({ webhookId: registered.body.id }) })]);
    expect((await under.alertsOf(personOf(SHIPPER, 'user'))).filter((alert) => alert.kind === 'WEBHOOK_DISABLED')).toEqual([]);
  });
});
