import type { Caller } from '@cms/auth';
import { TestClock } from '@cms/testing';
import { startContactLogging, TRANSPORTER_ID, type ContactLoggingUnderTest } from './support/contact-logging-under-test';

/**
 * `GET /contacts/statistics`, the CDSP's dashboard (issue 14), over contacts written straight into
 * the tables as the lifecycle would have left them. The period is Wednesday 25 March to Tuesday 7
 * April 2026 (London), across the start of summer time (29 March); today is 10 April.
 *
 * | contact | type | logged (UTC)      | in London         | closed (UTC)             | waits on (due)                      |
 * |---------|------|-------------------|-------------------|--------------------------|-------------------------------------|
 * | L1      | DTL  | 24 Mar 12:00      | 24 Mar: before    | WITHDRAWN 26 Mar         | -                                   |
 * | L2      | DTL  | 25 Mar 00:30      | 25 Mar (GMT)      | VALID 30 Mar: 5 days     | -                                   |
 * | L3      | ISO  | 29 Mar 23:30      | 30 Mar 00:30 (BST)| INVALID, auto, 6 Apr: 7  | BWE, DC (1 Apr), left over: closed  |
 * | L4      | DTL  | 7 Apr 22:30       | 7 Apr 23:30       | open, due 1 May          | BWE, DC (9 Apr); Cadent, SV (10 Apr)|
 * | L5      | DTL  | 7 Apr 23:30       | 8 Apr: after      | open, due 1 Apr: overdue | -                                   |
 * | L6      | ISO  | 31 Mar 10:00      | 31 Mar            | VALID 8 Apr 00:30 (after)| -                                   |
 * | L7      | ISO  | 1 Feb             | before            | open, due 1 Apr, paused  | TGS, OC (2 Apr)                     |
 */
