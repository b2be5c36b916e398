import { Kafka, logLevel } from 'kafkajs';
import type { Caller } from '@cms/auth';
import { Topics } from '@cms/contracts';
import { testKafkaBrokers } from '@cms/testing';
import { dtl, startContactLogging, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * A contact worked to its outcome (docs/domain.md "Investigation", "Outcome", "Lifecycle (PD)"):
 * assignment, resolution, withdrawal; their versions (If-Match → 412/428), their refusals (409, 403,
 * 422), their history entries, audit records and events.
 */
describe('contact lifecycle', () => {
  const shipper: Caller = { userId: 'bwe.user', organisationId: 'b39b394d-4352-47f1-9cab-919d828cf087', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const colleague: Caller = { ...shipper, userId: 'bwe.colleague' };
  const otherShipper: Caller = { userId: 'tgs.user', organisationId: 'c3f47655-09ea-480e-9700-a397bc4fae46', organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const cdsp = '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40';
  const agent: Caller = { userId: 'xo.agent', organisationId: cdsp, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const secondAgent: Caller = { ...agent, userId: 'xo.agent2' };
  const supervisor: Caller = { ...agent, userId: 'xo.supervisor', roles: ['SUPERVISOR'] };
  const shipperSupervisor: Caller = { ...shipper, userId: 'bwe.supervisor', roles: ['CONTACT_USER', 'SUPERVISOR'] };
  // Not in the demo register: the ContactResolved events of this suite reach the test broker, where a
  // meter-points suite's register (the demo extract) reads them too and must find nothing to change.
  const mprns = Array.from({ length: 11 }, (_, i) => `88000000${String(i + 1).padStart(2, '0')}`);
  let service: ContactLoggingUnderTest;
  // Every suite's fresh database hands out the same CRNs, and all write to one topic on the test broker.
  const startedAt = Date.now();

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_lifecycle',
      meterPoints: Object.fromEntries(mprns.map((mprn) => [mprn, { status: 'DE', registeredShipper: shipper.organisationId }])),
      // access-control's users, as it knows them now.
      users: {
        'xo.supervisor': { organisationId: cdsp, roles: ['SUPERVISOR'], status: 'ACTIVE' },
        'xo.agent2': { organisationId: cdsp, roles: ['CDSP_AGENT'], status: 'ACTIVE' },
        'bwe.supervisor': { organisationId: shipper.organisationId, roles: ['CONTACT_USER', 'SUPERVISOR'], status: 'ACTIVE' },
        'bwe.colleague': { organisationId: shipper.organisationId, roles: ['CONTACT_USER'], status: 'ACTIVE' },
        'bwe.user': { organisationId: shipper.organisationId, roles: ['CONTACT_USER'], status: 'ACTIVE' },
        'bwe.away': { organisationId: shipper.organisationId, roles: ['CONTACT_USER'], status: 'SUSPENDED' },
        'tgs.user': { organisationId: otherShipper.organisationId, roles: ['CONTACT_USER'], status: 'ACTIVE' },
      },
    });
  });

  afterAll(async () => {
    await service?.close();
  });

  let next = 0;
  async function logged(): Promise<string> {
    const { status, body } = await service.post(shipper, dtl(mprns[next++]));
    expect(status).toBe(201);
    return body.crn;
  }
  const read = (caller: Caller, crn: string) => service.call(caller, 'GET', `/api/v1/contacts/${crn}`);
  const command = (caller: Caller, crn: string, name: string, body: unknown, ifMatch?: string) =>
    service.call(caller, 'POST', `/api/v1/contacts/${crn}/${name}`, body, ifMatch === undefined ? {} : { 'if-match': ifMatch });

  it('takes a logged contact for investigation, resolves it VALID, and records each step with its event', async () => {
    const crn = await logged();
    const first = await read(agent, crn);
    expect(first.headers.get('etag')).toBe('"1"');
    expect(first.body).toMatchObject({ version: 1, meterPointStatusAtLogging: 'DE', investigatingAgentUserId: null, handlers: [] });

    const assigned = await command(agent, crn, 'assign', {}, '"1"');
    expect(assigned.status).toBe(200);
    expect(assigned.headers.get('etag')).toBe('"2"');
    expect(assigned.body).toMatchObject({ status: 'UNDER_INVESTIGATION', version: 2, investigatingAgentUserId: 'xo.agent' });

    const resolved = await command(agent, crn, 'resolution', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED', note: 'Read confirmed.\nMeter in use.' }, '"2"');
    expect(resolved.status).toBe(200);
    expect(resolved.body).toMatchObject({
      status: 'RESOLVED',
      version: 3,
      outcome: 'VALID',
      outcomeReasonCode: 'GAS_FLOW_CONFIRMED',
      outcomeReason: 'Gas flow confirmed (meter read or site visit)',
      outcomeNote: 'Read confirmed.\nMeter in use.',
      closedAutomatically: false,
      closedByUserId: 'xo.agent',
    });
    expect(resolved.body.history.map((entry: { action: string }) => entry.action)).toEqual(['LOGGED', 'ASSIGNED', 'RESOLVED']);
    expect(resolved.body.history[2]).toMatchObject({ actorUserId: 'xo.agent', actorOrganisationId: cdsp, detail: { outcome: 'VALID', meterPointStatusTo: 'LI' } });
    // The originator sees the outcome and the whole history too.
    expect((await read(shipper, crn)).body.history).toHaveLength(3);

    const audit = await service.sql('SELECT action, before->>\'status\' AS before, after->>\'status\' AS after FROM contact_audit WHERE crn = $1 ORDER BY id', [crn]);
    expect(audit).toEqual([
      { action: 'LOGGED', before: null, after: 'LOGGED' },
      { action: 'ASSIGNED', before: 'LOGGED', after: 'UNDER_INVESTIGATION' },
      { action: 'RESOLVED', before: 'UNDER_INVESTIGATION', after: 'RESOLVED' },
    ]);
    const events = await eventsOf(crn, 3);
    expect(events.map((event) => event.type)).toEqual(['uk.gas.cms.contact.logged.v1', 'uk.gas.cms.contact.assigned.v1', 'uk.gas.cms.contact.resolved.v1']);
    expect(events[2].data).toMatchObject({
      crn,
      outcome: 'VALID',
      reasonCode: 'GAS_FLOW_CONFIRMED',
      automatic: false,
      requestedStatus: 'LI',
      meterPointStatusAtLogging: 'DE',
      resolvedByUserId: 'xo.agent',
      loggedByUserId: 'bwe.user',
      organisationIds: [shipper.organisationId],
    });
  });

  it('answers 428 without If-Match and 412 with a stale one, changing nothing', async () => {
    const crn = await logged();
    const missing = await command(agent, crn, 'assign', {});
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');

    expect((await command(agent, crn, 'assign', {}, '"1"')).status).toBe(200);
    const stale = await command(shipper, crn, 'withdrawal', { reason: 'Raised in error.' }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'STALE_VERSION', detail: expect.stringContaining('it is at version 2 now') });
    expect((await read(shipper, crn)).body).toMatchObject({ status: 'UNDER_INVESTIGATION', version: 2 });
  });

  it('refuses illegal transitions with 409 ILLEGAL_TRANSITION and a second agent with ASSIGNED_TO_ANOTHER_USER; a supervisor transfers it', async () => {
    const crn = await logged();
    const early = await command(agent, crn, 'resolution', { outcome: 'INVALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }, '"1"');
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ code: 'ILLEGAL_TRANSITION', detail: 'Cannot resolve a contact that is LOGGED: resolve is allowed only when the contact is UNDER_INVESTIGATION.' });

    await command(agent, crn, 'assign', {}, '"1"');
    const taken = await command(secondAgent, crn, 'assign', {}, '"2"');
    expect(taken.status).toBe(409);
    expect(taken.body.code).toBe('ASSIGNED_TO_ANOTHER_USER');

    const transferred = await command(supervisor, crn, 'assign', { assigneeUserId: 'xo.agent2' }, '"2"');
    expect(transferred.status).toBe(200);
    expect(transferred.body.investigatingAgentUserId).toBe('xo.agent2');
    expect(transferred.body.history[2]).toMatchObject({ action: 'ASSIGNED', actorUserId: 'xo.supervisor', detail: { previousAssigneeUserId: 'xo.agent' } });

    const resolved = await command(secondAgent, crn, 'resolution', { outcome: 'INVALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }, '"3"');
    expect(resolved.body).toMatchObject({ status: 'RESOLVED', outcome: 'INVALID' });
    const again = await command(shipper, crn, 'withdrawal', { reason: 'Too late.' }, '"4"');
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it("lets the originator's organisation withdraw; refuses anyone else as forbidden, and other organisations as if it did not exist", async () => {
    const crn = await logged();
    const byAgent = await command(agent, crn, 'withdrawal', { reason: 'No.' }, '"1"');
    expect(byAgent.status).toBe(403);
    expect(byAgent.body.code).toBe('ORIGINATOR_ONLY');
    expect((await command(otherShipper, crn, 'withdrawal', { reason: 'No.' }, '"1"')).status).toBe(404);
    expect((await command(otherShipper, crn, 'assign', {}, '"1"')).status).toBe(404);

    const withdrawn = await command(colleague, crn, 'withdrawal', { reason: 'Raised against the wrong meter point.' }, '"1"');
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({ status: 'WITHDRAWN', withdrawalReason: 'Raised against the wrong meter point.', closedByUserId: 'bwe.colleague' });
    const [event] = (await eventsOf(crn, 2)).slice(1);
    expect(event).toMatchObject({ type: 'uk.gas.cms.contact.withdrawn.v1', data: { reason: 'Raised against the wrong meter point.', withdrawnByOrganisationId: shipper.organisationId } });
  });

  it("makes a shipper's user the handler of its side without moving the contact", async () => {
    const crn = await logged();
    const handled = await command(colleague, crn, 'assign', {}, '"1"');
    expect(handled.body).toMatchObject({ status: 'LOGGED', handlers: [{ organisationId: shipper.organisationId, userId: 'bwe.colleague' }] });
    expect((await command(shipper, crn, 'assign', {}, '"2"')).body.code).toBe('ASSIGNED_TO_ANOTHER_USER');
  });

  it("lets a supervisor give their organisation's side to a colleague, then take it over", async () => {
    const crn = await logged();
    const given = await command(shipperSupervisor, crn, 'assign', { assigneeUserId: 'bwe.colleague' }, '"1"');
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ status: 'LOGGED', version: 2, handlers: [{ organisationId: shipper.organisationId, userId: 'bwe.colleague' }] });
    expect(given.body.history[1]).toMatchObject({ action: 'ASSIGNED', actorUserId: 'bwe.supervisor', detail: { role: 'HANDLER', assigneeUserId: 'bwe.colleague', previousAssigneeUserId: null } });

    const taken = await command(shipperSupervisor, crn, 'assign', {}, '"2"');
    expect(taken.body).toMatchObject({ version: 3, handlers: [{ organisationId: shipper.organisationId, userId: 'bwe.supervisor' }] });
  });

  it('refuses to give it to anyone but an active user of the organisation: 422 UNKNOWN_ASSIGNEE, the same for each', async () => {
    const crn = await logged();
    const refusals = [];
    for (const assigneeUserId of ['no.such.user', 'tgs.user', 'bwe.away']) {
      const refused = await command(shipperSupervisor, crn, 'assign', { assigneeUserId }, '"1"');
      expect(refused.status).toBe(422);
      expect(refused.body).toMatchObject({ code: 'UNKNOWN_ASSIGNEE', errors: [{ code: 'UNKNOWN_ASSIGNEE', field: 'assigneeUserId' }] });
      refusals.push(refused.body.detail.replace(assigneeUserId, '…'));
    }
    expect(new Set(refusals).size).toBe(1);
    const refusedByAgentSide = await command(supervisor, crn, 'assign', { assigneeUserId: 'bwe.colleague' }, '"1"');
    expect(refusedByAgentSide.body.code).toBe('UNKNOWN_ASSIGNEE');
    expect((await read(shipper, crn)).body).toMatchObject({ version: 1, status: 'LOGGED', investigatingAgentUserId: null, handlers: [] });
    expect(await service.sql("SELECT count(*)::int AS n FROM contact_history WHERE crn = $1 AND action = 'ASSIGNED'", [crn])).toEqual([{ n: 0 }]);
  });

  it('answers 503 and changes nothing while access-control cannot be asked; taking it yourself needs no directory; back, it transfers', async () => {
    const crn = await logged();
    service.directory.available = false;
    try {
      const unavailable = await command(shipperSupervisor, crn, 'assign', { assigneeUserId: 'bwe.colleague' }, '"1"');
      expect(unavailable.status).toBe(503);
      expect(unavailable.body.code).toBe('ACCESS_CONTROL_UNAVAILABLE');
      expect((await read(shipper, crn)).body).toMatchObject({ version: 1, handlers: [] });
      expect((await command(colleague, crn, 'assign', {}, '"1"')).status).toBe(200);
    } finally {
      service.directory.available = true;
    }
    const transferred = await command(shipperSupervisor, crn, 'assign', { assigneeUserId: 'bwe.user' }, '"2"');
    expect(transferred.body).toMatchObject({ version: 3, handlers: [{ organisationId: shipper.organisationId, userId: 'bwe.user' }] });
  });

  it('refuses a supervisor whose role access-control has taken away since their token was issued', async () => {
    const crn = await logged();
    service.directory.users.set('bwe.supervisor', { organisationId: shipper.organisationId, roles: ['CONTACT_USER'], status: 'ACTIVE' });
    try {
      const refused = await command(shipperSupervisor, crn, 'assign', { assigneeUserId: 'bwe.colleague' }, '"1"');
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('SUPERVISOR_ROLE_REQUIRED');
      expect((await read(shipper, crn)).body.version).toBe(1);
    } finally {
      service.directory.users.set('bwe.supervisor', { organisationId: shipper.organisationId, roles: ['CONTACT_USER', 'SUPERVISOR'], status: 'ACTIVE' });
    }
  });

  it('answers 422 with the field for a resolution reason of the other outcome, and 400 for a body of the wrong shape', async () => {
    const crn = await logged();
    await command(agent, crn, 'assign', {}, '"1"');
    const wrongReason = await command(agent, crn, 'resolution', { outcome: 'VALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }, '"2"');
    expect(wrongReason.status).toBe(422);
    expect(wrongReason.body).toMatchObject({ code: 'INVALID_RESOLUTION', errors: [{ field: 'reasonCode' }] });
    const unknownField = await command(agent, crn, 'resolution', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED', extra: 1 }, '"2"');
    expect(unknownField.status).toBe(400);
    expect((await read(agent, crn)).body.version).toBe(2);
  });

  it('lists the resolution reasons an agent may give, without the automatic one', async () => {
    const { status, body } = await service.call(agent, 'GET', '/api/v1/resolution-reasons');
    expect(status).toBe(200);
    expect(body).toContainEqual({ code: 'GAS_FLOW_CONFIRMED', label: 'Gas flow confirmed (meter read or site visit)', outcome: 'VALID' });
    expect(body.map((reason: { code: string }) => reason.code)).not.toContain('NO_RESPONSE_TO_DC');
  });

  it('runs two agents taking one contact at once one after the other: one takes it, the other is refused', async () => {
    const crn = await logged();
    const results = await Promise.all([command(agent, crn, 'assign', {}, '"1"'), command(secondAgent, crn, 'assign', {}, '"1"')]);
    expect(results.map((result) => result.status).sort()).toEqual([200, 412]);
    expect(await service.sql("SELECT count(*)::int AS n FROM contact_history WHERE crn = $1 AND action = 'ASSIGNED'", [crn])).toEqual([{ n: 1 }]);
  });

  /** The first `count` events of this suite's contact on its topic, in order. */
  async function eventsOf(crn: string, count: number): Promise<{ type: string; data: any }[]> {
    const kafka = new Kafka({ clientId: 'contact-lifecycle-test', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `contact-lifecycle-test-${crn}-${Date.now()}` });
    const events: { type: string; data: any }[] = [];
    await consumer.connect();
    await consumer.subscribe({ topic: Topics.contacts, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.key?.toString() === crn && Number(message.timestamp) >= startedAt) events.push({ type: message.headers!.ce_type!.toString(), data: JSON.parse(message.value!.toString()) });
      },
    });
    const deadline = Date.now() + 20_000;
    while (events.length < count && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    await consumer.disconnect();
    return events;
  }
});

