import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { Caller } from '@cms/auth';
import {
  ANONYMISED_MARKER,
  ClarificationRaisedV1,
  ContactAnonymisedV1,
  createEnvelope,
  SiteVisitFindingReportedV1,
  toKafkaHeaders,
  Topics,
  uuidv7,
  type EventEnvelope,
} from '@cms/contracts';
import { TimerRunner } from '@cms/service-defaults';
import { stringsInDatabase, testKafkaBrokers, TestClock } from '@cms/testing';
import { ContactRetention } from '../src/application/contact-retention';
import { RetentionBackfillOnStart } from '../src/infrastructure/retention-backfill-on-start';
import { dtl, startContactLogging, TRANSPORTER_ID, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * Retention under the injected clock (docs/domain.md "Data protection", README "Retention"): a
 * contact resolved and one withdrawn, past their schedule, keep no personal data anywhere in the
 * service's database (every table searched for the original strings), their history and outcome
 * still read, announced once (ContactAnonymised); a contact inside its schedule is untouched; a
 * rejected submission's body goes by its own period; the audit stays append-only for everything
 * but the sweep.
 */
describe('retention', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const cdsp = '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40';
  const agent: Caller = { userId: 'xo.agent', organisationId: cdsp, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  // Not in the demo register: a meter-points suite reading the shared broker finds nothing to change.
  const [resolvedMprn, withdrawnMprn, recentMprn] = ['8800000101', '8800000202', '8800000303'];
  const unknownMprn = '8800000404';
  // Tue 1 Dec 2026, 10:00 in London; DTL contacts are kept 30 days after their end, ISO 90, rejected submissions 10.
  const clock = new TestClock('2026-12-01T10:00:00Z');
  let service: ContactLoggingUnderTest;
  let producer: Producer;
  let consumer: Consumer;
  const anonymised: EventEnvelope<ContactAnonymisedV1>[] = [];

  /** Each contact's personal data, every string unique to it. */
  const resolvedStrings = {
    name: 'Winifred Quarterman',
    telephone: '0161 496 0731',
    email: 'winifred.quarterman@example.net',
    description: 'Tenant reports the boiler lit since Tuesday',
    addressLine: 'Larkspur Crescent',
    note: 'Confirmed by phone with the tenant at Larkspur',
    question: 'Does the cupboard at number 17 hold the meter',
    findingNotes: 'Met the tenant Winifred on site; meter running',
  };
  const withdrawnStrings = {
    name: 'Bartholomew Fenwick',
    telephone: '0113 496 0588',
    description: 'Landlord says the flat above has gas',
    reason: 'Bartholomew rang to say it was the wrong flat',
  };
  const recentStrings = { name: 'Cressida Pemberton', description: 'Meter found turned on by the new owner' };
  const rejectedStrings = { name: 'Desmond Rejectworth', description: 'Gas in use says Desmond' };

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_retention',
      clock,
      env: { RETENTION_DTL_CONTACT_DAYS: '30', RETENTION_ISO_CONTACT_DAYS: '90', RETENTION_REJECTED_SUBMISSION_DAYS: '10' },
      meterPoints: Object.fromEntries([resolvedMprn, withdrawnMprn, recentMprn].map((mprn) => [mprn, { status: 'DE', registeredShipper: shipper.organisationId }])),
    });
    const kafka = new Kafka({ clientId: 'contact-retention-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    producer = kafka.producer();
    await producer.connect();
    consumer = kafka.consumer({ groupId: `contact-retention-test-${uuidv7()}` });
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.contacts, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.headers?.ce_type?.toString() !== ContactAnonymisedV1.type) return;
        anonymised.push({ id: message.headers.ce_id!.toString(), subject: message.key!.toString(), data: JSON.parse(message.value!.toString()) } as EventEnvelope<ContactAnonymisedV1>);
      },
    });
  });

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await service?.close();
  });

  const read = async (crn: string) => (await service.call(agent, 'GET', `/api/v1/contacts/${crn}`)).body;
  const command = (caller: Caller, crn: string, name: string, body: unknown, version: number) =>
    service.call(caller, 'POST', `/api/v1/contacts/${crn}/${name}`, body, { 'if-match': `"${version}"` });
  const fireDue = () => service.app.get(TimerRunner).fireDue();

  async function logged(mprn: string, strings: { name: string; description: string; telephone?: string; email?: string }, extra: Record<string, unknown> = {}): Promise<string> {
    const submission = {
      ...dtl(mprn, strings.description, clock.now()),
      originatorContact: { name: strings.name, telephone: strings.telephone ?? '0161 496 0000', ...(strings.email ? { email: strings.email } : {}) },
      ...extra,
    };
    const { status, body } = await service.post(shipper, submission);
    expect(status).toBe(201);
    return body.crn;
  }

  async function until<T>(what: string, get: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await get();
      if (done(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what} never happened: ${JSON.stringify(value)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async function publish(topic: string, ...events: EventEnvelope[]): Promise<void> {
    await producer.send({ topic, messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })) });
  }

  /** A question to the transporter and a site visit's finding, as clarifications and site-visits publish them: onto the contact's timeline. */
  async function workedOnByOthers(crn: string): Promise<void> {
    const at = clock.now().toISOString();
    await publish(
      Topics.clarifications,
      createEnvelope<ClarificationRaisedV1>({
        type: ClarificationRaisedV1.type,
        source: '/cms/clarifications',
        subject: crn,
        data: {
          clarificationId: uuidv7(),
          crn,
          kind: 'DC',
          addressedTo: 'STAKEHOLDER',
          addressedToOrganisationId: TRANSPORTER_ID,
          raisedByUserId: agent.userId,
          raisedByOrganisationId: cdsp,
          messageId: uuidv7(),
          question: resolvedStrings.question,
          dueOn: '2026-12-08',
          raisedAt: at,
          organisationIds: [shipper.organisationId, TRANSPORTER_ID],
        },
      }),
    );
    await publish(
      Topics.siteVisits,
      createEnvelope<SiteVisitFindingReportedV1>({
        type: SiteVisitFindingReportedV1.type,
        source: '/cms/site-visits',
        subject: crn,
        data: {
          siteVisitId: uuidv7(),
          crn,
          transporterOrganisationId: TRANSPORTER_ID,
          organisationIds: [shipper.organisationId, TRANSPORTER_ID],
          confirmed: true,
          visitedOn: '2026-12-01',
          notes: resolvedStrings.findingNotes,
          reportedByUserId: 'cad.user',
          reportedAt: at,
        },
      }),
    );
    await until('the timeline entries of the question and the finding', async () => (await read(crn)).history.map((entry: { action: string }) => entry.action), (actions) =>
      actions.includes('CLARIFICATION_RAISED') && actions.includes('SITE_VISIT_FINDING'),
    );
  }

  it('replaces the personal data of contacts past their schedule everywhere in its database, keeps their history and outcome, and leaves the others', async () => {
    // Day 0: three contacts, and a submission refused, each with personal data of its own.
    const resolved = await logged(resolvedMprn, resolvedStrings, {
      alternativeAddress: { buildingNumber: '17', thoroughfare: resolvedStrings.addressLine, postTown: 'Preston', postcode: 'PR2 9QZ' },
    });
    const withdrawn = await logged(withdrawnMprn, withdrawnStrings);
    const recent = await logged(recentMprn, recentStrings);
    const refusal = await service.post(shipper, { ...dtl(unknownMprn, rejectedStrings.description, clock.now()), originatorContact: { name: rejectedStrings.name, telephone: '0161 496 0999' } });
    expect(refusal.status).toBe(422);

    await workedOnByOthers(resolved);
    const taken = await command(agent, resolved, 'assign', {}, (await read(resolved)).version);
    expect(taken.status).toBe(200);
    const resolution = await command(agent, resolved, 'resolution', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED', note: resolvedStrings.note }, taken.body.version);
    expect(resolution.status).toBe(200);
    expect((await command(shipper, withdrawn, 'withdrawal', { reason: withdrawnStrings.reason }, 1)).status).toBe(200);

    // Day 10: the third is resolved; its 30 days run to day 40.
    clock.set('2026-12-11T10:00:00Z');
    expect((await command(agent, recent, 'assign', {}, 1)).status).toBe(200);
    expect((await command(agent, recent, 'resolution', { outcome: 'INVALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }, 2)).status).toBe(200);

    const before = { resolved: await read(resolved), recent: await read(recent) };
    const auditCount = async (crn: string) => (await service.sql<{ count: number }>('SELECT count(*)::int AS count FROM contact_audit WHERE crn = $1', [crn]))[0].count;
    const auditBefore = await auditCount(resolved);
    const gone = [...Object.values(resolvedStrings), ...Object.values(withdrawnStrings), ...Object.values(rejectedStrings)];
    // Every string is somewhere to begin with (the search would find it), the published events included.
    expect(new Set((await stringsInDatabase(service.sql, gone)).map((found) => found.text))).toEqual(new Set(gone));
    await until('every event published', () => service.sql<{ count: number }>('SELECT count(*)::int AS count FROM outbox_message WHERE published_at IS NULL'), ([row]) => row.count === 0);

    // Day 29: the refused submission is past its 10 days; no contact is past its 30.
    clock.set('2026-12-30T09:00:00Z');
    expect(await fireDue()).toEqual({ fired: 1, failed: 0 });
    expect(await stringsInDatabase(service.sql, Object.values(rejectedStrings))).toEqual([]);
    expect((await read(resolved)).details.originatorContact.name).toBe(resolvedStrings.name);

    // Day 31: the first two are past their 30 days; the third, resolved on day 10, is not.
    clock.set('2027-01-01T11:00:00Z');
    expect(await fireDue()).toEqual({ fired: 2, failed: 0 });

    expect(await stringsInDatabase(service.sql, gone)).toEqual([]);
    const kept = Object.values(recentStrings);
    expect(new Set((await stringsInDatabase(service.sql, kept)).map((found) => found.text))).toEqual(new Set(kept));
    expect(await read(recent)).toEqual(before.recent);

    // Its history and outcome read as before, the marker where the personal data was, and one entry more.
    const after = await read(resolved);
    expect(after).toMatchObject({
      status: 'RESOLVED',
      outcome: 'VALID',
      outcomeReasonCode: 'GAS_FLOW_CONFIRMED',
      outcomeReason: before.resolved.outcomeReason,
      outcomeNote: ANONYMISED_MARKER,
      closedAt: before.resolved.closedAt,
      closedByUserId: agent.userId,
      investigatingAgentUserId: agent.userId,
      version: before.resolved.version + 1,
    });
    expect(after.details).toEqual({
      ...before.resolved.details,
      originatorContact: { name: ANONYMISED_MARKER, telephone: ANONYMISED_MARKER, email: ANONYMISED_MARKER },
      description: ANONYMISED_MARKER,
      alternativeAddress: {
        ...Object.fromEntries(Object.entries(before.resolved.details.alternativeAddress).map(([field, value]) => [field, typeof value === 'string' ? ANONYMISED_MARKER : value])),
        provenance: { source: 'TYPED' },
      },
    });
    expect(after.details.dtlEvidence).toEqual(before.resolved.details.dtlEvidence);
    expect(after.history.map((entry: { action: string }) => entry.action)).toEqual([...before.resolved.history.map((entry: { action: string }) => entry.action), 'ANONYMISED']);
    const entry = (history: { action: string; detail: Record<string, unknown> }[], action: string) => history.find((candidate) => candidate.action === action)!.detail;
    expect(entry(after.history, 'RESOLVED')).toEqual({ ...entry(before.resolved.history, 'RESOLVED'), note: ANONYMISED_MARKER });
    expect(entry(after.history, 'CLARIFICATION_RAISED')).toEqual({ ...entry(before.resolved.history, 'CLARIFICATION_RAISED'), question: ANONYMISED_MARKER });
    expect(entry(after.history, 'SITE_VISIT_FINDING')).toEqual({ ...entry(before.resolved.history, 'SITE_VISIT_FINDING'), notes: ANONYMISED_MARKER });
    expect(await auditCount(resolved)).toBe(auditBefore + 1);

    const withdrawnAfter = await read(withdrawn);
    expect(withdrawnAfter).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: ANONYMISED_MARKER, closedByUserId: shipper.userId });
    expect(withdrawnAfter.details.originatorContact).toEqual({ name: ANONYMISED_MARKER, telephone: ANONYMISED_MARKER, email: null });

    // The refused submission keeps what it asked for, on which meter point, and why it was refused.
    const [rejection] = await service.sql<{ submission: any; rejections: any[]; mprn: string }>('SELECT submission, rejections, mprn FROM rejected_submission');
    expect(rejection).toMatchObject({ mprn: unknownMprn, submission: { type: 'DTL', mprn: unknownMprn, description: ANONYMISED_MARKER } });
    expect(rejection.rejections.map((reason) => reason.code)).toEqual(['MPRN_NOT_FOUND']);

    // Announced once each, for every service that keeps a copy.
    await until('both announced', async () => anonymised.filter((event) => [resolved, withdrawn].includes(event.subject)).length, (count) => count >= 2);
    expect(await fireDue()).toEqual({ fired: 0, failed: 0 });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const announcements = anonymised.filter((event) => [resolved, withdrawn, recent].includes(event.subject));
    expect(announcements.map((event) => event.data).sort((a, b) => a.crn.localeCompare(b.crn))).toEqual(
      [
        { crn: resolved, contactType: 'DTL', endedAt: before.resolved.closedAt, anonymisedAt: '2027-01-01T11:00:00.000Z', organisationIds: [shipper.organisationId, TRANSPORTER_ID] },
        { crn: withdrawn, contactType: 'DTL', endedAt: withdrawnAfter.closedAt, anonymisedAt: '2027-01-01T11:00:00.000Z', organisationIds: [shipper.organisationId] },
      ].sort((a, b) => a.crn.localeCompare(b.crn)),
    );

    // Day 41: the third one's turn.
    clock.set('2027-01-11T10:00:01Z');
    expect(await fireDue()).toEqual({ fired: 1, failed: 0 });
    expect(await stringsInDatabase(service.sql, kept)).toEqual([]);
  });

  it('keeps the audit append-only for everything but the sweep: a plain UPDATE, DELETE or TRUNCATE of contact_audit is refused', async () => {
    const [{ crn }] = await service.sql<{ crn: string }>('SELECT crn FROM contact_audit LIMIT 1');
    await expect(service.sql(`UPDATE contact_audit SET after = jsonb_set(after, '{details,description}', '"changed"') WHERE crn = $1`, [crn])).rejects.toThrow(/append-only/);
    await expect(service.sql(`UPDATE contact_audit SET actor_user_id = 'someone' WHERE crn = $1`, [crn])).rejects.toThrow(/append-only/);
    await expect(service.sql('DELETE FROM contact_audit WHERE crn = $1', [crn])).rejects.toThrow(/append-only/);
    await expect(service.sql('TRUNCATE contact_audit')).rejects.toThrow(/append-only/);
    // The one role the audit lets change it logs in nowhere and has no member: only the sweep's function, which it owns, runs as it.
    expect(await service.sql(`SELECT rolcanlogin, (SELECT count(*)::int FROM pg_auth_members WHERE roleid = r.oid) AS members FROM pg_roles r WHERE rolname = 'cms_audit_anonymiser'`)).toEqual([
      { rolcanlogin: false, members: 0 },
    ]);
    expect(await service.sql(`SELECT pg_get_userbyid(proowner) AS owner, prosecdef FROM pg_proc WHERE proname = 'anonymise_contact_audit'`)).toEqual([
      { owner: 'cms_audit_anonymiser', prosecdef: true },
    ]);
  });

  it('gives the contacts and refusals that predate retention their timers, once, and none to a contact already anonymised', async () => {
    await service.app.get(RetentionBackfillOnStart).finished(); // the start's own run, on an empty database
    // A contact resolved and a submission refused before retention was released: their timers were never set.
    clock.set('2027-01-12T10:00:00Z');
    const crn = await logged(resolvedMprn, { name: 'Ottoline Prebble', description: 'Ended before retention was released' });
    expect((await command(agent, crn, 'assign', {}, 1)).status).toBe(200);
    expect((await command(agent, crn, 'resolution', { outcome: 'INVALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }, 2)).status).toBe(200);
    expect((await service.post(shipper, dtl(unknownMprn, 'Refused before retention was released', clock.now()))).status).toBe(422);
    await service.sql(`DELETE FROM timer WHERE kind LIKE 'retention.%'`);
    const { closedAt } = await read(crn);

    const retention = service.app.get(ContactRetention);
    const first = await retention.scheduleMissing();
    const second = await retention.scheduleMissing();

    // The three contacts anonymised in the first test get nothing: their data is gone already.
    expect([first, second]).toEqual([
      { contacts: 1, refusalDays: 1 },
      { contacts: 0, refusalDays: 0 },
    ]);
    expect(await service.sql(`SELECT kind, key, due_at FROM timer WHERE kind LIKE 'retention.%' ORDER BY kind`)).toEqual([
      { kind: 'retention.contact', key: crn, due_at: new Date(new Date(closedAt).getTime() + 30 * 86_400_000) },
      // 10 days after the day of the refusal, counted from the day after it.
      { kind: 'retention.rejected-submissions', key: '2027-01-23', due_at: new Date('2027-01-23T00:00:00Z') },
    ]);

    // And they do their work when they fall due.
    clock.set('2027-02-12T10:00:00Z');
    expect(await fireDue()).toEqual({ fired: 2, failed: 0 });
    expect(await stringsInDatabase(service.sql, ['Ottoline Prebble', 'Refused before retention was released'])).toEqual([]);
  });
});
