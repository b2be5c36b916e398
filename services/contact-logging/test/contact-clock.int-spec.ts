import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Caller } from '@cms/auth';
import { ClarificationMessagePostedV1, ClarificationRaisedV1, createEnvelope, toKafkaHeaders, Topics, uuidv7 } from '@cms/contracts';
import { TimerRunner } from '@cms/service-defaults';
import { testKafkaBrokers, TestClock } from '@cms/testing';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * A contact's clocks under an injected clock, never by sleeping (docs/domain.md "Time limits"): due
 * 20 working days after logging in its meter point's calendar (England and Scotland differ), a
 * reminder the working day before, overdue the day after; paused while a DC waits on the originator
 * and resumed with those days added; closed INVALID when a DC to the originator stands unanswered
 * two working days past due.
 */
describe('contact clocks', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const cdsp = '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40';
  const agent: Caller = { userId: 'xo.agent', organisationId: cdsp, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const englishMprns = ['3938424403', '2738491003', '5281736406', '1111111111'];
  const scottishMprn = '9081726309';
  // Tue 15 Dec 2026, 10:00 in London: 20 working days over Christmas and New Year.
  const clock = new TestClock('2026-12-15T10:00:00Z');
  let service: ContactLoggingUnderTest;
  let producer: Producer;

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_clock',
      clock,
      meterPoints: {
        ...Object.fromEntries(englishMprns.map((mprn) => [mprn, { status: 'DE', registeredShipper: shipper.organisationId, ldz: 'NW' }])),
        [scottishMprn]: { status: 'DE', registeredShipper: shipper.organisationId, ldz: 'SC' },
      },
    });
    producer = new Kafka({ clientId: 'contact-clock-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
  });

  afterAll(async () => {
    await producer?.disconnect();
    await service?.close();
  });

  const fireDue = () => service.app.get(TimerRunner).fireDue();
  const read = async (crn: string) => (await service.call(agent, 'GET', `/api/v1/contacts/${crn}`)).body;
  const actions = async (crn: string) => (await read(crn)).history.map((entry: { action: string }) => entry.action);

  async function logged(mprn: string): Promise<string> {
    const { status, body } = await service.post(shipper, dtl(mprn, 'Gas in use at the property.', clock.now()));
    expect(status).toBe(201);
    return body.crn;
  }

  /** Waits until the contact has this many timers set (its ContactLogged comes back by Kafka first). */
  async function timersOf(crn: string, count: number): Promise<{ kind: string; due_at: Date }[]> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const timers = await service.sql<{ kind: string; due_at: Date }>(`SELECT kind, due_at FROM timer WHERE key LIKE $1 ORDER BY due_at`, [`${crn}%`]);
      if (timers.length === count) return timers;
      if (Date.now() > deadline) throw new Error(`contact ${crn} has ${timers.length} timers, not ${count}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function publishClarification(...events: ReturnType<typeof createEnvelope>[]): Promise<void> {
    await producer.send({
      topic: Topics.clarifications,
      messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })),
    });
  }

  async function until(crn: string, done: (contact: any) => boolean): Promise<any> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const contact = await read(crn);
      if (done(contact)) return contact;
      if (Date.now() > deadline) throw new Error(`contact ${crn} never got there: ${JSON.stringify(contact)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  function dcToOriginator(crn: string, dueOn: string) {
    const clarificationId = uuidv7();
    const raised = createEnvelope<ClarificationRaisedV1>({
      type: ClarificationRaisedV1.type,
      source: '/cms/clarifications',
      subject: crn,
      data: {
        clarificationId,
        crn,
        kind: 'DC',
        addressedTo: 'ORIGINATOR',
        addressedToOrganisationId: shipper.organisationId,
        raisedByUserId: 'xo.agent',
        raisedByOrganisationId: cdsp,
        messageId: uuidv7(),
        question: 'Please send the meter read again with a photo.',
        dueOn,
        raisedAt: clock.now().toISOString(),
        organisationIds: [shipper.organisationId],
      },
    });
    return { clarificationId, raised };
  }

  it('is due 20 working days after logging, counted in its meter point’s calendar', async () => {
    const english = await logged(englishMprns[0]);
    const scottish = await logged(scottishMprn);
    // England and Wales: 25, 28 Dec and 1 Jan are bank holidays. Scotland also 4 Jan (2 January's substitute).
    expect((await read(english)).dueOn).toBe('2027-01-15');
    expect((await read(scottish)).dueOn).toBe('2027-01-18');
    const timers = await timersOf(english, 2);
    expect(timers.map((timer) => [timer.kind, timer.due_at.toISOString()])).toEqual([
      ['contact.resolution-reminder', '2027-01-14T00:00:00.000Z'], // the working day before, London midnight (GMT)
      ['contact.resolution-overdue', '2027-01-16T00:00:00.000Z'],
    ]);
  });

  it('reminds the working day before the due date and marks it overdue after, each once, announcing each', async () => {
    const crn = await logged(englishMprns[1]);
    await timersOf(crn, 2);

    clock.set('2027-01-13T23:59:59Z');
    await fireDue();
    expect(await actions(crn)).toEqual(['LOGGED']);

    clock.set('2027-01-14T08:00:00Z');
    await fireDue();
    await fireDue();
    expect(await actions(crn)).toEqual(['LOGGED', 'CONTACT_REMINDER']);

    clock.set('2027-01-16T00:00:00Z');
    await fireDue();
    expect(await actions(crn)).toEqual(['LOGGED', 'CONTACT_REMINDER', 'CONTACT_OVERDUE']);
    const events = await service.sql<{ payload: string }>(
      `SELECT payload FROM outbox_message WHERE message_key = $1 AND headers->>'ce_type' = 'uk.gas.cms.contact.deadline-reached.v1' ORDER BY id`,
      [crn],
    );
    expect(events.map((event) => JSON.parse(event.payload))).toEqual([
      expect.objectContaining({ crn, stage: 'REMINDER', dueOn: '2027-01-15', investigatingAgentUserId: null }),
      expect.objectContaining({ crn, stage: 'OVERDUE', dueOn: '2027-01-15' }),
    ]);
    clock.set('2026-12-15T10:00:00Z');
  });

  it('pauses while a DC waits on the originator and resumes with the working days it waited added', async () => {
    const crn = await logged(englishMprns[2]);
    await timersOf(crn, 2);
    clock.set('2026-12-17T10:00:00Z'); // Thursday
    const { clarificationId, raised } = dcToOriginator(crn, '2026-12-24');
    await publishClarification(raised);
    const paused = await until(crn, (contact) => contact.clockPausedOn !== null);
    expect(paused).toMatchObject({ clockPausedOn: '2026-12-17', dueOn: '2027-01-15' });
    // Paused: no reminder or overdue timer; the unanswered DC is watched instead.
    expect((await timersOf(crn, 1)).map((timer) => timer.kind)).toEqual(['contact.unanswered-dc']);

    clock.set('2026-12-22T10:00:00Z'); // the next Tuesday: Fri 18, Mon 21, Tue 22 waited
    const answered = createEnvelope<ClarificationMessagePostedV1>({
      type: ClarificationMessagePostedV1.type,
      source: '/cms/clarifications',
      subject: crn,
      data: {
        clarificationId,
        crn,
        kind: 'DC',
        messageId: uuidv7(),
        postedByUserId: 'bwe.user',
        postedByOrganisationId: shipper.organisationId,
        text: 'Photo sent.',
        waitingOnOrganisationId: cdsp,
        dueOn: '2026-12-31',
        postedAt: clock.now().toISOString(),
        organisationIds: [shipper.organisationId],
      },
    });
    await publishClarification(answered);
    const resumed = await until(crn, (contact) => contact.clockPausedOn === null);
    expect(resumed.dueOn).toBe('2027-01-20');
    expect(resumed.history.map((entry: { action: string }) => entry.action)).toEqual([
      'LOGGED',
      'CLARIFICATION_RAISED',
      'CLOCK_PAUSED',
      'CLARIFICATION_MESSAGE',
      'CLOCK_RESUMED',
    ]);
    // Answered: no longer watched; the resolution clock runs again to the new due date.
    expect((await timersOf(crn, 2)).map((timer) => [timer.kind, timer.due_at.toISOString()])).toEqual([
      ['contact.resolution-reminder', '2027-01-19T00:00:00.000Z'],
      ['contact.resolution-overdue', '2027-01-21T00:00:00.000Z'],
    ]);
    clock.set('2026-12-15T10:00:00Z');
  });

  it('closes a contact INVALID, by nobody, when its DC to the originator stands unanswered two working days past due', async () => {
    const crn = await logged(englishMprns[3]);
    await timersOf(crn, 2);
    const { raised } = dcToOriginator(crn, '2026-12-18'); // due Friday
    await publishClarification(raised);
    await until(crn, (contact) => contact.clockPausedOn !== null);

    clock.set('2026-12-22T23:59:00Z'); // Mon 21 and Tue 22 past due: not yet whole
    await fireDue();
    expect((await read(crn)).status).toBe('LOGGED');

    clock.set('2026-12-23T00:00:00Z');
    await fireDue();
    const closed = await read(crn);
    expect(closed).toMatchObject({
      status: 'RESOLVED',
      outcome: 'INVALID',
      outcomeReasonCode: 'NO_RESPONSE_TO_DC',
      outcomeReason: 'No response to data clarification',
      closedAutomatically: true,
      closedByUserId: null,
    });
    expect(closed.history.at(-1)).toMatchObject({ action: 'RESOLVED', actorUserId: null, detail: { automatic: true, dcDueOn: '2026-12-18' } });
    const [event] = await service.sql<{ payload: string }>(
      `SELECT payload FROM outbox_message WHERE message_key = $1 AND headers->>'ce_type' = 'uk.gas.cms.contact.resolved.v1'`,
      [crn],
    );
    expect(JSON.parse(event.payload)).toMatchObject({ outcome: 'INVALID', automatic: true, resolvedByUserId: null, reasonCode: 'NO_RESPONSE_TO_DC' });
    const [audit] = await service.sql(`SELECT actor_user_id, actor_organisation_id FROM contact_audit WHERE crn = $1 AND action = 'RESOLVED'`, [crn]);
    expect(audit).toEqual({ actor_user_id: 'system', actor_organisation_id: null });
    // Its clocks are stopped; what is left is when its personal data goes (README "Retention": six years from its end by default).
    expect(await timersOf(crn, 1)).toEqual([{ kind: 'retention.contact', due_at: new Date(Date.parse(closed.closedAt) + 2192 * 86_400_000) }]);
    clock.set('2026-12-15T10:00:00Z');
  });
});
