// site-visits in process, exactly as main.ts runs it, on its own database and the test Kafka broker,
// with real signed tokens, its clock injected (a TestClock) and stand-ins for contact-logging and the
// meter point register. Contacts reach it as contact-logging publishes them, on cms.contacts.v1.
import { Client } from 'pg';
import { TimerRunner } from '@cms/service-defaults';
import { TestClock } from '@cms/testing';
import {
  ALTERNATIVE_ADDRESS,
  CADENT,
  callers,
  contactEvents,
  DTL_EVIDENCE,
  eventually,
  IGT,
  NGN,
  ORIGINATOR_CONTACT,
  SHIPPER,
  startSiteVisits,
  SUPPLY_ADDRESS,
  type SiteVisitsUnderTest,
} from './support/site-visits-under-test';

// Tuesday 1 December 2026, 10:00 in London. England and Wales close on Friday 11 December too
// (CLOSURE_DAYS), Scotland does not: ten working days on is Wednesday 16 December in NW, Tuesday 15 in SC.
const REFERRED_AT = '2026-12-01T10:00:00Z';
const DUE_IN_ENGLAND = '2026-12-16';
const DUE_IN_SCOTLAND = '2026-12-15';

describe('site-visits service', () => {
  const clock = new TestClock(REFERRED_AT);
  let sv: SiteVisitsUnderTest;

  beforeAll(async () => {
    sv = await startSiteVisits({
      databaseName: 'site_visits',
      clock,
      env: { SITE_VISIT_FINDING_WORKING_DAYS: '10', CLOSURE_DAYS: 'ENGLAND_AND_WALES:2026-12-11' },
    });
  });

  afterAll(async () => {
    await sv?.close();
  });

  afterEach(() => clock.set(REFERRED_AT));

  const sql = <T = any>(text: string, values: unknown[] = []) => sv.service.sql<T>(text, values);
  const fireDue = () => sv.service.app.get(TimerRunner).fireDue();

  /** Publishes a ContactLogged and waits until the service has its copy. */
  async function loggedContact(overrides: Parameters<typeof contactEvents.logged>[1] = {}): Promise<string> {
    const crn = sv.nextCrn();
    await sv.publish(contactEvents.logged(crn, overrides));
    await eventually(() => sv.call(callers.agent, 'GET', `/api/v1/contacts/${crn}/site-visits`), (answer) => answer.status === 200);
    return crn;
  }

  const refer = (crn: string, body: unknown = { instructions: 'Check whether gas is flowing.' }, headers?: Record<string, string>) =>
    sv.call(callers.agent, 'POST', `/api/v1/contacts/${crn}/site-visits`, body, headers);
  const accept = (caller = callers.cadent, id: string, version = 1, body: unknown = { accepted: true }) =>
    sv.call(caller, 'POST', `/api/v1/site-visits/${id}/acceptance`, body, { 'if-match': `"${version}"` });
  const finding = (caller = callers.cadent, id: string, version: number, body: Record<string, unknown> = {}) =>
    sv.call(caller, 'POST', `/api/v1/site-visits/${id}/finding`, { confirmed: true, visitedOn: '2026-12-03', notes: 'Meter in use, gas flowing.', ...body }, {
      'if-match': `"${version}"`,
    });

  async function referred(crn: string): Promise<string> {
    const answer = await refer(crn);
    expect(answer.status).toBe(201);
    return answer.body.id;
  }

  async function events(crn: string, type: string): Promise<any[]> {
    const rows = await sql<{ payload: string }>(
      `SELECT payload FROM outbox_message WHERE message_key = $1 AND headers->>'ce_type' = $2 ORDER BY created_at, id`,
      [crn, `uk.gas.cms.site-visit.${type}.v1`],
    );
    return rows.map((row) => JSON.parse(row.payload));
  }

  const timersOf = (id: string) => sql<{ kind: string; due_at: Date }>('SELECT kind, due_at FROM timer WHERE key = $1 ORDER BY due_at', [id]);

  it('is ready: its database and the broker answer', async () => {
    const response = await sv.service.fetch('/health/ready');
    expect(response.status).toBe(200);
  });

  it('answers 401 problem details without an access token', async () => {
    const response = await sv.service.fetch('/api/v1/site-visits');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });

  it('documents its routes, their problem answers and the visit in its OpenAPI document', async () => {
    const document: any = await (await sv.service.fetch('/docs-json')).json();
    const statuses = (path: string, method: string) => Object.keys(document.paths[path][method].responses).sort();

    expect(statuses('/api/v1/contacts/{crn}/site-visits', 'post')).toEqual(['201', '400', '401', '403', '404', '409', '422', '503']);
    expect(statuses('/api/v1/contacts/{crn}/site-visits', 'get')).toEqual(['200', '401', '404']);
    // 422: INVALID_CURSOR, a cursor of the documented shape this API did not return.
    expect(statuses('/api/v1/site-visits', 'get')).toEqual(['200', '400', '401', '422']);
    expect(statuses('/api/v1/site-visits/{id}', 'get')).toEqual(['200', '401', '404']);
    for (const command of ['acceptance', 'finding']) {
      const operation = document.paths[`/api/v1/site-visits/{id}/${command}`].post;
      expect(Object.keys(operation.responses).sort()).toEqual(['200', '400', '401', '403', '404', '409', '412', '422', '428']);
      expect(operation.parameters.map((parameter: { name: string }) => parameter.name)).toEqual(expect.arrayContaining(['If-Match', 'Idempotency-Key']));
    }
    expect(statuses('/api/v1/audit/site-visits', 'get')).toEqual(['200', '400', '401', '403', '404', '422']);
    expect(document.components.schemas.SiteVisitResponse.required).toEqual(
      expect.arrayContaining(['confirmStatus', 'details', 'status', 'version', 'dueOn', 'overdue', 'acceptance', 'finding', 'cancellation']),
    );
    expect(document.components.schemas.ReportFindingRequest.required).toEqual(['confirmed', 'visitedOn', 'notes']);
  });

  describe('referral → acceptance → finding', () => {
    it("refers the contact to its DN with what the visit must confirm and the contact's details, fetched on behalf of the agent", async () => {
      const crn = await loggedContact();
      sv.standIns.asked.length = 0;

      const answer = await refer(crn);

      expect(answer.status).toBe(201);
      expect(answer.headers.get('location')).toBe(`/api/v1/site-visits/${answer.body.id}`);
      expect(answer.headers.get('etag')).toBe('"1"');
      expect(answer.body).toMatchObject({
        crn,
        mprn: '8804621501',
        contactType: 'DTL',
        transporterOrganisationId: CADENT.id,
        confirmStatus: 'LI',
        instructions: 'Check whether gas is flowing.',
        status: 'REFERRED',
        version: 1,
        referredByUserId: callers.agent.userId,
        referredAt: new Date(REFERRED_AT).toISOString(),
        dueOn: DUE_IN_ENGLAND,
        overdue: false,
        details: {
          supplyAddress: SUPPLY_ADDRESS,
          alternativeAddress: ALTERNATIVE_ADDRESS,
          originatorContact: ORIGINATOR_CONTACT,
          description: 'Gas in use at the property.',
          evidence: DTL_EVIDENCE,
        },
        acceptance: null,
        finding: null,
        cancellation: null,
      });
      const agentToken = sv.standIns.asked[0]?.authorization;
      expect(sv.standIns.asked.map((asked) => asked.path).sort()).toEqual([`/api/v1/contacts/${crn}`, '/api/v1/meter-points/8804621501']);
      expect(sv.standIns.asked.every((asked) => asked.authorization === agentToken && agentToken?.startsWith('Bearer '))).toBe(true);
      const [event] = await events(crn, 'referred');
      expect(event).toMatchObject({ siteVisitId: answer.body.id, transporterOrganisationId: CADENT.id, confirmStatus: 'LI', dueOn: DUE_IN_ENGLAND });
      expect(event.organisationIds).toEqual([SHIPPER.id, CADENT.id]);
    });

    it('lets the DN read its visit at once, accept it and report a confirmed finding; each step audited and announced', async () => {
      const crn = await loggedContact();
      const id = await referred(crn);

      const read = await sv.call(callers.cadent, 'GET', `/api/v1/site-visits/${id}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe('"1"');

      const noIfMatch = await sv.call(callers.cadent, 'POST', `/api/v1/site-visits/${id}/acceptance`, { accepted: true });
      expect(noIfMatch.status).toBe(428);
      const early = await finding(callers.cadent, id, 1);
      expect(early).toMatchObject({ status: 409, body: { code: 'ILLEGAL_TRANSITION' } });

      const accepted = await accept(callers.cadent, id, 1);
      expect(accepted.status).toBe(200);
      expect(accepted.headers.get('etag')).toBe('"2"');
      expect(accepted.body).toMatchObject({ status: 'ACCEPTED', version: 2, acceptance: { accepted: true, byUserId: callers.cadent.userId, reason: null } });
      expect((await accept(callers.cadent, id, 2)).body).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' });
      expect((await finding(callers.cadent, id, 1)).body).toMatchObject({ status: 412, code: 'STALE_VERSION' });

      clock.set('2026-12-04T15:00:00Z');
      expect((await finding(callers.cadent, id, 2, { visitedOn: '2026-12-05' })).body).toMatchObject({ status: 422, code: 'VISIT_DATE_IN_FUTURE' });
      expect((await finding(callers.cadent, id, 2, { visitedOn: '2026-11-30' })).body).toMatchObject({ status: 422, code: 'VISIT_DATE_BEFORE_REFERRAL' });
      expect((await finding(callers.cadent, id, 2, { visitedOn: '2026-11-31' })).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect((await finding(callers.cadent, 'not-a-visit', 2)).body).toMatchObject({ status: 404, code: 'NOT_FOUND' });
      const reported = await finding(callers.cadent, id, 2, { meterSerialNumber: 'G4A-1', meterRead: '04530', condition: 'In use' });

      expect(reported.status).toBe(200);
      expect(reported.body).toMatchObject({
        status: 'FINDING_REPORTED',
        version: 3,
        finding: { confirmed: true, visitedOn: '2026-12-03', notes: 'Meter in use, gas flowing.', meterSerialNumber: 'G4A-1', meterRead: '04530', condition: 'In use' },
      });
      expect(await timersOf(id)).toEqual([]);
      expect(await events(crn, 'accepted')).toEqual([expect.objectContaining({ siteVisitId: id, acceptedByUserId: callers.cadent.userId })]);
      expect(await events(crn, 'finding-reported')).toEqual([expect.objectContaining({ siteVisitId: id, confirmed: true, meterRead: '04530' })]);
      const audit = await sv.call(callers.cdspAdmin, 'GET', `/api/v1/audit/site-visits?siteVisitId=${id}`);
      expect(audit.body.items.map((item: { action: string }) => item.action)).toEqual(['FINDING_REPORTED', 'ACCEPTED', 'REFERRED']);
      expect(audit.body.items[0]).toMatchObject({ actor: { userId: callers.cadent.userId, organisationId: CADENT.id }, organisationId: CADENT.id, crn });
    });

    it("takes a finding that does not confirm the status from the DN's partner system, on its scopes", async () => {
      const crn = await loggedContact();
      const id = await referred(crn);

      expect((await sv.call(callers.cadentSystem, 'GET', '/api/v1/site-visits')).status).toBe(200);
      expect((await accept(callers.cadentSystem, id, 1)).status).toBe(200);
      const reported = await finding(callers.cadentSystem, id, 2, { confirmed: false, visitedOn: '2026-12-01', notes: 'Service removed, no meter on site.' });

      expect(reported.body).toMatchObject({ status: 'FINDING_REPORTED', finding: { confirmed: false, byUserId: callers.cadentSystem.userId } });
      expect(await events(crn, 'finding-reported')).toEqual([expect.objectContaining({ confirmed: false })]);
      const readOnly = { ...callers.cadentSystem, scopes: ['site-visits:read'] };
      expect((await accept(readOnly, id, 3)).status).toBe(403);
    });

    it('takes a decline with its reason back to the agent, who may refer the contact again', async () => {
      const crn = await loggedContact();
      const id = await referred(crn);

      expect((await accept(callers.cadent, id, 1, { accepted: false })).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      const declined = await accept(callers.cadent, id, 1, { accepted: false, reason: 'No access: the property is boarded up.' });

      expect(declined.body).toMatchObject({ status: 'DECLINED', acceptance: { accepted: false, reason: 'No access: the property is boarded up.' } });
      expect(await timersOf(id)).toEqual([]);
      expect(await events(crn, 'declined')).toEqual([expect.objectContaining({ siteVisitId: id, reason: 'No access: the property is boarded up.' })]);
      expect((await finding(callers.cadent, id, 2)).body).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' });
      expect((await refer(crn)).status).toBe(201);
      const visits = await sv.call(callers.shipper, 'GET', `/api/v1/contacts/${crn}/site-visits`);
      expect(visits.body.items.map((visit: { status: string }) => visit.status)).toEqual(['DECLINED', 'REFERRED']);
    });

    it('goes to the IGT whose network the meter point is on, not the LDZ’s DN', async () => {
      const crn = await loggedContact({ transporterOrganisationId: IGT.id });
      const answer = await refer(crn);

      expect(answer.body).toMatchObject({ transporterOrganisationId: IGT.id });
      expect((await sv.call(callers.cadent, 'GET', `/api/v1/site-visits/${answer.body.id}`)).status).toBe(404);
      expect((await accept(callers.igt, answer.body.id, 1)).body).toMatchObject({ status: 'ACCEPTED' });
    });
  });

  describe('refusals', () => {
    it('keeps one open visit per contact at a time', async () => {
      const crn = await loggedContact();
      const id = await referred(crn);

      const second = await refer(crn);

      expect(second.body).toMatchObject({ status: 409, code: 'SITE_VISIT_ALREADY_OPEN' });
      expect(second.body.detail).toContain(id);
    });

    it('is referred by a CDSP agent only, and answered by the transporter only', async () => {
      const crn = await loggedContact();
      expect((await sv.call(callers.shipper, 'POST', `/api/v1/contacts/${crn}/site-visits`, {})).body).toMatchObject({ status: 403, code: 'AGENT_ROLE_REQUIRED' });
      expect((await sv.call(callers.cdspAdmin, 'POST', `/api/v1/contacts/${crn}/site-visits`, {})).body).toMatchObject({ status: 403, code: 'AGENT_ROLE_REQUIRED' });
      const id = await referred(crn);
      expect((await accept(callers.shipper, id, 1)).body).toMatchObject({ status: 403, code: 'TRANSPORTER_ONLY' });
      expect((await accept(callers.agent, id, 1)).body).toMatchObject({ status: 403, code: 'TRANSPORTER_ONLY' });
      expect((await accept(callers.cadentLso, id, 1)).body).toMatchObject({ status: 403, code: 'TRANSPORTER_ROLE_REQUIRED' });
    });

    it('answers 404 on every route to an organisation not involved, exactly as for nothing at all', async () => {
      const crn = await loggedContact();
      const id = await referred(crn);
      const missingId = '0193a7b0-0000-7000-8000-000000000000';
      const routes = (visit: string, contact: string) => [
        ['GET', `/api/v1/site-visits/${visit}`],
        ['GET', `/api/v1/contacts/${contact}/site-visits`],
        ['POST', `/api/v1/contacts/${contact}/site-visits`, {}],
        ['POST', `/api/v1/site-visits/${visit}/acceptance`, { accepted: true }],
        ['POST', `/api/v1/site-visits/${visit}/finding`, { confirmed: true, visitedOn: '2026-12-01', notes: 'Seen.' }],
      ] as const;

      for (const caller of [callers.otherShipper, callers.ngn, callers.igt]) {
        const hidden = routes(id, crn);
        const missing = routes(missingId, 'C000000000');
        for (const [index, [method, path, body]] of hidden.entries()) {
          const answer = await sv.call(caller, method, path, body, { 'if-match': '"1"' });
          const none = await sv.call(caller, missing[index][0], missing[index][1], missing[index][2], { 'if-match': '"1"' });
          expect([caller.userId, method, path, answer.status, answer.body.code]).toEqual([caller.userId, method, path, 404, 'NOT_FOUND']);
          expect(answer.body.detail).toBe(none.body.detail);
        }
        const list = await sv.call(caller, 'GET', '/api/v1/site-visits?limit=100');
        expect(list.body.items.map((visit: { id: string }) => visit.id)).not.toContain(id);
      }
    });

    it('keeps a visit from a reader the database itself does not let see its contact (row-level security)', async () => {
      const crn = await loggedContact();
      await referred(crn);
      const client = new Client({ connectionString: sv.service.databaseUrl });
      await client.connect();
      try {
        const count = async (organisationId: string, organisationType: string) => {
          await client.query('BEGIN');
          await client.query(`SELECT set_config('role', 'cms_contact_reader', true), set_config('cms.organisation_id', $1, true), set_config('cms.organisation_type', $2, true)`, [
            organisationId,
            organisationType,
          ]);
          const { rows } = await client.query('SELECT count(*)::int AS n FROM site_visit WHERE crn = $1', [crn]);
          await client.query('ROLLBACK');
          return rows[0].n;
        };
        expect(await count(NGN.id, 'DN')).toBe(0);
        expect(await count(CADENT.id, 'DN')).toBe(1);
        expect(await count(SHIPPER.id, 'SHIPPER')).toBe(1);
      } finally {
        await client.end();
      }
    });

    it('replays a referral retried with the same Idempotency-Key and refers once', async () => {
      const crn = await loggedContact();
      const first = await refer(crn, {}, { 'idempotency-key': `refer-${crn}` });
      const retry = await refer(crn, {}, { 'idempotency-key': `refer-${crn}` });

      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.body.id).toBe(first.body.id);
      expect(await events(crn, 'referred')).toHaveLength(1);
    });

    it('answers 503 and refers nothing when the contact’s details cannot be fetched', async () => {
      const crn = await loggedContact();
      sv.standIns.available = false;
      try {
        expect((await refer(crn)).body).toMatchObject({ status: 503, code: 'CONTACT_DETAILS_UNAVAILABLE' });
      } finally {
        sv.standIns.available = true;
      }
      expect(await events(crn, 'referred')).toEqual([]);
    });
  });

  describe('the work list', () => {
    it('shows a DN its own visits soonest due first, filtered by status and due date, a keyset page at a time; the CDSP all', async () => {
      const english = await loggedContact();
      const scottish = await loggedContact({ ldz: 'SC' });
      const onIgt = await loggedContact({ transporterOrganisationId: IGT.id });
      const [englishId, scottishId, igtId] = [await referred(english), await referred(scottish), await referred(onIgt)];
      const query = `status=REFERRED&dueFrom=${DUE_IN_SCOTLAND}&dueTo=${DUE_IN_ENGLAND}`;

      const first = await sv.call(callers.cadent, 'GET', `/api/v1/site-visits?${query}&limit=1`);
      const ids: string[] = first.body.items.map((visit: { id: string }) => visit.id);
      for (let cursor = first.body.nextCursor; cursor; ) {
        const page = await sv.call(callers.cadent, 'GET', `/api/v1/site-visits?${query}&limit=1&cursor=${cursor}`);
        ids.push(...page.body.items.map((visit: { id: string }) => visit.id));
        cursor = page.body.nextCursor;
      }

      expect(ids.indexOf(scottishId)).toBeLessThan(ids.indexOf(englishId));
      expect(ids).not.toContain(igtId);
      const all = await sv.call(callers.agent, 'GET', `/api/v1/site-visits?${query}&limit=100`);
      expect(all.body.items.map((visit: { id: string }) => visit.id)).toEqual(expect.arrayContaining([englishId, scottishId, igtId]));
      const later = await sv.call(callers.cadent, 'GET', `/api/v1/site-visits?dueFrom=2026-12-17&limit=100`);
      expect(later.body.items.map((visit: { id: string }) => visit.id)).not.toContain(englishId);
      expect((await sv.call(callers.cadent, 'GET', '/api/v1/site-visits?cursor=bogus')).body).toMatchObject({ status: 422, code: 'INVALID_CURSOR' });
      expect((await sv.call(callers.cadent, 'GET', '/api/v1/site-visits?status=OPEN')).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect((await sv.call(callers.cadent, 'GET', '/api/v1/site-visits?dueFrom=2026-02-30')).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
      expect((await sv.call(callers.cadent, 'GET', '/api/v1/site-visits?dueTo=2026-12-01T00:00:00Z')).body).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' });
    });
  });

  describe('the clock', () => {
    it("is due ten working days after the referral in the meter point's calendar, with its closure days", async () => {
      const english = await referred(await loggedContact());
      const scottish = await referred(await loggedContact({ ldz: 'SC' }));

      expect((await sv.call(callers.agent, 'GET', `/api/v1/site-visits/${english}`)).body.dueOn).toBe(DUE_IN_ENGLAND);
      expect((await sv.call(callers.agent, 'GET', `/api/v1/site-visits/${scottish}`)).body.dueOn).toBe(DUE_IN_SCOTLAND);
      expect((await timersOf(english)).map((timer) => [timer.kind, timer.due_at.toISOString()])).toEqual([
        ['site-visit.finding-reminder', '2026-12-15T00:00:00.000Z'], // the working day before, London midnight (GMT)
        ['site-visit.finding-overdue', '2026-12-17T00:00:00.000Z'],
      ]);
    });

    it('reminds the working day before the due date and marks it overdue after, each once', async () => {
      const crn = await loggedContact();
      const id = await referred(crn);

      clock.set('2026-12-14T23:00:00Z');
      await fireDue();
      expect(await events(crn, 'deadline-reached')).toEqual([]);

      clock.set('2026-12-15T08:00:00Z');
      await fireDue();
      await fireDue();
      expect(await events(crn, 'deadline-reached')).toEqual([
        expect.objectContaining({ siteVisitId: id, stage: 'REMINDER', dueOn: DUE_IN_ENGLAND, transporterOrganisationId: CADENT.id }),
      ]);
      expect((await sv.call(callers.cadent, 'GET', `/api/v1/site-visits/${id}`)).body.overdue).toBe(false);

      clock.set('2026-12-17T08:00:00Z');
      await fireDue();
      expect((await events(crn, 'deadline-reached')).map((event) => event.stage)).toEqual(['REMINDER', 'OVERDUE']);
      expect((await sv.call(callers.cadent, 'GET', `/api/v1/site-visits/${id}`)).body.overdue).toBe(true);
      expect(await timersOf(id)).toEqual([]);
    });
  });

  describe("the contact's end", () => {
    it('cancels the open visit when the contact is resolved, once, whatever is redelivered', async () => {
      const crn = await loggedContact();
      const id = await referred(crn);
      const resolved = contactEvents.resolved(crn, [SHIPPER.id, CADENT.id]);

      await sv.publish(resolved);
      const cancelled = await eventually(() => sv.call(callers.cadent, 'GET', `/api/v1/site-visits/${id}`), (answer) => answer.body.status === 'CANCELLED');

      expect(cancelled.body).toMatchObject({ version: 2, cancellation: { cause: 'CONTACT_RESOLVED', at: resolved.data.resolvedAt } });
      expect(await timersOf(id)).toEqual([]);
      expect((await accept(callers.cadent, id, 2)).body).toMatchObject({ status: 409, code: 'ILLEGAL_TRANSITION' });
      expect((await refer(crn)).body).toMatchObject({ status: 409, code: 'CONTACT_NOT_OPEN' });

      // The same event again, then a later one on the contact's partition: once that is read, the redelivery was too.
      await sv.publish(resolved, contactEvents.participantsChanged(crn, [SHIPPER.id, CADENT.id, NGN.id], [NGN.id]));
      await eventually(
        () => sql<{ organisation_ids: string[] }>('SELECT organisation_ids FROM involved_contact WHERE crn = $1', [crn]),
        ([contact]) => contact?.organisation_ids.includes(NGN.id) ?? false,
      );
      expect(await events(crn, 'cancelled')).toEqual([expect.objectContaining({ siteVisitId: id, cause: 'CONTACT_RESOLVED' })]);
      expect(await sql('SELECT action FROM site_visit_audit WHERE site_visit_id = $1 ORDER BY id', [id])).toEqual([{ action: 'REFERRED' }, { action: 'CANCELLED' }]);
    });

    it('cancels an accepted visit when the contact is withdrawn, and leaves a finished one as it is', async () => {
      const withdrawnCrn = await loggedContact();
      const accepted = await referred(withdrawnCrn);
      await accept(callers.cadent, accepted, 1);
      const declinedCrn = await loggedContact();
      const declined = await referred(declinedCrn);
      await accept(callers.cadent, declined, 1, { accepted: false, reason: 'Not our network.' });

      await sv.publish(contactEvents.withdrawn(withdrawnCrn, [SHIPPER.id, CADENT.id]), contactEvents.withdrawn(declinedCrn, [SHIPPER.id, CADENT.id]));

      const cancelled = await eventually(() => sv.call(callers.agent, 'GET', `/api/v1/site-visits/${accepted}`), (answer) => answer.body.status === 'CANCELLED');
      expect(cancelled.body.cancellation).toMatchObject({ cause: 'CONTACT_WITHDRAWN' });
      await eventually(
        () => sql<{ status: string }>('SELECT status FROM involved_contact WHERE crn = $1', [declinedCrn]),
        ([contact]) => contact?.status === 'WITHDRAWN',
      );
      expect((await sv.call(callers.agent, 'GET', `/api/v1/site-visits/${declined}`)).body.status).toBe('DECLINED');
      expect(await events(declinedCrn, 'cancelled')).toEqual([]);
    });
  });
});
