import { Topics } from '@cms/contracts';
import { startServiceUnderTest, type ServiceUnderTest } from '@cms/testing';
import { NotificationStreams } from '../src/application/notification-streams';
import { notificationsService } from '../src/service';
import { openEventStream, type EventStreamClient } from './support/event-stream-client';
import { personOf, SHIPPER, startNotifications, type NotificationsUnderTest } from './support/notifications-under-test';

/**
 * The live notifications (`GET /notifications/stream`, server-sent events): alerts as they are made,
 * heartbeats, a reconnect with Last-Event-ID that misses nothing, and any replica serving any user
 * whichever replica made the alert.
 */
describe('live notifications', () => {
  let under: NotificationsUnderTest;
  const reader = personOf(SHIPPER, 'watcher');
  const open: EventStreamClient[] = [];

  beforeAll(async () => {
    under = await startNotifications({ databaseName: 'notification_stream', env: { NOTIFICATION_STREAM_HEARTBEAT_SECONDS: '1' } });
  });

  afterEach(() => {
    for (const stream of open.splice(0)) stream.close();
  });

  afterAll(async () => {
    await under?.close();
  });

  async function streamOf(service: ServiceUnderTest, lastEventId?: string): Promise<EventStreamClient> {
    const token = await under.issuer.tokenFor(reader);
    const stream = await openEventStream(`${service.baseUrl}/api/v1/notifications/stream`, {
      authorization: `Bearer ${token}`,
      ...(lastEventId === undefined ? {} : { 'last-event-id': lastEventId }),
    });
    open.push(stream);
    return stream;
  }

  const crnsOf = (events: { data: string }[]) => events.map((event) => JSON.parse(event.data).crn as string);

  it('streams as text/event-stream, with heartbeats while there is nothing to say; refuses a caller without a token', async () => {
    const stream = await streamOf(under.service);
    expect(stream.status).toBe(200);
    expect(stream.contentType).toMatch(/^text\/event-stream/);
    expect(await stream.untilComment()).toBe('heartbeat');
    expect((await under.service.fetch('/api/v1/notifications/stream')).status).toBe(401);
  });

  it('sends each new alert as it is made; a client that reconnects with Last-Event-ID gets what it missed, once, in order', async () => {
    const stream = await streamOf(under.service);
    const first = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(first));
    const [live] = await stream.untilEvents(1);
    expect(live.event).toBe('alert');
    expect(JSON.parse(live.data)).toMatchObject({ id: live.id, kind: 'CONTACT_RESOLVED', crn: first, link: `/contacts/${first}`, read: false });
    stream.close();
    // The service lets go of a stream whose client went away.
    await under.until('the stream let go', async () => under.service.app.get(NotificationStreams).size, (size) => size === 0);

    // Away: two more alerts are made.
    const missed = [await under.logContact(), await under.logContact()];
    for (const crn of missed) await under.publish(Topics.contacts, under.resolved(crn));
    await under.until('the missed alerts made', () => under.alertsOf(reader), (alerts) => missed.every((crn) => alerts.some((alert) => alert.crn === crn)));

    const resumed = await streamOf(under.service, live.id);
    const caughtUp = await resumed.untilEvents(2);
    expect(crnsOf(caughtUp)).toEqual(missed);
    const later = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(later));
    const all = await resumed.untilEvents(3);
    expect(crnsOf(all)).toEqual([...missed, later]);
    expect(all.map((event) => BigInt(event.id!))).toEqual([...all.map((event) => BigInt(event.id!))].sort((a, b) => (a < b ? -1 : 1)));
  });

  it('serves a user on any replica: each stream gets every alert, whichever replica made it; a stopping replica ends its streams', async () => {
    const second = await startServiceUnderTest(notificationsService, { databaseUrl: under.service.databaseUrl, env: under.issuer.env() });
    try {
      const onFirst = await streamOf(under.service);
      const onSecond = await streamOf(second);
      await onFirst.untilComment();
      await onSecond.untilComment();
      // Contacts on every partition: with two replicas in the group, each replica makes some of the alerts.
      const crns: string[] = [];
      for (let i = 0; i < 9; i++) crns.push(await under.logContact());
      await under.publish(Topics.contacts, ...crns.map((crn) => under.resolved(crn)));

      expect(crnsOf(await onFirst.untilEvents(crns.length)).sort()).toEqual([...crns].sort());
      expect(crnsOf(await onSecond.untilEvents(crns.length)).sort()).toEqual([...crns].sort());
      expect(onFirst.events.map((event) => event.id)).toEqual(onSecond.events.map((event) => event.id));
    } finally {
      await second.close();
    }
    await expect(open[1].ended).resolves.toBeUndefined();
  });
});
