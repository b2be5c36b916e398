import { DATA_SOURCE, readAsCaller } from '@cms/service-defaults';
import { TestClock } from '@cms/testing';
import type { DataSource } from 'typeorm';
import {
  CDSP,
  DN,
  IGT,
  OTHER_DN,
  OTHER_SHIPPER,
  partnerOf,
  personOf,
  SHIPPER,
  startClarifications,
  type ClarificationsUnderTest,
} from './support/clarifications-under-test';

/**
 * Clarification threads through the service's API, on its own database and the test broker
 * (docs/domain.md "Investigation", "Time limits", "Transparency"): who asks whom, writing in turn,
 * closing, the events each change publishes, and who may see what.
 */
describe('clarification threads', () => {
  // Tuesday 1 December 2026, 09:00: five working days on is Tuesday 8 December.
  const clock = new TestClock('2026-12-01T09:00:00Z');
  let under: ClarificationsUnderTest;
  const agent = personOf(CDSP);
  const shipper = personOf(SHIPPER);
  const transporter = personOf(DN);

  beforeAll(async () => {
    under = await startClarifications({ databaseName: 'clarifications', clock, env: { OC_ANSWER_WORKING_DAYS: '3' } });
  });

  afterAll(async () => {
    await under?.close();
  });

  beforeEach(() => clock.set('2026-12-01T09:00:00Z'));

  const raise = (caller = agent, crn: string, body: Record<string, unknown> = { kind: 'DC', question: 'Please send a photo of the meter.' }) =>
    under.call(caller, 'POST', `/api/v1/contacts/${crn}/clarifications`, body);
  const reply = (caller: typeof agent, id: string, version: string | null, text = 'Here it is.') =>
    under.call(caller, 'POST', `/api/v1/clarifications/${id}/messages`, { text }, version === null ? {} : { 'if-match': version });
  const close = (caller: typeof agent, id: string, version: string | null, reason = 'Answered.') =>
    under.call(caller, 'POST', `/api/v1/clarifications/${id}/closure`, { reason }, version === null ? {} : { 'if-match': version });

  it('is ready: its database and the broker answer', async () => {
    const response = await under.service.fetch('/health/ready');
    expect(response.status).toBe(200);
  });

  it("runs a DC to the originator: asked, answered on the originator's turn, closed by the agent, each change an event", async () => {
    const crn = await under.logContact();
    const asked = await raise(agent, crn, { kind: 'DC', question: '  Please send a photo of the meter.\nWith the read.  ' });
    expect(asked.status).toBe(201);
    expect(asked.etag).toBe('"1"');
    expect(asked.body).toMatchObject({
      crn,
      kind: 'DC',
      addressedTo: 'ORIGINATOR',
      askingOrganisationId: CDSP.id,
      addressedToOrganisationId: SHIPPER.id,
      raisedByUserId: agent.userId,
      status: 'OPEN',
      waitingOnOrganisationId: SHIPPER.id,
      dueOn: '2026-12-08',
      overdue: false,
      closure: null,
      version: 1,
      messages: [{ sequence: 1, postedByUserId: agent.userId, postedByOrganisationId: CDSP.id, text: 'Please send a photo of the meter.\nWith the read.' }],
    });
    const id = asked.body.id;

    clock.set('2026-12-03T10:00:00Z');
    const answered = await reply(shipper, id, '"1"', 'Photo sent by email to the agent.');
    expect(answered.status).toBe(200);
    expect(answered.etag).toBe('"2"');
    // The answered DC hands the turn back to the CDSP, due five working days from the answer.
    expect(answered.body).toMatchObject({ waitingOnOrganisationId: CDSP.id, dueOn: '2026-12-10', version: 2 });
    expect(answered.body.messages.map((message: any) => [message.sequence, message.postedByOrganisationId])).toEqual([
      [1, CDSP.id],
      [2, SHIPPER.id],
    ]);

    const closed = await close(agent, id, '"2"', 'Photo received: the meter is in place.');
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      waitingOnOrganisationId: null,
      dueOn: null,
      closure: { cause: 'CLOSED_BY_PARTICIPANT', reason: 'Photo received: the meter is in place.', closedByUserId: agent.userId, closedByOrganisationId: CDSP.id },
    });

    const events = await under.eventsOf(crn, 3);
    expect(events.map((event) => event.type)).toEqual([
      'uk.gas.cms.clarification.raised.v1',
      'uk.gas.cms.clarification.message-posted.v1',
      'uk.gas.cms.clarification.closed.v1',
    ]);
    expect(events[0].data).toMatchObject({ clarificationId: id, crn, kind: 'DC', addressedTo: 'ORIGINATOR', addressedToOrganisationId: SHIPPER.id, dueOn: '2026-12-08', question: 'Please send a photo of the meter.\nWith the read.' });
    expect(events[1].data).toMatchObject({ postedByOrganisationId: SHIPPER.id, waitingOnOrganisationId: CDSP.id, dueOn: '2026-12-10', text: 'Photo sent by email to the agent.' });
    expect(events[2].data).toMatchObject({ cause: 'CLOSED_BY_PARTICIPANT', closedByOrganisationId: CDSP.id });
    for (const event of events) expect(event.data.organisationIds.sort()).toEqual([SHIPPER.id, CDSP.id].sort());

    // The audit holds every change, newest first.
    const audit = await under.call(personOf(CDSP, ['CDSP_ADMIN']), 'GET', `/api/v1/audit/clarifications?crn=${crn}`);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((item: any) => item.action)).toEqual(['CLOSED', 'MESSAGE_POSTED', 'RAISED']);
  });

  it('asks the transporter a DC, which involves it at once; then the transporter, a stakeholder, asks the originator an OC of several turns', async () => {
    const crn = await under.logContact();
    // Not yet involved, the transporter may not learn the contact exists, let alone ask its originator.
    expect((await under.call(transporter, 'GET', `/api/v1/contacts/${crn}/clarifications`)).status).toBe(404);
    expect((await raise(transporter, crn, { kind: 'OC', question: 'Is the property occupied?' })).status).toBe(404);

    const dc = await raise(agent, crn, { kind: 'DC', addressedTo: 'STAKEHOLDER', question: 'Do your records show a service at this address?' });
    expect(dc.body).toMatchObject({ addressedTo: 'STAKEHOLDER', addressedToOrganisationId: DN.id, waitingOnOrganisationId: DN.id });
    const seen = await under.call(transporter, 'GET', `/api/v1/contacts/${crn}/clarifications`);
    expect(seen.status).toBe(200);
    expect(seen.body.items.map((thread: any) => thread.id)).toEqual([dc.body.id]);
    expect((await under.eventsOf(crn, 1))[0].data.organisationIds.sort()).toEqual([SHIPPER.id, CDSP.id, DN.id].sort());

    const oc = await raise(transporter, crn, { kind: 'OC', question: 'Is the property occupied?' });
    expect(oc.status).toBe(201);
    // The OC answer time is set to three working days here: Tuesday to Friday.
    expect(oc.body).toMatchObject({ kind: 'OC', askingOrganisationId: DN.id, addressedToOrganisationId: SHIPPER.id, waitingOnOrganisationId: SHIPPER.id, dueOn: '2026-12-04' });
    let version = oc.etag;
    for (const [caller, text] of [
      [shipper, 'Yes, a tenant since March.'],
      [transporter, 'Can the tenant give access on Thursday?'],
      [shipper, 'Yes, from 9am.'],
    ] as const) {
      const turn = await reply(caller, oc.body.id, version, text);
      expect(turn.status).toBe(200);
      version = turn.etag;
    }
    const closed = await close(shipper, oc.body.id, version, 'Access agreed.');
    expect(closed.body).toMatchObject({ status: 'CLOSED', closure: { closedByOrganisationId: SHIPPER.id } });
    expect(closed.body.messages.map((message: any) => message.text)).toEqual([
      'Is the property occupied?',
      'Yes, a tenant since March.',
      'Can the tenant give access on Thursday?',
      'Yes, from 9am.',
    ]);

    // Everyone involved reads every thread of the contact: the shipper sees the DC to the transporter too.
    const all = await under.call(shipper, 'GET', `/api/v1/contacts/${crn}/clarifications`);
    expect(all.body.items.map((thread: any) => [thread.kind, thread.status])).toEqual([
      ['DC', 'OPEN'],
      ['OC', 'CLOSED'],
    ]);
  });

  it('lets an IGT referred a contact ask its originator the same way', async () => {
    const crn = await under.logContact({ transporter: IGT });
    await under.publish(under.participantsChanged(crn, [SHIPPER.id, CDSP.id, IGT.id], IGT));
    const igtUser = personOf(IGT);
    const oc = await under.until('the IGT involved', () => raise(igtUser, crn, { kind: 'OC', question: 'Which door is the meter behind?' }), (answer) => answer.status !== 403 && answer.status !== 404);
    expect(oc.status).toBe(201);
    expect(oc.body).toMatchObject({ askingOrganisationId: IGT.id, addressedToOrganisationId: SHIPPER.id });
    expect((await reply(shipper, oc.body.id, oc.etag, 'The side door.')).status).toBe(200);
    expect((await close(igtUser, oc.body.id, '"2"', 'Found it.')).body.status).toBe('CLOSED');
  });

  it('refuses writing out of turn, in a closed thread, without the role, or on a stale or missing version, each with its code', async () => {
    const crn = await under.logContact();
    const { body, etag } = await raise(agent, crn);
    expect(await reply(agent, body.id, etag)).toMatchObject({ status: 409, body: { code: 'NOT_YOUR_TURN' } });
    expect(await reply(personOf(SHIPPER, ['LSO']), body.id, etag)).toMatchObject({ status: 403, body: { code: 'ROLE_REQUIRED' } });
    expect(await reply(shipper, body.id, null)).toMatchObject({ status: 428, body: { code: 'PRECONDITION_REQUIRED' } });
    expect(await reply(shipper, body.id, '"7"')).toMatchObject({ status: 412, body: { code: 'STALE_VERSION' } });
    expect(await raise(shipper, crn)).toMatchObject({ status: 403, body: { code: 'DC_CDSP_ONLY' } });
    // A method a path does not take is 405, naming the ones it does (RFC 9110 §15.5.6).
    const wrongMethod = await under.service.fetch(`/api/v1/contacts/${crn}/clarifications`, { method: 'PUT', body: {}, headers: { authorization: 'Bearer x' } });
    expect({ status: wrongMethod.status, allow: wrongMethod.headers.get('allow') }).toEqual({ status: 405, allow: 'GET, HEAD, POST' });
    expect(await wrongMethod.json()).toMatchObject({ code: 'METHOD_NOT_ALLOWED' });
    expect((await under.service.fetch(`/api/v1/clarifications/${body.id}`, { method: 'DELETE' })).headers.get('allow')).toBe('GET, HEAD');
    expect((await under.service.fetch('/api/v1/no-such-route', { method: 'DELETE' })).status).toBe(404);
    // An id that is not one of ours names no thread: 404, never a database error.
    for (const id of ['cds.agent', '00000000-0000-4000-8000-000000000000']) {
      expect((await under.call(shipper, 'GET', `/api/v1/clarifications/${id}`)).status).toBe(404);
      expect((await reply(shipper, id, '"1"')).status).toBe(404);
      expect((await close(shipper, id, '"1"')).status).toBe(404);
    }
    expect(await raise(agent, crn, { kind: 'DC', question: '   ' })).toMatchObject({ status: 400 });
    expect(await raise(agent, crn, { kind: 'DC', question: 'x'.repeat(4001) })).toMatchObject({ status: 400 });
    expect((await close(shipper, body.id, etag)).status).toBe(200);
    expect(await reply(shipper, body.id, '"2"')).toMatchObject({ status: 409, body: { code: 'CLARIFICATION_CLOSED' } });
    expect(await close(agent, body.id, '"2"')).toMatchObject({ status: 409, body: { code: 'CLARIFICATION_CLOSED' } });
  });

  it('answers 404 on every route to an organisation not involved: another shipper, another DN, an IGT, and the transporter before it is asked', async () => {
    const crn = await under.logContact();
    const { body, etag } = await raise(agent, crn);
    for (const outsider of [personOf(OTHER_SHIPPER), personOf(OTHER_DN), personOf(IGT), transporter, partnerOf(OTHER_SHIPPER)]) {
      const answers = [
        await under.call(outsider, 'GET', `/api/v1/contacts/${crn}/clarifications`),
        await raise(outsider, crn, { kind: 'OC', question: 'Anything?' }),
        await under.call(outsider, 'GET', `/api/v1/clarifications/${body.id}`),
        await reply(outsider, body.id, etag),
        await close(outsider, body.id, etag),
      ];
      expect(answers.map((answer) => answer.status)).toEqual([404, 404, 404, 404, 404]);
      const listed = await under.call(outsider, 'GET', `/api/v1/clarifications?crn=${crn}`);
      expect(listed).toMatchObject({ status: 200, body: { items: [] } });
    }
    // A partner system of the originator answers through the same routes, with its scopes.
    expect((await reply(partnerOf(SHIPPER), body.id, etag, 'Answered by our system.')).status).toBe(200);
    expect((await reply(partnerOf(SHIPPER, ['clarifications:read']), body.id, '"2"')).status).toBe(403);
  });

  it('keeps the second wall: with no filter of its own, a query as an uninvolved organisation sees no thread, no message and no contact', async () => {
    const crn = await under.logContact();
    const asked = await raise(agent, crn);
    expect(asked.status).toBe(201);
    const dataSource = under.service.app.get<DataSource>(DATA_SOURCE);
    const unfiltered = (caller: typeof agent, sql: string) => readAsCaller(dataSource, caller, (manager) => manager.query(sql));
    for (const outsider of [personOf(OTHER_SHIPPER), personOf(OTHER_DN), transporter]) {
      expect(await unfiltered(outsider, `SELECT id FROM clarification WHERE crn = '${crn}'`)).toEqual([]);
      expect(await unfiltered(outsider, `SELECT m.id FROM clarification_message m WHERE m.clarification_id = '${asked.body.id}'`)).toEqual([]);
      expect(await unfiltered(outsider, `SELECT crn FROM involved_contact WHERE crn = '${crn}'`)).toEqual([]);
    }
    // The organisations involved, and the CDSP, see it through the same wall.
    for (const insider of [shipper, agent]) expect(await unfiltered(insider, `SELECT id FROM clarification WHERE crn = '${crn}'`)).toEqual([{ id: asked.body.id }]);
    // The wall is the role's: it may not write, nor read the audit.
    await expect(unfiltered(shipper, 'SELECT id FROM clarification_audit')).rejects.toThrow(/permission denied/);
  });

  it('asks a question once however often the request is retried with the same Idempotency-Key', async () => {
    const crn = await under.logContact();
    const retry = () => under.call(agent, 'POST', `/api/v1/contacts/${crn}/clarifications`, { kind: 'DC', question: 'Is the meter capped?' }, { 'idempotency-key': `ask-${crn}` });
    const first = await retry();
    const second = await retry();
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(await under.service.sql('SELECT count(*)::int AS n FROM clarification WHERE crn = $1', [crn])).toEqual([{ n: 1 }]);
  });

  it("lists my organisation's threads: those waiting on us, overdue, by kind and contact, in pages", async () => {
    const crn = await under.logContact();
    const first = await raise(agent, crn);
    const second = await raise(agent, crn, { kind: 'DC', question: 'And the meter serial number?' });
    await reply(shipper, first.body.id, first.etag);

    const waitingOnShipper = await under.call(shipper, 'GET', `/api/v1/clarifications?crn=${crn}&waitingOnMe=true`);
    expect(waitingOnShipper.body.items.map((thread: any) => thread.id)).toEqual([second.body.id]);
    const waitingOnCdsp = await under.call(agent, 'GET', `/api/v1/clarifications?crn=${crn}&waitingOnMe=true`);
    expect(waitingOnCdsp.body.items.map((thread: any) => thread.id)).toEqual([first.body.id]);
    expect(waitingOnCdsp.body.items[0]).toMatchObject({ messageCount: 2 });

    const page1 = await under.call(agent, 'GET', `/api/v1/clarifications?crn=${crn}&limit=1`);
    expect(page1.body.items.map((thread: any) => thread.id)).toEqual([second.body.id]);
    const page2 = await under.call(agent, 'GET', `/api/v1/clarifications?crn=${crn}&limit=1&cursor=${page1.body.nextCursor}`);
    expect(page2.body).toEqual({ items: [expect.objectContaining({ id: first.body.id })], nextCursor: null });

    expect((await under.call(agent, 'GET', '/api/v1/clarifications?cursor=bm90LW91cnM')).body).toMatchObject({ status: 422, code: 'INVALID_CURSOR' });
    expect((await under.call(agent, 'GET', '/api/v1/clarifications?waitingOnMe=yes')).status).toBe(400);
  });

  it("reminds the side whose turn it is the working day before its due date, marks it overdue after, and forgets a turn that has moved", async () => {
    const crn = await under.logContact();
    const asked = await raise(agent, crn);
    const id = asked.body.id;
    // Due Tuesday 8 December: reminded from the start of Monday 7th, overdue from the start of Wednesday 9th (London).
    expect(await under.service.sql('SELECT kind, due_at FROM timer WHERE key = $1 ORDER BY due_at', [id])).toEqual([
      { kind: 'clarification.reminder', due_at: new Date('2026-12-07T00:00:00Z') },
      { kind: 'clarification.overdue', due_at: new Date('2026-12-09T00:00:00Z') },
    ]);
    const deadlines = async () =>
      (await under.eventsOf(crn, 1)).filter((event) => event.type === 'uk.gas.cms.clarification.deadline-reached.v1').map((event) => [event.data.stage, event.data.waitingOnOrganisationId, event.data.dueOn]);

    clock.set('2026-12-07T00:00:00Z');
    await under.fireDue();
    await under.until('the reminder', deadlines, (reached) => reached.length === 1);
    expect(await deadlines()).toEqual([['REMINDER', SHIPPER.id, '2026-12-08']]);

    // Answered on Monday: the CDSP's turn, due Monday 14th; the shipper's overdue mark is moved with it.
    clock.set('2026-12-07T10:00:00Z');
    expect((await reply(shipper, id, asked.etag)).body).toMatchObject({ waitingOnOrganisationId: CDSP.id, dueOn: '2026-12-14' });
    clock.set('2026-12-09T00:00:00Z');
    await under.fireDue();
    expect((await under.call(agent, 'GET', `/api/v1/clarifications/${id}`)).body.overdue).toBe(false);

    clock.set('2026-12-15T08:00:00Z');
    await under.fireDue();
    await under.until('the overdue mark', deadlines, (reached) => reached.length === 3);
    expect(await deadlines()).toEqual([
      ['REMINDER', SHIPPER.id, '2026-12-08'],
      ['REMINDER', CDSP.id, '2026-12-14'],
      ['OVERDUE', CDSP.id, '2026-12-14'],
    ]);
    expect((await under.call(shipper, 'GET', `/api/v1/clarifications/${id}`)).body).toMatchObject({ overdue: true, dueOn: '2026-12-14' });
    const overdue = await under.call(agent, 'GET', `/api/v1/clarifications?crn=${crn}&overdue=true`);
    expect(overdue.body.items.map((thread: any) => thread.id)).toEqual([id]);

    // Closed, nothing of it fires again.
    await close(agent, id, '"2"');
    expect(await under.service.sql('SELECT kind FROM timer WHERE key = $1', [id])).toEqual([]);
  });

  it('closes the open threads of a contact that is resolved or withdrawn, once however often the event comes', async () => {
    const resolvedCrn = await under.logContact();
    const open = await raise(agent, resolvedCrn);
    const done = await raise(agent, resolvedCrn, { kind: 'DC', question: 'Another question.' });
    await close(agent, done.body.id, done.etag);
    const resolution = under.resolved(resolvedCrn);
    // The resolution twice, then an event behind them on the same partition (same key): once the
    // last is in the inbox, both copies have been through the consumer.
    const behind = under.participantsChanged(resolvedCrn, [SHIPPER.id, CDSP.id]);
    await under.publish(resolution, resolution, behind);
    await under.until('the consumer past the copies', () => under.service.sql('SELECT 1 FROM inbox_message WHERE event_id = $1', [behind.id]), (rows) => rows.length === 1);
    const after = await under.call(shipper, 'GET', `/api/v1/clarifications/${open.body.id}`);
    expect(after.body.closure).toMatchObject({ cause: 'CONTACT_RESOLVED', closedByUserId: null, closedByOrganisationId: null });
    expect(await raise(agent, resolvedCrn)).toMatchObject({ status: 409, body: { code: 'CONTACT_CLOSED' } });

    const withdrawnCrn = await under.logContact();
    const asked = await raise(agent, withdrawnCrn);
    await under.publish(under.withdrawn(withdrawnCrn));
    await under.until('the thread closed', () => under.call(agent, 'GET', `/api/v1/clarifications/${asked.body.id}`), (answer) => answer.body.status === 'CLOSED');
    expect(await reply(shipper, asked.body.id, '"2"')).toMatchObject({ status: 409, body: { code: 'CLARIFICATION_CLOSED' } });

    // One closure of the resolved contact's open thread, however often its resolution came.
    expect(await under.service.sql(`SELECT count(*)::int AS n FROM clarification_audit WHERE clarification_id = $1 AND action = 'CLOSED'`, [open.body.id])).toEqual([{ n: 1 }]);
    const closures = (await under.eventsOf(resolvedCrn, 4)).filter((event) => event.type === 'uk.gas.cms.clarification.closed.v1');
    expect(closures.map((event) => [event.data.clarificationId, event.data.cause])).toEqual([
      [done.body.id, 'CLOSED_BY_PARTICIPANT'],
      [open.body.id, 'CONTACT_RESOLVED'],
    ]);
  });
});
