import {
  ANONYMISED_MARKER,
  ClarificationClosedV1,
  ClarificationRaisedV1,
  ContactAnonymisedV1,
  ContactResolvedV1,
  SiteVisitDeclinedV1,
  SiteVisitReferredV1,
  Topics,
  uuidv7,
  type EventEnvelope,
} from '@cms/contracts';
import { stringsInDatabase, TestClock } from '@cms/testing';
import { CDSP, DN, personOf, SHIPPER, startNotifications, type NotificationsUnderTest } from './support/notifications-under-test';

/**
 * Retention (README "Retention"): when contact-logging announces a contact's retention period has
 * passed (ContactAnonymised), what people wrote that the service repeats (a closure's or a
 * decline's reason in alerts; notes, questions, reasons and instructions in webhook deliveries) is
 * gone from every table of its database, while the alerts still read; delivered twice, nothing
 * fails; another contact's alerts and deliveries are untouched.
 */
describe('notifications under retention', () => {
  const clock = new TestClock('2026-12-01T10:00:00Z');
  let under: NotificationsUnderTest;
  const lso = personOf(SHIPPER, 'lso', ['LSO', 'SUPERVISOR']);
  const shipper = personOf(SHIPPER);
  const agent = personOf(CDSP);
  const eventTypes = [ContactResolvedV1.type, ClarificationRaisedV1.type, ClarificationClosedV1.type, SiteVisitReferredV1.type, SiteVisitDeclinedV1.type];

  beforeAll(async () => {
    under = await startNotifications({ databaseName: 'notification_retention', clock, env: { WEBHOOK_ALLOWED_ADDRESSES: '127.0.0.1' } });
    // The shipper's partner system wants every event that can carry what people wrote. Nothing listens there: only what is kept matters here.
    expect((await under.call(lso, 'POST', '/api/v1/webhooks', { url: 'http://127.0.0.1:9/hook', eventTypes })).status).toBe(201);
  });

  afterAll(async () => {
    await under?.close();
  });

  interface Strings {
    question: string;
    closure: string;
    instructions: string;
    decline: string;
    note: string;
  }

  /** A contact with a question asked and closed, a visit referred and declined, and its resolution, each with words of its own. */
  async function workedContact(strings: Strings): Promise<string> {
    const crn = await under.logContact();
    const organisationIds = [SHIPPER.id, CDSP.id, DN.id];
    const raised = under.dcToOriginator(crn);
    raised.data.question = strings.question;
    raised.data.organisationIds = organisationIds;
    const clarificationId = raised.data.clarificationId;
    const closed = under.envelope<ClarificationClosedV1>(ClarificationClosedV1.type, '/cms/clarifications', crn, {
      clarificationId,
      crn,
      kind: 'DC',
      organisationIds,
      cause: 'CLOSED_BY_PARTICIPANT',
      reason: strings.closure,
      closedByUserId: agent.userId,
      closedByOrganisationId: CDSP.id,
      closedAt: clock.now().toISOString(),
    });
    await under.publish(Topics.clarifications, raised, closed);
    const siteVisitId = uuidv7();
    const visit = { siteVisitId, crn, transporterOrganisationId: DN.id, organisationIds };
    await under.publish(
      Topics.siteVisits,
      under.envelope<SiteVisitReferredV1>(SiteVisitReferredV1.type, '/cms/site-visits', crn, {
        ...visit,
        mprn: '8804621501',
        contactType: 'DTL',
        confirmStatus: 'LI',
        instructions: strings.instructions,
        referredByUserId: agent.userId,
        dueOn: '2026-12-15',
        referredAt: clock.now().toISOString(),
      }),
      under.envelope<SiteVisitDeclinedV1>(SiteVisitDeclinedV1.type, '/cms/site-visits', crn, { ...visit, reason: strings.decline, declinedByUserId: 'cad.user', declinedAt: clock.now().toISOString() }),
    );
    const resolved = under.resolved(crn);
    resolved.data.note = strings.note;
    resolved.data.organisationIds = organisationIds;
    await under.publish(Topics.contacts, resolved);
    // Five deliveries to the shipper's endpoint, and the alerts with the reasons in them.
    await under.until(`the deliveries of ${crn}`, () => under.service.sql<{ count: number }>('SELECT count(*)::int AS count FROM webhook_delivery WHERE crn = $1', [crn]), ([row]) => row.count === 5);
    await under.until(
      `the alerts of ${crn}`,
      () => under.service.sql<{ kind: string }>(`SELECT DISTINCT kind FROM alert WHERE crn = $1 AND kind IN ('CLARIFICATION_CLOSED', 'SITE_VISIT_DECLINED')`, [crn]),
      (rows) => rows.length === 2,
    );
    return crn;
  }

  function anonymised(crn: string): EventEnvelope<ContactAnonymisedV1> {
    return under.envelope<ContactAnonymisedV1>(ContactAnonymisedV1.type, '/cms/contact-logging', crn, {
      crn,
      contactType: 'DTL',
      endedAt: '2026-12-01T10:00:00.000Z',
      anonymisedAt: clock.now().toISOString(),
      organisationIds: [SHIPPER.id, CDSP.id, DN.id],
    });
  }

  const applied = (eventId: string) =>
    under.service.sql<{ count: number }>(`SELECT count(*)::int AS count FROM inbox_message WHERE consumer_group = 'notifications.contacts' AND event_id = $1`, [eventId]);
  const alertsAbout = async (crn: string) => [...(await under.alertsOf(shipper)), ...(await under.alertsOf(agent))].filter((alert) => alert.crn === crn);
  const bodies = async (crn: string) =>
    (await under.service.sql<{ event_type: string; body: string }>('SELECT event_type, body FROM webhook_delivery WHERE crn = $1 ORDER BY event_type', [crn])).map((row) => ({
      type: row.event_type,
      data: JSON.parse(row.body).data,
    }));

  it("replaces what people wrote in an anonymised contact's alerts and webhook deliveries everywhere in its database, and takes a second delivery calmly", async () => {
    const gone: Strings = {
      question: 'Has Isadora Wainwright sent the photo',
      closure: 'Isadora Wainwright sent it by post',
      instructions: 'Isadora keeps the key under the mat',
      decline: 'Isadora was not at home',
      note: 'Isadora confirmed the gas is on',
    };
    const kept: Strings = {
      question: 'Has Barnaby Thistlewaite sent the photo',
      closure: 'Barnaby sent it',
      instructions: 'Barnaby has the key',
      decline: 'Barnaby was out',
      note: 'Barnaby confirmed',
    };
    const crn = await workedContact(gone);
    const other = await workedContact(kept);
    const before = await alertsAbout(crn);
    const strings = Object.values(gone);
    expect(new Set((await stringsInDatabase(under.service.sql, strings)).map((found) => found.text))).toEqual(new Set(strings));

    clock.set('2027-01-05T10:00:00Z');
    const event = anonymised(crn);
    await under.publish(Topics.contacts, event);
    await under.until('ContactAnonymised applied', () => applied(event.id), ([row]) => row.count === 1);

    expect(await stringsInDatabase(under.service.sql, strings)).toEqual([]);
    const otherStrings = Object.values(kept);
    expect(new Set((await stringsInDatabase(under.service.sql, otherStrings)).map((found) => found.text))).toEqual(new Set(otherStrings));

    // The alerts still read: the same alerts, the marker where the reason was, at the end of the title too.
    const after = await alertsAbout(crn);
    expect(after.map((alert) => alert.id)).toEqual(before.map((alert) => alert.id));
    for (const alert of after.filter((candidate) => ['CLARIFICATION_CLOSED', 'SITE_VISIT_DECLINED'].includes(candidate.kind))) {
      expect(alert.detail.reason).toBe(ANONYMISED_MARKER);
      expect(alert.title).toMatch(new RegExp(`^The .+ on contact ${crn} was (closed|declined): \\[removed\\]$`));
    }
    // The deliveries keep every field but what people wrote.
    expect(await bodies(crn)).toEqual([
      { type: ClarificationClosedV1.type, data: expect.objectContaining({ cause: 'CLOSED_BY_PARTICIPANT', reason: ANONYMISED_MARKER }) },
      { type: ClarificationRaisedV1.type, data: expect.objectContaining({ addressedTo: 'ORIGINATOR', question: ANONYMISED_MARKER }) },
      { type: ContactResolvedV1.type, data: expect.objectContaining({ outcome: 'VALID', reason: 'Site visit confirmed gas is flowing', note: ANONYMISED_MARKER }) },
      { type: SiteVisitDeclinedV1.type, data: expect.objectContaining({ siteVisitId: expect.any(String), reason: ANONYMISED_MARKER }) },
      { type: SiteVisitReferredV1.type, data: expect.objectContaining({ confirmStatus: 'LI', instructions: ANONYMISED_MARKER }) },
    ]);
    expect((await bodies(other)).find((body) => body.type === ContactResolvedV1.type)?.data.note).toBe(kept.note);

    // Delivered again (the same event, and the announcement made twice): applied without error, nothing changes.
    const again = anonymised(crn);
    await under.publish(Topics.contacts, event, again);
    await under.until('the second announcement applied', () => applied(again.id), ([row]) => row.count === 1);
    expect(await alertsAbout(crn)).toEqual(after);
    expect(await stringsInDatabase(under.service.sql, strings)).toEqual([]);
  });
});