describe('the contact statistics (CDSP dashboard)', () => {
  const bwe = 'b39b394d-4352-47f1-9cab-919d828cf087';
  const tgs = 'c3f47655-09ea-480e-9700-a397bc4fae46';
  const cdsp = '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40';
  const agent: Caller = { userId: 'xo.agent', organisationId: cdsp, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
  const shipper: Caller = { userId: 'bwe.user', organisationId: bwe, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
  const clock = new TestClock('2026-04-10T09:00:00Z');
  let service: ContactLoggingUnderTest;

  interface Row {
    crn: string;
    type: 'DTL' | 'ISO';
    loggedAt: string;
    status?: string;
    outcome?: string;
    closedAt?: string;
    closedAutomatically?: boolean;
    dueOn?: string;
    clockPausedOn?: string;
  }

  async function insert(row: Row, mprn: string) {
    await service.sql(
      `INSERT INTO contact (crn, contact_type, mprn, status, requested_status, originator_organisation_id, originator_user_id,
                            transporter_organisation_id, visible_to, details, logged_at, updated_at, outcome, closed_at,
                            closed_automatically, due_on, clock_paused_on)
       VALUES ($1, $2, $3, $4, 'LI', $5, 'bwe.user', $6, ARRAY[$5::uuid], '{}', $7, $7, $8, $9, $10, $11, $12)`,
      [
        row.crn, row.type, mprn, row.status ?? 'LOGGED', bwe, TRANSPORTER_ID, row.loggedAt, row.outcome ?? null,
        row.closedAt ?? null, row.closedAutomatically ?? null, row.dueOn ?? null, row.clockPausedOn ?? null,
      ],
    );
  }

  async function waitsOn(crn: string, organisationId: string, type: 'DC' | 'OC' | 'SV', dueOn: string) {
    await service.sql(
      `INSERT INTO contact_waiting_on (crn, item_id, item_type, waiting_on_organisation_id, due_on, addressed_to, since)
       VALUES ($1, gen_random_uuid(), $2, $3, $4, NULL, now())`,
      [crn, type, organisationId, dueOn],
    );
  }

  const statistics = (caller: Caller, query: string) => service.call(caller, 'GET', `/api/v1/contacts/statistics${query}`);

  beforeAll(async () => {
    service = await startContactLogging({ databaseName: 'contact_statistics', clock, meterPoints: {} });
    const rows: Row[] = [
      { crn: 'C800000001', type: 'DTL', loggedAt: '2026-03-24T12:00:00Z', status: 'WITHDRAWN', closedAt: '2026-03-26T10:00:00Z' },
      { crn: 'C800000002', type: 'DTL', loggedAt: '2026-03-25T00:30:00Z', status: 'RESOLVED', outcome: 'VALID', closedAt: '2026-03-30T09:00:00Z' },
      {
        crn: 'C800000003', type: 'ISO', loggedAt: '2026-03-29T23:30:00Z', status: 'RESOLVED', outcome: 'INVALID',
        closedAt: '2026-04-06T10:00:00Z', closedAutomatically: true,
      },
      { crn: 'C800000004', type: 'DTL', loggedAt: '2026-04-07T22:30:00Z', status: 'UNDER_INVESTIGATION', dueOn: '2026-05-01' },
      { crn: 'C800000005', type: 'DTL', loggedAt: '2026-04-07T23:30:00Z', dueOn: '2026-04-01' },
      { crn: 'C800000006', type: 'ISO', loggedAt: '2026-03-31T10:00:00Z', status: 'RESOLVED', outcome: 'VALID', closedAt: '2026-04-07T23:30:00Z' },
      { crn: 'C800000007', type: 'ISO', loggedAt: '2026-02-01T10:00:00Z', status: 'UNDER_INVESTIGATION', dueOn: '2026-04-01', clockPausedOn: '2026-03-31' },
    ];
    for (const [index, row] of rows.entries()) await insert(row, `100000000${index}`);
    await waitsOn('C800000003', bwe, 'DC', '2026-04-01');
    await waitsOn('C800000004', bwe, 'DC', '2026-04-09');
    await waitsOn('C800000004', TRANSPORTER_ID, 'SV', '2026-04-10');
    await waitsOn('C800000007', tgs, 'OC', '2026-04-02');
  });

  afterAll(async () => {
    await service?.close();
  });

  it('counts, in London time, the contacts logged in each week of the period by type, every week and type included', async () => {
    const { status, body } = await statistics(agent, '?from=2026-03-25&to=2026-04-07');
    expect(status).toBe(200);
    expect({ from: body.from, to: body.to, today: body.today }).toEqual({ from: '2026-03-25', to: '2026-04-07', today: '2026-04-10' });
    expect(body.loggedPerWeek).toEqual([
      { weekStarting: '2026-03-23', type: 'DTL', contacts: 1 },
      { weekStarting: '2026-03-23', type: 'ISO', contacts: 0 },
      { weekStarting: '2026-03-30', type: 'DTL', contacts: 0 },
      { weekStarting: '2026-03-30', type: 'ISO', contacts: 2 },
      { weekStarting: '2026-04-06', type: 'DTL', contacts: 1 },
      { weekStarting: '2026-04-06', type: 'ISO', contacts: 0 },
    ]);
  });

  it('counts the outcomes, and the days to resolve, of the contacts closed in the period', async () => {
    const { body } = await statistics(agent, '?from=2026-03-25&to=2026-04-07');
    expect(body.outcomes).toEqual([
      { type: 'DTL', outcome: 'VALID', contacts: 1, closedAutomatically: 0 },
      { type: 'DTL', outcome: 'WITHDRAWN', contacts: 1, closedAutomatically: 0 },
      { type: 'ISO', outcome: 'INVALID', contacts: 1, closedAutomatically: 1 },
    ]);
    expect(body.timeToResolve).toEqual({
      resolved: 2,
      medianDays: 6,
      p90Days: 6.8,
      byDays: [
        { days: 5, contacts: 1 },
        { days: 7, contacts: 1 },
      ],
    });
    const empty = await statistics(agent, '?from=2025-01-01&to=2025-01-31');
    expect(empty.body.timeToResolve).toEqual({ resolved: 0, medianDays: null, p90Days: null, byDays: [] });
    expect(empty.body.outcomes).toEqual([]);
  });

  it('counts the open contacts overdue today by the party whose turn it is, whatever the period', async () => {
    const expected = [
      { organisationId: bwe, item: 'DC', contacts: 1 },
      { organisationId: tgs, item: 'OC', contacts: 1 },
      { organisationId: cdsp, item: 'RESOLUTION', contacts: 1 },
    ].sort((a, b) => a.organisationId.localeCompare(b.organisationId));
    for (const period of ['?from=2026-03-25&to=2026-04-07', '?from=2025-01-01&to=2025-01-31']) {
      expect((await statistics(agent, period)).body.overdueByParty).toEqual(expected);
    }
  });

  it('is the CDSP’s alone', async () => {
    const refused = await statistics(shipper, '?from=2026-03-25&to=2026-04-07');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'FORBIDDEN' });
  });

  it('refuses a period that is missing, malformed, backwards or too long, each reason on its parameter', async () => {
    const fieldsOf = async (query: string) => {
      const { status, body } = await statistics(agent, query);
      expect({ status, code: body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
      return [...new Set(body.errors.map((error: { field: string }) => error.field))];
    };
    expect(await fieldsOf('?from=2026-03-25')).toEqual(['to']);
    expect(await fieldsOf('?from=2026-02-30&to=2026-03-01')).toEqual(['from']);
    expect(await fieldsOf('?from=25/03/2026&to=2026-04-07')).toEqual(['from']);
    expect(await fieldsOf('?from=2026-04-07&to=2026-03-25')).toEqual(['to']);
    expect(await fieldsOf('?from=2025-01-01&to=2026-01-02')).toEqual(['from']);
  });

  it('is documented in the OpenAPI document', async () => {
    const document: any = await (await fetch(`${service.baseUrl}/docs-json`)).json();
    const operation = document.paths['/api/v1/contacts/statistics'].get;
    expect(operation.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ContactStatisticsResponse' });
    expect(operation.parameters.map((parameter: { name: string; required: boolean }) => [parameter.name, parameter.required])).toEqual([
      ['from', true],
      ['to', true],
    ]);
  });
});
