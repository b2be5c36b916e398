import { parse } from 'csv-parse/sync';
import type { Caller } from '@cms/auth';
import { TestClock } from '@cms/testing';
import { dtl, startContactLogging, TRANSPORTER_ID, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * `GET /contacts` as the work queues of every side (docs/domain.md "Who uses it", docs/api.md):
 * assigned to me, unassigned, waiting on my organisation, overdue, sorted by due date, paged by
 * keyset, and exported as CSV; always only what the caller's organisation may see.
 *
 * The contacts, logged by two shippers (A by BWE, B by TGS), on 3 December 2026 (London):
 *
 * | contact | status   | agent        | BWE's handler | waits on (due)                       |
 * |---------|----------|--------------|---------------|--------------------------------------|
 * | A1      | UNDER_I. | xo.agent     | bwe.user      | BWE, DC (2 Dec: overdue)             |
 * | A2      | LOGGED   | -            | -             | -                                    |
 * | A3      | UNDER_I. | xo.agent2    | bwe.colleague | CDSP, DC (5 Dec); Cadent, SV (10 Dec)|
 * | A4      | RESOLVED | xo.agent     | -             | BWE, DC (20 Nov), left over: closed  |
 * | A5      | LOGGED   | -            | -             | BWE, DC (3 Dec: due today)           |
 * | A6      | RESOLVED | @SUM(1+1)    | -             | -                                    |
 * | B1      | LOGGED   | -            | bwe.user (!)  | BWE (!), DC (1 Dec: overdue)         |
 * | B2      | UNDER_I. | xo.agent     | -             | TGS, DC (4 Dec)                      |
 *
 * Each open contact is also due for resolution 20 working days after logging (January 2027), later
 * than anything it waits on. B1 names BWE as if it were involved, yet BWE is not in its
 * visible_to: BWE must never see it.
 */
describe('contact work queues and export', () => {
  const bwe = 'b39b394d-4352-47f1-9cab-919d828cf087';
  const tgs = 'c3f47655-09ea-480e-9700-a397bc4fae46';
  const bulkShipper = '5f0c6a2e-8d3b-4c1e-9a7f-2b6d4e8c1a90';
  const cdsp = '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40';
  const bweUser: Caller = { userId: 'bwe.user', organisationId: bwe, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const tgsUser: Caller = { userId: 'tgs.user', organisationId: tgs, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const bulkUser: Caller = { userId: 'xyz.user', organisationId: bulkShipper, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const cadent: Caller = { userId: 'cadent.user', organisationId: TRANSPORTER_ID, organisationType: 'DN', roles: ['CONTACT_USER'] };
  const agent: Caller = { userId: 'xo.agent', organisationId: cdsp, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const mprns = { A1: '3938424403', A2: '2738491003', A3: '5281736406', A4: '9081726309', A5: '1234567890', A6: '1111111111', B1: '2222222222', B2: '3333333333' };
  type Name = keyof typeof mprns;
  /** Exported in batches of 500: this many makes three batches, the last a short one. */
  const BULK_CONTACTS = 1_100;

  const clock = new TestClock('2026-12-03T10:00:00Z');
  let service: ContactLoggingUnderTest;
  let loggedFrom: string;
  const crns = {} as Record<Name, string>;
  const names = new Map<string, Name>();

  beforeAll(async () => {
    service = await startContactLogging({
      databaseName: 'contact_queues',
      clock,
      meterPoints: Object.fromEntries(
        Object.entries(mprns).map(([name, mprn]) => [mprn, { status: 'DE', registeredShipper: name.startsWith('A') ? bwe : tgs }]),
      ),
    });
    // Logged on the service's clock: the contacts of this table from today, the bulk ones from 2020.
    loggedFrom = new Date(clock.now().getTime() - 86_400_000).toISOString();
    for (const name of Object.keys(mprns) as Name[]) {
      const logged = await service.post(name.startsWith('A') ? bweUser : tgsUser, dtl(mprns[name], undefined, clock.now()));
      expect(logged.status).toBe(201);
      crns[name] = logged.body.crn;
      names.set(logged.body.crn, name);
    }

    // Through the routes: the agent takes A1 for investigation, then BWE's user takes BWE's side of it.
    expect((await assign(agent, 'A1', '"1"')).status).toBe(200);
    expect((await assign(bweUser, 'A1', '"2"')).status).toBe(200);
    // The rest set directly, as the lifecycle and the other services' events would have left them.
    await setContact('A3', { status: 'UNDER_INVESTIGATION', investigating_agent_user_id: 'xo.agent2', handlers: { [bwe]: 'bwe.colleague' } });
    await setContact('A4', { status: 'RESOLVED', investigating_agent_user_id: 'xo.agent' });
    await setContact('A6', { status: 'RESOLVED', investigating_agent_user_id: '@SUM(1+1)' });
    await setContact('B1', { handlers: { [bwe]: 'bwe.user' } });
    await setContact('B2', { status: 'UNDER_INVESTIGATION', investigating_agent_user_id: 'xo.agent' });
    await waitsOn('A1', bwe, 'DC', '2026-12-02');
    await waitsOn('A3', cdsp, 'DC', '2026-12-05');
    await waitsOn('A3', TRANSPORTER_ID, 'SV', '2026-12-10');
    await waitsOn('A4', bwe, 'DC', '2026-11-20');
    await waitsOn('A5', bwe, 'DC', '2026-12-03');
    await waitsOn('B1', bwe, 'DC', '2026-12-01');
    await waitsOn('B2', tgs, 'DC', '2026-12-04');

    // A third shipper's resolved contacts from 2020, enough for an export of several batches.
    await service.sql(
      `INSERT INTO contact (crn, contact_type, mprn, status, requested_status, originator_organisation_id, originator_user_id,
                            transporter_organisation_id, registered_shipper_organisation_id, visible_to, details, logged_at,
                            updated_at, meter_point_status_at_logging)
       SELECT 'C9' || lpad(n::text, 8, '0'), 'DTL', lpad(n::text, 10, '0'), 'RESOLVED', 'LI', $1, 'xyz.user', $2, $1,
              ARRAY[$1::uuid], '{}', timestamptz '2020-01-01T00:00:00Z' + n * interval '1 minute',
              timestamptz '2020-02-01T00:00:00Z', 'DE'
         FROM generate_series(1, $3::int) AS n`,
      [bulkShipper, TRANSPORTER_ID, BULK_CONTACTS],
    );
  });

  afterAll(async () => {
    await service?.close();
  });

  function assign(caller: Caller, name: Name, ifMatch: string) {
    return service.call(caller, 'POST', `/api/v1/contacts/${crns[name]}/assign`, {}, { 'if-match': ifMatch });
  }

  async function setContact(name: Name, set: { status?: string; investigating_agent_user_id?: string; handlers?: Record<string, string> }) {
    await service.sql(
      `UPDATE contact SET status = coalesce($2, status), investigating_agent_user_id = coalesce($3, investigating_agent_user_id),
                          handlers = coalesce($4::jsonb, handlers)
        WHERE crn = $1`,
      [crns[name], set.status ?? null, set.investigating_agent_user_id ?? null, set.handlers ? JSON.stringify(set.handlers) : null],
    );
  }

  async function waitsOn(name: Name, organisationId: string, type: 'DC' | 'SV', dueOn: string) {
    await service.sql(
      `INSERT INTO contact_waiting_on (crn, item_id, item_type, waiting_on_organisation_id, due_on, addressed_to, since)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, NULL, now())`,
      [crns[name], type, organisationId, dueOn],
    );
  }

  const list = (caller: Caller, query = '') => service.call(caller, 'GET', `/api/v1/contacts${query}`);

  /** The contacts of a list answer, by their names in the table above (a bulk contact would show as its CRN). */
  async function listed(caller: Caller, query = ''): Promise<string[]> {
    const { status, body } = await list(caller, query);
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    return body.items.map((item: { crn: string }) => names.get(item.crn) ?? item.crn);
  }

  /** Every page of a list, `limit` at a time, by names. */
  async function allPages(caller: Caller, query: string, limit: number): Promise<Name[][]> {
    const pages: Name[][] = [];
    let cursor: string | null = null;
    do {
      const { status, body } = await list(caller, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      expect(status).toBe(200);
      pages.push(body.items.map((item: { crn: string }) => names.get(item.crn)));
      cursor = body.nextCursor;
    } while (cursor && pages.length < 20);
    return pages;
  }

  async function csv(caller: Caller, query = '', accept = 'text/csv') {
    const response = await fetch(`${service.baseUrl}/api/v1/contacts${query}`, {
      headers: { authorization: `Bearer ${await service.issuer.tokenFor(caller)}`, accept },
    });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  describe('for a CDSP agent', () => {
    it('lists the contacts I investigate, open and closed, and only mine', async () => {
      expect(await listed(agent, '?assignedTo=me')).toEqual(['B2', 'A4', 'A1']);
      expect(await listed(agent, '?assignedTo=me&status=UNDER_INVESTIGATION')).toEqual(['B2', 'A1']);
      expect(await listed({ ...agent, userId: 'xo.agent2' }, '?assignedTo=me')).toEqual(['A3']);
    });

    it('lists the open contacts no agent investigates yet, whoever logged them', async () => {
      expect(await listed(agent, '?unassigned=true')).toEqual(['B1', 'A5', 'A2']);
    });

    it('lists the open contacts waiting on the CDSP', async () => {
      expect(await listed(agent, '?waitingOnMe=true')).toEqual(['A3']);
    });

    it('lists the open contacts waiting on anything past its due date; due today is not overdue, a closed contact never', async () => {
      expect(await listed(agent, '?overdue=true')).toEqual(['B1', 'A1']);
      clock.set('2026-12-04T00:30:00Z'); // 4 December in London: A5's DC, due on the 3rd, is now overdue
      try {
        expect(await listed(agent, '?overdue=true')).toEqual(['B1', 'A5', 'A1']);
      } finally {
        clock.set('2026-12-03T10:00:00Z');
      }
    });

    it("counts the contact's own resolution due date while its clock runs, not while it waits on the originator", async () => {
      const { body: contact } = await service.call(agent, 'GET', `/api/v1/contacts/${crns.A2}`);
      expect(contact.dueOn).toMatch(/^2027-01-\d\d$/); // 20 working days after 3 December, Christmas skipped
      expect((await list(agent, `?crn=${crns.A2}`)).body.items[0]).toMatchObject({ nextDueOn: contact.dueOn, overdue: false });
      try {
        await service.sql(`UPDATE contact SET due_on = '2026-12-02' WHERE crn = $1`, [crns.A2]);
        expect((await list(agent, `?crn=${crns.A2}`)).body.items[0]).toMatchObject({ nextDueOn: '2026-12-02', overdue: true });
        expect(await listed(agent, '?overdue=true')).toEqual(['B1', 'A2', 'A1']);
        await service.sql(`UPDATE contact SET clock_paused_on = '2026-11-30' WHERE crn = $1`, [crns.A2]);
        expect((await list(agent, `?crn=${crns.A2}`)).body.items[0]).toMatchObject({ nextDueOn: null, overdue: false });
        expect(await listed(agent, '?overdue=true')).toEqual(['B1', 'A1']);
      } finally {
        await service.sql(`UPDATE contact SET due_on = $2, clock_paused_on = NULL WHERE crn = $1`, [crns.A2, contact.dueOn]);
      }
    });

    it('sorts soonest due first, contacts due by nothing last, across pages without a gap or a repeat', async () => {
      const pages = await allPages(agent, `?sort=dueOn&loggedFrom=${loggedFrom}`, 2);
      expect(pages).toEqual([['B1', 'A1'], ['A5', 'B2'], ['A3', 'A2'], ['A4', 'A6']]);
      const newestFirst = await allPages(agent, `?loggedFrom=${loggedFrom}`, 3);
      expect(newestFirst).toEqual([['B2', 'B1', 'A6'], ['A5', 'A4', 'A3'], ['A2', 'A1']]);
    });

    it('shows, in each item, who investigates it, who works my side of it, its next due date and whether it is overdue', async () => {
      const { body } = await list(agent, `?crn=${crns.A3}`);
      expect(body.items).toEqual([
        expect.objectContaining({ crn: crns.A3, investigatingAgentUserId: 'xo.agent2', handlerUserId: 'xo.agent2', nextDueOn: '2026-12-05', overdue: false }),
      ]);
      const closed = await list(agent, `?crn=${crns.A4}`);
      expect(closed.body.items[0]).toMatchObject({ status: 'RESOLVED', nextDueOn: null, overdue: false });
    });
  });

  describe('for a shipper', () => {
    it("lists the contacts I handle for my organisation, never another organisation's", async () => {
      expect(await listed(bweUser, '?assignedTo=me')).toEqual(['A1']);
      expect(await listed({ ...bweUser, userId: 'bwe.colleague' }, '?assignedTo=me')).toEqual(['A3']);
      expect(await listed(tgsUser, '?assignedTo=me')).toEqual([]);
    });

    it('lists the open contacts nobody of my organisation handles yet', async () => {
      expect(await listed(bweUser, '?unassigned=true')).toEqual(['A5', 'A2']);
      expect(await listed(tgsUser, '?unassigned=true')).toEqual(['B2', 'B1']);
    });

    it('lists the open contacts waiting on my organisation', async () => {
      expect(await listed(bweUser, '?waitingOnMe=true')).toEqual(['A5', 'A1']);
      expect(await listed(tgsUser, '?waitingOnMe=true')).toEqual(['B2']);
    });

    it('lists my overdue contacts', async () => {
      expect(await listed(bweUser, '?overdue=true')).toEqual(['A1']);
      expect(await listed(tgsUser, '?overdue=true')).toEqual(['B1']);
    });

    it('combines the filters: all must hold', async () => {
      expect(await listed(bweUser, '?waitingOnMe=true&overdue=true&sort=dueOn')).toEqual(['A1']);
      expect(await listed(bweUser, '?unassigned=true&status=LOGGED&type=DTL&sort=dueOn')).toEqual(['A5', 'A2']);
      expect(await listed(bweUser, `?waitingOnMe=true&mprn=${mprns.A5}`)).toEqual(['A5']);
      expect(await listed(bweUser, '?assignedTo=me&unassigned=true')).toEqual([]);
    });

    it('sorts soonest due first across pages', async () => {
      expect(await allPages(bweUser, '?sort=dueOn', 2)).toEqual([['A1', 'A5'], ['A3', 'A2'], ['A4', 'A6']]);
    });

    it("shows my organisation's handler in each item", async () => {
      const { body } = await list(bweUser, `?crn=${crns.A1}`);
      expect(body.items).toEqual([
        expect.objectContaining({ crn: crns.A1, investigatingAgentUserId: 'xo.agent', handlerUserId: 'bwe.user', nextDueOn: '2026-12-02', overdue: true }),
      ]);
    });

    it('never shows a contact my organisation is not involved in, whatever it names or waits on', async () => {
      const queries = ['', '?assignedTo=me', '?unassigned=true', '?waitingOnMe=true', '?overdue=true', '?sort=dueOn', `?crn=${crns.B1}`];
      for (const query of queries) {
        const { body } = await list(bweUser, `${query}${query ? '&' : '?'}limit=100`);
        expect(body.items.map((item: { crn: string }) => item.crn)).not.toEqual(expect.arrayContaining([crns.B1]));
        expect(body.items.every((item: { crn: string }) => names.get(item.crn)?.startsWith('A'))).toBe(true);
      }
    });

    it('shows a transporter what waits on it only once it is involved in the contact', async () => {
      expect(await listed(cadent, '?waitingOnMe=true')).toEqual([]);
      await service.sql(`UPDATE contact SET visible_to = visible_to || $2::uuid WHERE crn = $1`, [crns.A3, TRANSPORTER_ID]);
      try {
        expect(await listed(cadent, '?waitingOnMe=true')).toEqual(['A3']);
      } finally {
        await service.sql(`UPDATE contact SET visible_to = array_remove(visible_to, $2::uuid) WHERE crn = $1`, [crns.A3, TRANSPORTER_ID]);
      }
    });
  });

  describe('its parameters', () => {
    it.each([
      ['assignedTo', 'someone'],
      ['unassigned', 'false'],
      ['waitingOnMe', '1'],
      ['overdue', 'yes'],
      ['sort', 'priority'],
    ])('refuses %s=%s with 400 VALIDATION_FAILED naming it', async (parameter, value) => {
      const { status, body } = await list(bweUser, `?${parameter}=${value}`);
      expect(status).toBe(400);
      expect(body.code).toBe('VALIDATION_FAILED');
      expect(body.errors).toEqual([expect.objectContaining({ field: parameter })]);
    });

    it("refuses a cursor of one sort given to the other, and one it did not make, with 422 INVALID_CURSOR", async () => {
      const byDue = await list(bweUser, '?sort=dueOn&limit=1');
      const newest = await list(bweUser, '?limit=1');
      expect((await list(bweUser, `?limit=1&cursor=${byDue.body.nextCursor}`)).body.code).toBe('INVALID_CURSOR');
      expect((await list(bweUser, `?sort=dueOn&limit=1&cursor=${newest.body.nextCursor}`)).body.code).toBe('INVALID_CURSOR');
      const forged = await list(bweUser, `?cursor=${Buffer.from('["loggedAt","2026-12-03T10:00:00.000Z","X"]').toString('base64url')}`);
      expect(forged.status).toBe(422);
      expect(forged.body.code).toBe('INVALID_CURSOR');
    });

    it('documents every filter and both answers in the OpenAPI document', async () => {
      const document: any = await (await fetch(`${service.baseUrl}/docs-json`)).json();
      const operation = document.paths['/api/v1/contacts'].get;
      const parameters = Object.fromEntries(operation.parameters.map((p: { name: string; schema: unknown }) => [p.name, p.schema]));
      expect(parameters).toMatchObject({
        assignedTo: { enum: ['me'] },
        unassigned: { type: 'string', enum: ['true'] },
        waitingOnMe: { type: 'string', enum: ['true'] },
        overdue: { type: 'string', enum: ['true'] },
        sort: { enum: ['loggedAt', 'dueOn'], default: 'loggedAt' },
        limit: { minimum: 1, maximum: 100 },
      });
      expect(Object.keys(operation.responses['200'].content)).toEqual(['application/json', 'text/csv']);
      expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ContactListResponse' });
      expect(document.components.schemas.ContactListItemResponse.required).toEqual(
        expect.arrayContaining(['investigatingAgentUserId', 'handlerUserId', 'nextDueOn', 'overdue']),
      );
    });
  });

  describe('exported as CSV', () => {
    it('answers CSV when Accept asks for it: every matching contact in the list order, as an attachment named for the day', async () => {
      const { status, headers, text } = await csv(bweUser, '?sort=dueOn');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(headers.get('content-disposition')).toBe('attachment; filename="contacts-2026-12-03.csv"');
      expect(headers.get('vary')).toContain('Accept');
      const records: Record<string, string>[] = parse(text, { columns: true });
      expect(records.map((record) => names.get(record.crn))).toEqual(['A1', 'A5', 'A3', 'A2', 'A4', 'A6']);
      expect(records[0]).toEqual({
        crn: crns.A1,
        type: 'DTL',
        mprn: mprns.A1,
        status: 'UNDER_INVESTIGATION',
        requestedStatus: 'LI',
        originatorOrganisationId: bwe,
        transporterOrganisationId: TRANSPORTER_ID,
        investigatingAgentUserId: 'xo.agent',
        handlerUserId: 'bwe.user',
        nextDueOn: '2026-12-02',
        overdue: 'true',
        loggedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      // A user id a spreadsheet would run as a formula is written as text.
      expect(records[5].investigatingAgentUserId).toBe("'@SUM(1+1)");
    });

    it('takes the same filters and visibility as the JSON list', async () => {
      const records = async (query: string, caller: Caller) => {
        const parsed: { crn: string }[] = parse((await csv(caller, query)).text, { columns: true });
        return parsed.map((record) => names.get(record.crn));
      };
      expect(await records('?waitingOnMe=true', bweUser)).toEqual(await listed(bweUser, '?waitingOnMe=true'));
      expect(await records('?overdue=true', agent)).toEqual(['B1', 'A1']);
      expect(await records('', tgsUser)).toEqual(['B2', 'B1']);
      expect(await records('', bweUser)).toEqual(['A6', 'A5', 'A4', 'A3', 'A2', 'A1']);
    });

    it('streams all of a large list, over every batch, each contact once', async () => {
      const { status, text } = await csv(bulkUser);
      expect(status).toBe(200);
      const records: { crn: string; loggedAt: string }[] = parse(text, { columns: true });
      expect(records).toHaveLength(BULK_CONTACTS);
      expect(new Set(records.map((record) => record.crn)).size).toBe(BULK_CONTACTS);
      expect(records[0].crn).toBe(`C9${String(BULK_CONTACTS).padStart(8, '0')}`);
      expect(records[BULK_CONTACTS - 1].crn).toBe('C900000001');
    });

    it('answers JSON by default, and to a client preferring it', async () => {
      expect((await csv(bweUser, '', '*/*')).headers.get('content-type')).toMatch(/^application\/json/);
      expect((await csv(bweUser, '', 'application/json, text/csv;q=0.5')).headers.get('content-type')).toMatch(/^application\/json/);
      expect((await csv(bweUser, '', 'text/csv, application/json;q=0.5')).headers.get('content-type')).toMatch(/^text\/csv/);
    });

    it('refuses the JSON paging parameters with CSV, as 400 VALIDATION_FAILED', async () => {
      const { status, headers, text } = await csv(bweUser, '?limit=10&cursor=abc');
      expect(status).toBe(400);
      expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(JSON.parse(text)).toMatchObject({ code: 'VALIDATION_FAILED', errors: [{ field: 'limit' }, { field: 'cursor' }] });
    });

    it('refuses an unknown filter value with problem details, not a file', async () => {
      const { status, headers } = await csv(bweUser, '?overdue=no');
      expect(status).toBe(400);
      expect(headers.get('content-disposition')).toBeNull();
    });

    it('answers problem details, not an empty file, when the first read fails', async () => {
      await service.sql('REVOKE SELECT ON contact_waiting_on FROM cms_contact_reader');
      try {
        const { status, headers, text } = await csv(bweUser);
        expect(status).toBe(500);
        expect(headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(headers.get('content-disposition')).toBeNull();
        expect(JSON.parse(text)).toMatchObject({ code: 'INTERNAL_ERROR' });
      } finally {
        await service.sql('GRANT SELECT ON contact_waiting_on TO cms_contact_reader');
      }
    });
  });
});
