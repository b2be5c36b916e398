import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Caller } from '@cms/auth';
import {
  ClarificationClosedV1,
  ClarificationMessagePostedV1,
  ClarificationRaisedV1,
  createEnvelope,
  MeterPointStatusChangedV1,
  MeterPointStatusChangeRefusedV1,
  SiteVisitFindingReportedV1,
  SiteVisitReferredV1,
  toKafkaHeaders,
  Topics,
  uuidv7,
  type EventEnvelope,
  type TopicName,
} from '@cms/contracts';
import { checkDigitsFor } from '@cms/gas-market';
import { startServiceUnderTest, testKafkaBrokers } from '@cms/testing';
import { contactLoggingService } from '../src/service';
import { dtl, startContactLogging, TRANSPORTER_ID, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * The one-screen history fed by the other services' events (docs/domain.md "Transparency"): the
 * clarifications, site-visits and meter-points topics onto each contact's timeline, what it waits
 * on, who is involved, and the register's status after its outcome, each event once however often
 * it is delivered.
 */
describe('contact timeline from the other services\' events', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const transporter: Caller = { userId: 'cad.user', organisationId: TRANSPORTER_ID, organisationType: 'DN', roles: ['TRANSPORTER_USER'] };
  const cdsp = '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40';
  const agent: Caller = { userId: 'xo.agent', organisationId: cdsp, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const mprns = ['3938424403', '2738491003', '5281736406'];
  /** Meter points of the contacts of the reliability test, one each. */
  const streamMprns = Array.from({ length: 12 }, (_, i) => `${72_000_000 + i}${checkDigitsFor(String(72_000_000 + i))}`);
  let service: ContactLoggingUnderTest;
  let producer: Producer;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_timeline',
      meterPoints: Object.fromEntries([...mprns, ...streamMprns].map((mprn) => [mprn, { status: 'DE', registeredShipper: shipper.organisationId }])),
    });
    producer = new Kafka({ clientId: 'contact-timeline-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  let next = 0;
  async function logged(mprn = mprns[next++]): Promise<string> {
    const { status, body } = await service.post(shipper, dtl(mprn));
    expect(status).toBe(201);
    return body.crn;
  }

  function envelope<T>(type: string, source: string, crn: string, data: T): EventEnvelope<T> {
    return createEnvelope({ type, source, subject: crn, data });
  }

  async function publish(topic: TopicName, ...events: EventEnvelope[]): Promise<void> {
    await producer.send({
      topic,
      messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })),
    });
  }

  /** GET the contact as `caller` until `done` holds of it (the consumer is asynchronous), or 20 s. */
  async function until(caller: Caller, crn: string, done: (contact: any) => boolean): Promise<any> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const { status, body } = await service.call(caller, 'GET', `/api/v1/contacts/${crn}`);
      if (status === 200 && done(body)) return body;
      if (Date.now() > deadline) throw new Error(`contact ${crn} never got there: ${status} ${JSON.stringify(body)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  it('shows a site visit referred, waited on, and its finding; the transporter joins the contact and it is announced', async () => {
    const crn = await logged();
    expect((await service.call(transporter, 'GET', `/api/v1/contacts/${crn}`)).status).toBe(404);
    const siteVisitId = uuidv7();
    const referred = envelope<SiteVisitReferredV1>(SiteVisitReferredV1.type, '/cms/site-visits', crn, {
      siteVisitId,
      crn,
      mprn: mprns[0],
      contactType: 'DTL',
      transporterOrganisationId: TRANSPORTER_ID,
      confirmStatus: 'LI',
      referredByUserId: 'xo.agent',
      dueOn: '2026-12-15',
      referredAt: new Date().toISOString(),
      organisationIds: [shipper.organisationId],
    });
    await publish(Topics.siteVisits, referred, referred); // delivered twice: one entry

    const waiting = await until(transporter, crn, (contact) => contact.waitingOn.length === 1);
    expect(waiting.waitingOn).toEqual([
      { type: 'SV', id: siteVisitId, waitingOnOrganisationId: TRANSPORTER_ID, dueOn: '2026-12-15', overdue: false, since: referred.data.referredAt },
    ]);
    expect(waiting.history.map((entry: { action: string }) => entry.action)).toEqual(['LOGGED', 'SITE_VISIT_REFERRED', 'PARTICIPANTS_CHANGED']);
    const [participants] = await service.sql(
      `SELECT payload FROM outbox_message WHERE message_key = $1 AND headers->>'ce_type' = 'uk.gas.cms.contact.participants-changed.v1'`,
      [crn],
    );
    expect(JSON.parse(participants.payload)).toMatchObject({ crn, added: [TRANSPORTER_ID], organisationIds: [shipper.organisationId, TRANSPORTER_ID] });

    await publish(
      Topics.siteVisits,
      envelope<SiteVisitFindingReportedV1>(SiteVisitFindingReportedV1.type, '/cms/site-visits', crn, {
        siteVisitId,
        crn,
        transporterOrganisationId: TRANSPORTER_ID,
        confirmed: true,
        visitedOn: '2026-12-02',
        notes: 'Meter in use, gas flowing.',
        meterRead: '04533',
        reportedByUserId: 'cad.user',
        reportedAt: new Date().toISOString(),
        organisationIds: [shipper.organisationId, TRANSPORTER_ID],
      }),
    );
    const found = await until(shipper, crn, (contact) => contact.waitingOn.length === 0);
    // The finding followed the referral's second delivery on the partition: that one added nothing.
    expect(found.history.map((entry: { action: string }) => entry.action)).toEqual(['LOGGED', 'SITE_VISIT_REFERRED', 'PARTICIPANTS_CHANGED', 'SITE_VISIT_FINDING']);
    expect(found.history.at(-1)).toMatchObject({
      action: 'SITE_VISIT_FINDING',
      actorUserId: 'cad.user',
      actorOrganisationId: TRANSPORTER_ID,
      detail: { confirmed: true, visitedOn: '2026-12-02', notes: 'Meter in use, gas flowing.', meterRead: '04533' },
    });
  });

  it('shows a DC thread: raised to the originator, answered (the turn passes), closed', async () => {
    const crn = await logged();
    const clarificationId = uuidv7();
    const common = { clarificationId, crn, kind: 'DC' as const, organisationIds: [shipper.organisationId] };
    await publish(
      Topics.clarifications,
      envelope<ClarificationRaisedV1>(ClarificationRaisedV1.type, '/cms/clarifications', crn, {
        ...common,
        addressedTo: 'ORIGINATOR',
        addressedToOrganisationId: shipper.organisationId,
        raisedByUserId: 'xo.agent',
        raisedByOrganisationId: cdsp,
        messageId: uuidv7(),
        question: 'Please send a photo of the meter.',
        dueOn: '2026-12-08',
        raisedAt: new Date().toISOString(),
      }),
    );
    const raised = await until(shipper, crn, (contact) => contact.waitingOn.length === 1);
    expect(raised.waitingOn[0]).toMatchObject({ type: 'DC', waitingOnOrganisationId: shipper.organisationId, dueOn: '2026-12-08' });
    // Addressed to the originator, already involved: nobody joins; waiting on the originator, its clock pauses.
    expect(raised.history.map((entry: { action: string }) => entry.action)).toEqual(['LOGGED', 'CLARIFICATION_RAISED', 'CLOCK_PAUSED']);

    await publish(
      Topics.clarifications,
      envelope<ClarificationMessagePostedV1>(ClarificationMessagePostedV1.type, '/cms/clarifications', crn, {
        ...common,
        messageId: uuidv7(),
        postedByUserId: 'bwe.user',
        postedByOrganisationId: shipper.organisationId,
        text: 'Photo attached to the email.',
        waitingOnOrganisationId: cdsp,
        dueOn: '2026-12-15',
        postedAt: new Date().toISOString(),
      }),
    );
    const answered = await until(agent, crn, (contact) => contact.waitingOn[0]?.waitingOnOrganisationId === cdsp);
    expect(answered.waitingOn[0]).toMatchObject({ dueOn: '2026-12-15' });

    await publish(
      Topics.clarifications,
      envelope<ClarificationClosedV1>(ClarificationClosedV1.type, '/cms/clarifications', crn, {
        ...common,
        cause: 'CLOSED_BY_PARTICIPANT',
        reason: 'Evidence received.',
        closedByUserId: 'xo.agent',
        closedByOrganisationId: cdsp,
        closedAt: new Date().toISOString(),
      }),
    );
    const closed = await until(shipper, crn, (contact) => contact.waitingOn.length === 0);
    expect(closed.history.map((entry: { action: string }) => entry.action)).toEqual([
      'LOGGED',
      'CLARIFICATION_RAISED',
      'CLOCK_PAUSED',
      'CLARIFICATION_MESSAGE',
      'CLOCK_RESUMED',
      'CLARIFICATION_CLOSED',
    ]);
  });

  it("shows the register's status change after the outcome, and a refusal with its reason, each without an actor", async () => {
    const crn = await logged();
    const at = new Date().toISOString();
    await publish(
      Topics.meterPoints,
      envelope<MeterPointStatusChangeRefusedV1>(MeterPointStatusChangeRefusedV1.type, '/cms/meter-points', mprns[2], {
        mprn: mprns[2],
        crn,
        code: 'STATUS_CHANGED_SINCE_LOGGING',
        reason: 'The meter point was Dead (DE) when the contact was logged but is Live (LI) now.',
        requestedStatus: 'LI',
        expectedStatus: 'DE',
        actualStatus: 'LI',
        refusedAt: at,
        organisationIds: [shipper.organisationId],
      }),
      envelope<MeterPointStatusChangedV1>(MeterPointStatusChangedV1.type, '/cms/meter-points', mprns[2], {
        mprn: mprns[2],
        previousStatus: 'DE',
        status: 'LI',
        crn,
        transporterOrganisationId: TRANSPORTER_ID,
        changedAt: at,
        organisationIds: [shipper.organisationId],
      }),
    );
    const contact = await until(shipper, crn, (body) => body.meterPointStatusAfter === 'LI');
    expect(contact.history.slice(1)).toEqual([
      expect.objectContaining({ action: 'METER_POINT_STATUS_CHANGE_REFUSED', actorUserId: null, detail: expect.objectContaining({ code: 'STATUS_CHANGED_SINCE_LOGGING' }) }),
      expect.objectContaining({ action: 'METER_POINT_STATUS_CHANGED', actorUserId: null, detail: { mprn: mprns[2], previousStatus: 'DE', status: 'LI' } }),
    ]);
  });

  it('7. puts every thread message on its contact once and in order while a second replica joins the consumer group mid-stream and leaves, each event delivered twice', async () => {
    const crns: string[] = [];
    for (const mprn of streamMprns) crns.push(await logged(mprn));
    const texts = ['Please send a photo of the meter.', 'Sent by email.', 'Received; and the serial number?', 'It is G4A01234.'];
    /** Each contact's DC thread: the question, three replies in turn, the closure. */
    const threads = crns.map((crn) => {
      const clarificationId = uuidv7();
      const common = { clarificationId, crn, kind: 'DC' as const, organisationIds: [shipper.organisationId, cdsp] };
      const at = (i: number) => new Date(Date.UTC(2026, 11, 1, 9, i)).toISOString();
      return [
        envelope<ClarificationRaisedV1>(ClarificationRaisedV1.type, '/cms/clarifications', crn, {
          ...common,
          addressedTo: 'ORIGINATOR',
          addressedToOrganisationId: shipper.organisationId,
          raisedByUserId: 'xo.agent',
          raisedByOrganisationId: cdsp,
          messageId: uuidv7(),
          question: texts[0],
          dueOn: '2026-12-08',
          raisedAt: at(0),
        }),
        ...texts.slice(1).map((text, i) => {
          const fromShipper = i % 2 === 0;
          return envelope<ClarificationMessagePostedV1>(ClarificationMessagePostedV1.type, '/cms/clarifications', crn, {
            ...common,
            messageId: uuidv7(),
            postedByUserId: fromShipper ? 'bwe.user' : 'xo.agent',
            postedByOrganisationId: fromShipper ? shipper.organisationId : cdsp,
            text,
            waitingOnOrganisationId: fromShipper ? cdsp : shipper.organisationId,
            dueOn: '2026-12-10',
            postedAt: at(i + 1),
          });
        }),
        envelope<ClarificationClosedV1>(ClarificationClosedV1.type, '/cms/clarifications', crn, {
          ...common,
          cause: 'CLOSED_BY_PARTICIPANT',
          reason: 'Answered.',
          closedByUserId: 'xo.agent',
          closedByOrganisationId: cdsp,
          closedAt: at(texts.length),
        }),
      ];
    });
    /** The stream, event by event across the contacts as the service would interleave them, each event twice. */
    const stream = threads[0].flatMap((_, step) => threads.flatMap((thread) => [thread[step], thread[step]]));
    const third = Math.floor(stream.length / 3);

    await publish(Topics.clarifications, ...stream.slice(0, third));
    const second = await startServiceUnderTest(contactLoggingService, { databaseUrl: service.databaseUrl, env: service.issuer.env() });
    try {
      await publish(Topics.clarifications, ...stream.slice(third, 2 * third));
      await until(agent, crns[crns.length - 1], (contact) => contact.history.some((entry: any) => entry.action === 'CLARIFICATION_MESSAGE'));
    } finally {
      await second.close(); // leaves mid-stream: its partitions go back to the first replica
    }
    await publish(Topics.clarifications, ...stream.slice(2 * third));

    for (const crn of crns) {
      const contact = await until(agent, crn, (body) => body.history.some((entry: any) => entry.action === 'CLARIFICATION_CLOSED'));
      const thread = contact.history.filter((entry: any) => entry.action.startsWith('CLARIFICATION_'));
      expect(thread.map((entry: any) => [entry.action, entry.detail.question ?? entry.detail.text ?? entry.detail.reason])).toEqual([
        ['CLARIFICATION_RAISED', texts[0]],
        ['CLARIFICATION_MESSAGE', texts[1]],
        ['CLARIFICATION_MESSAGE', texts[2]],
        ['CLARIFICATION_MESSAGE', texts[3]],
        ['CLARIFICATION_CLOSED', 'Answered.'],
      ]);
      expect(contact.waitingOn).toEqual([]);
    }
  });
});
