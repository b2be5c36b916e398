import { Kafka, logLevel } from 'kafkajs';
import { ContactAssignedV1, ContactDeadlineReachedV1, deadLetterTopic, Topics } from '@cms/contracts';
import { startServiceUnderTest, testKafkaBrokers } from '@cms/testing';
import { notificationsService } from '../src/service';
import { CDSP, OTHER_SHIPPER, personOf, SHIPPER, startNotifications, type NotificationsUnderTest } from './support/notifications-under-test';

/**
 * The notifications area from the lifecycle's events (docs/domain.md "Alerts"), on the service's
 * own database and the test broker: who hears of what, once per event however often it comes, in
 * order newest first, read marks, and the consumer's reliability (docs/quality.md 4, 5 and 7).
 */
describe('notifications area', () => {
  let under: NotificationsUnderTest;
  const logger = personOf(SHIPPER, 'user');
  const colleague = personOf(SHIPPER, 'colleague');
  const lso = personOf(SHIPPER, 'lso', ['LSO']);
  const agent = personOf(CDSP, 'user');

  beforeAll(async () => {
    under = await startNotifications({ databaseName: 'notifications' });
  });

  afterAll(async () => {
    await under?.close();
  });

  const ofContact = async (caller: typeof logger, crn: string) => (await under.alertsOf(caller)).filter((alert) => alert.crn === crn);
  const alertsOnceThere = (caller: typeof logger, crn: string, count: number) =>
    under.until(`${count} alerts of ${crn} for ${caller.userId}`, () => ofContact(caller, crn), (alerts) => alerts.length >= count);

  it('is ready: its database and the broker answer', async () => {
    const response = await under.service.fetch('/health/ready');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up', checks: { database: 'up', kafka: 'up' } });
  });

  it("tells of a resolved contact the user who logged it and the originator's working users, once each, linked to the contact; nobody else", async () => {
    const crn = await under.logContact();
    const resolved = under.resolved(crn);
    // Delivered twice: one alert per recipient all the same.
    await under.publish(Topics.contacts, resolved, resolved);

    const [mine] = await alertsOnceThere(logger, crn, 1);
    expect(mine).toMatchObject({ kind: 'CONTACT_RESOLVED', crn, link: `/contacts/${crn}`, read: false, detail: { outcome: 'VALID', automatic: false } });
    const [theirs] = await alertsOnceThere(colleague, crn, 1);
    expect(theirs.kind).toBe('CONTACT_RESOLVED');
    // The user who logged it hears first: its own alert was made before the organisation's.
    expect(BigInt(mine.id)).toBeLessThan(BigInt(theirs.id));

    const again = under.resolved(crn);
    again.id = resolved.id;
    await under.publish(Topics.contacts, again);
    const marker = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(marker));
    await alertsOnceThere(logger, marker, 1);
    expect(await ofContact(logger, crn)).toHaveLength(1);
    expect(await ofContact(colleague, crn)).toHaveLength(1);
    expect(await under.service.sql('SELECT recipient_key FROM alert WHERE crn = $1 ORDER BY id', [crn])).toEqual([
      { recipient_key: `user:${personOf(SHIPPER).userId}` },
      { recipient_key: `organisation:${SHIPPER.id}` },
    ]);
    // An LSO runs users, not contacts; another shipper and the CDSP's agents are not told.
    for (const outsider of [lso, personOf(OTHER_SHIPPER), agent]) expect(await ofContact(outsider, crn)).toEqual([]);
  });

  it("tells the shipper's users of a DC to the originator, and the agent who asked when it is answered", async () => {
    const crn = await under.logContact();
    const raised = under.dcToOriginator(crn);
    await under.publish(Topics.clarifications, raised);
    const [received] = await alertsOnceThere(colleague, crn, 1);
    expect(received).toMatchObject({ kind: 'CLARIFICATION_RECEIVED', detail: { clarificationId: raised.data.clarificationId, clarificationKind: 'DC', dueOn: '2026-12-08' } });
    expect((await ofContact(logger, crn)).map((alert) => alert.kind)).toEqual(['CLARIFICATION_RECEIVED']);

    await under.publish(Topics.clarifications, under.answered(raised));
    const [answered] = await alertsOnceThere(agent, crn, 1);
    expect(answered).toMatchObject({ kind: 'CLARIFICATION_ANSWERED', crn });
    // Another agent of the CDSP did not ask: the answer is for the one who did.
    expect(await ofContact(personOf(CDSP, 'other'), crn)).toEqual([]);
  });

  it("reminds the investigating agent of a contact's due date, and tells the CDSP's agents when it is overdue while nobody has it", async () => {
    // ContactDeadlineReached as contact-logging's clock publishes it when a timer falls due (its
    // contact-clock test drives that under the injected clock); here, what each stage makes.
    const crn = await under.logContact();
    const reached = (stage: 'REMINDER' | 'OVERDUE', investigatingAgentUserId: string | null) =>
      under.envelope<ContactDeadlineReachedV1>(ContactDeadlineReachedV1.type, '/cms/contact-logging', crn, {
        crn,
        stage,
        dueOn: '2026-12-29',
        investigatingAgentUserId,
        reachedAt: under.clock.now().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      });

    await under.publish(Topics.contacts, reached('REMINDER', agent.userId));
    expect(await alertsOnceThere(agent, crn, 1)).toEqual([
      expect.objectContaining({ kind: 'REMINDER', crn, link: `/contacts/${crn}`, detail: expect.objectContaining({ subject: 'CONTACT', dueOn: '2026-12-29' }) }),
    ]);
    const otherAgent = personOf(CDSP, 'other');
    expect(await ofContact(otherAgent, crn)).toEqual([]);

    await under.publish(Topics.contacts, reached('OVERDUE', null));
    expect(await alertsOnceThere(otherAgent, crn, 1)).toEqual([expect.objectContaining({ kind: 'OVERDUE', crn })]);
    // The shipper is not told of the agents' deadline.
    expect((await ofContact(logger, crn)).map((alert) => alert.kind)).not.toContain('OVERDUE');
  });

  it('lists newest first in pages with the unread count; marks one read, then all', async () => {
    const reader = personOf(SHIPPER, 'pager');
    const crns: string[] = [];
    for (let i = 0; i < 3; i++) crns.push(await under.logContact());
    for (const crn of crns) await under.publish(Topics.contacts, under.resolved(crn));
    await alertsOnceThere(reader, crns[2], 1);
    await alertsOnceThere(reader, crns[0], 1);

    const first = await under.call(reader, 'GET', '/api/v1/notifications?limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const all = await under.alertsOf(reader);
    const ids = all.map((alert) => BigInt(alert.id));
    expect([...ids].sort((a, b) => (a > b ? -1 : 1))).toEqual(ids);
    expect(first.body.items.map((alert: any) => alert.id)).toEqual(all.slice(0, 2).map((alert) => alert.id));
    const second = await under.call(reader, 'GET', `/api/v1/notifications?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBe(all[2].id);
    expect(first.body.unreadCount).toBe(all.length);

    expect((await under.call(reader, 'POST', `/api/v1/notifications/${all[0].id}/read`)).status).toBe(204);
    const afterOne = await under.call(reader, 'GET', '/api/v1/notifications?limit=1');
    expect(afterOne.body).toMatchObject({ unreadCount: all.length - 1, items: [{ id: all[0].id, read: true }] });
    // Read by one user of the organisation, unread for the others.
    expect((await ofContact(colleague, all[0].crn))[0].read).toBe(false);

    expect((await under.call(reader, 'POST', '/api/v1/notifications/read-all')).status).toBe(204);
    expect((await under.call(reader, 'GET', '/api/v1/notifications')).body.unreadCount).toBe(0);
  });

  it("answers 404 for an alert that is not the caller's, 400 for a cursor not its own, 401 without a token", async () => {
    const crn = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(crn));
    const [alert] = await alertsOnceThere(logger, crn, 1);
    for (const id of [alert.id, '0', 'abc', '99999999999999999999']) {
      expect(await under.call(personOf(OTHER_SHIPPER), 'POST', `/api/v1/notifications/${id}/read`)).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    }
    expect(await under.call(logger, 'GET', '/api/v1/notifications?cursor=bm90LW91cnM')).toMatchObject({ status: 422, body: { code: 'INVALID_CURSOR' } });
    expect((await under.service.fetch('/api/v1/notifications')).status).toBe(401);
  });

  it('1. retries an event whose alerts cannot be kept, dead-letters it, and goes on with the next event of the contact', async () => {
    const crn = await under.logContact();
    const poison = under.resolved(crn);
    // The database refuses this one event's alerts, as a broken row would be refused.
    await under.service.sql(`
      CREATE FUNCTION refuse_poison_alert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.event_id = '${poison.id}' THEN RAISE EXCEPTION 'refused for the test'; END IF;
        RETURN NEW;
      END $$`);
    await under.service.sql('CREATE TRIGGER refuse_poison_alert BEFORE INSERT ON alert FOR EACH ROW EXECUTE FUNCTION refuse_poison_alert()');
    const deadLetters: string[] = [];
    const kafka = new Kafka({ clientId: 'notifications-dlt-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const reader = kafka.consumer({ groupId: `notifications-dlt-test-${Date.now()}` });
    try {
      await reader.connect();
      await reader.subscribe({ topic: deadLetterTopic(Topics.contacts), fromBeginning: true });
      await reader.run({
        eachMessage: async ({ message }) => {
          if (message.headers?.cms_dlt_consumer_group?.toString() === 'notifications.alerts') deadLetters.push(message.headers.ce_id!.toString());
        },
      });
      // The next event of the same contact (the same partition): the contact given to its logger by a supervisor.
      const assigned = under.envelope<ContactAssignedV1>(ContactAssignedV1.type, '/cms/contact-logging', crn, {
        crn,
        role: 'HANDLER',
        organisationId: SHIPPER.id,
        assigneeUserId: logger.userId,
        previousAssigneeUserId: null,
        assignedByUserId: personOf(SHIPPER, 'lso').userId,
        status: 'LOGGED',
        assignedAt: new Date().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      });
      await under.publish(Topics.contacts, poison, assigned);

      expect(await alertsOnceThere(logger, crn, 1)).toEqual([expect.objectContaining({ kind: 'CONTACT_ASSIGNED' })]);
      await under.until('the dead letter', async () => deadLetters, (ids) => ids.includes(poison.id));
    } finally {
      await reader.disconnect();
      await under.service.sql('DROP TRIGGER refuse_poison_alert ON alert');
    }
  });

  it('7. makes one alert per event and recipient while a second replica joins the consumer group mid-stream and leaves, each event delivered twice', async () => {
    const crns: string[] = [];
    for (let i = 0; i < 12; i++) crns.push(await under.logContact());
    const stream = crns.flatMap((crn) => {
      const raised = under.dcToOriginator(crn);
      return [raised, raised, under.answered(raised)];
    });
    const third = Math.floor(stream.length / 3);
    const onTopic = (events: typeof stream) => under.publish(Topics.clarifications, ...events);

    await onTopic(stream.slice(0, third));
    const second = await startServiceUnderTest(notificationsService, { databaseUrl: under.service.databaseUrl, env: under.issuer.env() });
    try {
      await onTopic(stream.slice(third, 2 * third));
      await alertsOnceThere(agent, crns[Math.floor(crns.length / 2)], 1);
    } finally {
      await second.close(); // leaves mid-stream: its partitions go back to the first replica
    }
    await onTopic(stream.slice(2 * third));
    await under.publish(Topics.contacts, ...crns.map((crn) => under.resolved(crn)));

    for (const crn of crns) {
      await alertsOnceThere(agent, crn, 1);
      const alerts = await alertsOnceThere(logger, crn, 2);
      expect(alerts.map((alert) => alert.kind).sort()).toEqual(['CLARIFICATION_RECEIVED', 'CONTACT_RESOLVED']);
      expect((await ofContact(agent, crn)).map((alert) => alert.kind)).toEqual(['CLARIFICATION_ANSWERED']);
    }
  });

  it('4/5. loses nothing and doubles nothing when the service stops mid-stream and starts again on its database', async () => {
    const crns: string[] = [];
    for (let i = 0; i < 6; i++) crns.push(await under.logContact());
    const resolutions = crns.map((crn) => under.resolved(crn));
    const alertsKept = () => under.service.sql<{ crn: string; recipient_key: string }>('SELECT crn, recipient_key FROM alert WHERE crn = ANY ($1) ORDER BY crn, id', [crns]);

    await under.publish(Topics.contacts, ...resolutions.slice(0, 3));
    await under.until('the first alerts', alertsKept, (rows) => rows.length > 0);
    // Stops mid-stream: the rest, and the first half again, are published while it is down.
    await under.restart(() => under.publish(Topics.contacts, ...resolutions.slice(3), ...resolutions));

    const kept = await under.until('every resolution', alertsKept, (rows) => rows.length >= 2 * crns.length);
    expect(kept).toEqual([...crns].sort().flatMap((crn) => [{ crn, recipient_key: `user:${personOf(SHIPPER).userId}` }, { crn, recipient_key: `organisation:${SHIPPER.id}` }]));
    // Nothing more comes late: a contact resolved after them is alerted, and they still have two each.
    const marker = await under.logContact();
    await under.publish(Topics.contacts, under.resolved(marker));
    await alertsOnceThere(logger, marker, 1);
    expect(await alertsKept()).toHaveLength(2 * crns.length);
  });
});
