import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Topics } from '@cms/contracts';
import { TimerRunner } from '@cms/service-defaults';
import { decodedMail as decoded, startTestMailServer, TestClock, type ReceivedMail, type TestMailServer } from '@cms/testing';
import { personOf, SHIPPER, startNotifications, type NotificationsUnderTest } from './support/notifications-under-test';

/**
 * Alerts by email (docs/domain.md "Alerts"): per user and alert kind, at once or in a daily digest
 * on working days, through a real SMTP server the test starts; the time is the injected clock's and
 * the timers are the kit's durable ones.
 */
describe('alerts by email', () => {
  // Tuesday 1 December 2026, 09:00 GMT: past today's 08:00 digest, so the next is Wednesday's.
  const clock = new TestClock('2026-12-01T09:00:00Z');
  const mails: ReceivedMail[] = [];
  let smtp: TestMailServer | undefined;
  let directory: Server;
  let under: NotificationsUnderTest;
  const logger = personOf(SHIPPER, 'user');
  const colleague = personOf(SHIPPER, 'colleague');
  const addressOf = (userId: string) => `${userId}@brightwater-energy.example`;

  beforeAll(async () => {
    smtp = await startTestMailServer((mail) => mails.push(mail));
    // access-control's `GET /me`, standing in: the user the bearer token names, with an address of their own.
    directory = createServer((request, response) => {
      const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
      const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8') || '{}') as { sub?: string };
      if (request.url !== '/api/v1/me' || !claims.sub) return void response.writeHead(401).end();
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ userId: claims.sub, email: addressOf(claims.sub) }));
    });
    await new Promise<void>((resolve) => directory.listen(0, '127.0.0.1', resolve));
    under = await startNotifications({
      databaseName: 'notification_email',
      clock,
      env: {
        SMTP_URL: smtp.url,
        MAIL_FROM: 'CMS <no-reply@cms.test>',
        WEB_APP_URL: 'https://cms.example.com',
        NOTIFICATION_DIGEST_HOUR: '8',
        ACCESS_CONTROL_URL: `http://127.0.0.1:${(directory.address() as AddressInfo).port}`,
      },
    });
  });

  afterAll(async () => {
    await under?.close();
    await new Promise((resolve) => directory?.close(resolve));
    await smtp?.close();
  });

  const fireDue = () => under.service.app.get(TimerRunner).fireDue();
  const timersOf = (kind: string) => under.service.sql<{ key: string; due_at: Date }>('SELECT key, due_at FROM timer WHERE kind = $1 ORDER BY key', [kind]);

  it('keeps each user’s choice per alert kind, with the address access-control holds; refuses an unknown kind or delivery', async () => {
    const changed = await under.call(logger, 'PUT', '/api/v1/me/notification-preferences', { email: { CONTACT_RESOLVED: 'IMMEDIATE', CLARIFICATION_RECEIVED: 'DAILY_DIGEST' } });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ address: addressOf(logger.userId), email: { CONTACT_RESOLVED: 'IMMEDIATE', CLARIFICATION_RECEIVED: 'DAILY_DIGEST', OVERDUE: 'IN_APP' } });
    const read = await under.call(logger, 'GET', '/api/v1/me/notification-preferences');
    expect(read.body).toEqual(changed.body);
    // The colleague wants nothing by email.
    expect((await under.call(colleague, 'GET', '/api/v1/me/notification-preferences')).body).toMatchObject({ address: null, email: { CONTACT_RESOLVED: 'IN_APP' } });

    for (const email of [{ NOT_A_KIND: 'IMMEDIATE' }, { CONTACT_RESOLVED: 'WEEKLY' }, 'IMMEDIATE']) {
      expect(await under.call(logger, 'PUT', '/api/v1/me/notification-preferences', { email })).toMatchObject({ status: 400 });
    }
  });

  it('emails an alert at once to the user who asked for its kind: plain text and HTML, the contact’s link, a way to stop them', async () => {
    const crn = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(crn));
    await under.until('the email timer', () => timersOf('notification.email'), (timers) => timers.length === 1);

    expect(await fireDue()).toMatchObject({ fired: 1, failed: 0 });
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    expect(mail.to).toEqual([addressOf(logger.userId)]);
    const text = decoded(mail);
    expect(text).toMatch(new RegExp(`^Subject: CMS: Contact ${crn} was resolved VALID`, 'm'));
    // Headers folded at 78 characters (RFC 5322), read unfolded.
    expect(text.replace(/\r?\n[ \t]+/g, ' ')).toMatch(/^List-Unsubscribe: <https:\/\/cms\.example\.com\/settings\/notifications\?unsubscribe=CONTACT_RESOLVED>/m);
    expect(text).toContain('Content-Type: text/plain');
    expect(text).toContain('Content-Type: text/html');
    expect(text).toContain(`Open the contact: https://cms.example.com/contacts/${crn}`);
    expect(text).toContain(`<a href="https://cms.example.com/contacts/${crn}">`);
    // Fired once: nothing more to send, and nothing to the colleague, who chose in-app only.
    expect(await fireDue()).toMatchObject({ fired: 0 });
    expect(mails).toHaveLength(1);
  });

  it('puts the kinds chosen for the digest in one email at the digest hour of the next working day', async () => {
    mails.length = 0;
    const crns = [await under.logContact(), await under.logContact()];
    for (const crn of crns) await under.publish(Topics.clarifications, under.dcToOriginator(crn));
    await under.until('both alerts queued', () => under.service.sql('SELECT 1 FROM email_digest_item WHERE user_id = $1', [logger.userId]), (rows) => rows.length === 2);
    expect(await timersOf('notification.digest')).toEqual([{ key: logger.userId, due_at: new Date('2026-12-02T08:00:00Z') }]);

    clock.set('2026-12-02T07:59:00Z');
    expect(await fireDue()).toMatchObject({ fired: 0 });
    clock.set('2026-12-02T08:00:00Z');
    expect(await fireDue()).toMatchObject({ fired: 1, failed: 0 });

    expect(mails).toHaveLength(1);
    const text = decoded(mails[0]);
    expect(mails[0].to).toEqual([addressOf(logger.userId)]);
    expect(text).toMatch(/^Subject: CMS: your daily digest, 2 alerts/m);
    for (const crn of crns) expect(text).toContain(`https://cms.example.com/contacts/${crn}`);
    expect(text.indexOf(crns[0])).toBeLessThan(text.indexOf(crns[1]));
    expect(await under.service.sql('SELECT 1 FROM email_digest_item')).toEqual([]);
  });
});
