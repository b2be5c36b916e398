import type { Caller } from '@cms/auth';
import type { Clock } from '@cms/service-defaults';
import type { ContactListFilter, ContactListRow, ContactStore } from './contact-store.port';
import { ContactQueries, EXPORT_BATCH_SIZE } from './contact.queries';
import type { ResolutionReasons } from './resolution-reasons.port';

const shipperOrganisation = 'b39b394d-4352-47f1-9cab-919d828cf087';
const shipper: Caller = { userId: 'bwe.user', organisationId: shipperOrganisation, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
const agent: Caller = { userId: 'xo.agent', organisationId: '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40', organisationType: 'CDSP', roles: ['CDSP_AGENT'] };

function contactRow(n: number, overrides: Partial<ContactListRow> = {}): ContactListRow {
  return {
    crn: `C${String(n).padStart(9, '0')}`,
    contact_type: 'DTL',
    mprn: '3938424403',
    status: 'UNDER_INVESTIGATION',
    requested_status: 'LI',
    originator_organisation_id: shipperOrganisation,
    originator_user_id: 'bwe.user',
    transporter_organisation_id: '383da001-dcc0-4cf5-8481-59b9749b0a6c',
    registered_shipper_organisation_id: shipperOrganisation,
    details: {},
    outcome: null,
    outcome_reason: null,
    logged_at: new Date(Date.UTC(2026, 10, 1) + n * 60_000),
    updated_at: new Date(Date.UTC(2026, 11, 1)),
    version: 2,
    meter_point_status_at_logging: 'DE',
    meter_point_status_after: null,
    visible_to: [shipperOrganisation],
    investigating_agent_user_id: 'xo.agent',
    handlers: { [shipperOrganisation]: 'bwe.handler' },
    outcome_reason_code: null,
    outcome_note: null,
    closed_automatically: null,
    closed_at: null,
    closed_by_user_id: null,
    withdrawal_reason: null,
    ldz: 'NW',
    due_on: '2026-12-29',
    clock_paused_on: null,
    next_due_on: '2026-12-08',
    overdue: false,
    ...overrides,
  };
}

/** A store holding `rows` newest first, answering each read with the rows after the filter's position. */
class ListedContacts {
  readonly filters: ContactListFilter[] = [];
  constructor(private readonly rows: ContactListRow[]) {}

  readonly store = {
    listVisible: async (_caller: Caller, filter: ContactListFilter): Promise<ContactListRow[]> => {
      this.filters.push(filter);
      const after = filter.after;
      const start = after ? this.rows.findIndex((row) => row.crn === after.crn) + 1 : 0;
      return this.rows.slice(start, start + filter.limit);
    },
  } as unknown as ContactStore;
}

function queriesOn(contacts: ListedContacts, now = '2026-12-03T10:00:00Z'): ContactQueries {
  const clock: Clock = { now: () => new Date(now) };
  return new ContactQueries(contacts.store, {} as ResolutionReasons, clock);
}

describe('the contact list as work queues', () => {
  const newestFirst = (count: number) => Array.from({ length: count }, (_, i) => contactRow(count - i));

  it("asks for a CDSP user's side as the investigation and anyone else's as their organisation's handler", async () => {
    const contacts = new ListedContacts([]);
    const queries = queriesOn(contacts);
    await queries.list(agent, { assignedTo: 'me', unassigned: 'true', waitingOnMe: 'true', overdue: 'true' });
    await queries.list(shipper, { assignedTo: 'me', unassigned: 'true', waitingOnMe: 'true' });
    expect(contacts.filters[0]).toMatchObject({
      assignedTo: { side: { role: 'INVESTIGATING_AGENT' }, userId: 'xo.agent' },
      unassigned: { role: 'INVESTIGATING_AGENT' },
      waitingOn: agent.organisationId,
      overdue: true,
      sort: 'loggedAt',
    });
    expect(contacts.filters[1]).toMatchObject({
      assignedTo: { side: { role: 'HANDLER', organisationId: shipperOrganisation }, userId: 'bwe.user' },
      unassigned: { role: 'HANDLER', organisationId: shipperOrganisation },
      waitingOn: shipperOrganisation,
    });
    expect(contacts.filters[1].overdue).toBeUndefined();
  });

  it("judges overdue on the clock's day in Great Britain, not in UTC", async () => {
    const contacts = new ListedContacts([]);
    // 23:30 UTC on 30 June is already 1 July in London (British Summer Time).
    await queriesOn(contacts, '2026-06-30T23:30:00Z').list(shipper, { overdue: 'true' });
    expect(contacts.filters[0].today).toBe('2026-07-01');
  });

  it("shows who works my organisation's side: the investigating agent to the CDSP, my organisation's handler to others", async () => {
    const contacts = new ListedContacts([contactRow(1, { next_due_on: '2026-12-01', overdue: true })]);
    const [forAgent] = (await queriesOn(contacts).list(agent, {})).items;
    const [forShipper] = (await queriesOn(contacts).list(shipper, {})).items;
    expect(forAgent).toMatchObject({ investigatingAgentUserId: 'xo.agent', handlerUserId: 'xo.agent', nextDueOn: '2026-12-01', overdue: true });
    expect(forShipper).toMatchObject({ investigatingAgentUserId: 'xo.agent', handlerUserId: 'bwe.handler' });
  });

  it('continues a page from its cursor in the same sort, and refuses a cursor of another sort', async () => {
    const contacts = new ListedContacts(newestFirst(5));
    const queries = queriesOn(contacts);
    const first = await queries.list(shipper, { sort: 'dueOn', limit: 2 });
    expect(first.items.map((item) => item.crn)).toEqual(['C000000005', 'C000000004']);
    const second = await queries.list(shipper, { sort: 'dueOn', limit: 2, cursor: first.nextCursor ?? undefined });
    expect(contacts.filters[1].after).toEqual({ sort: 'dueOn', dueOn: '2026-12-08', crn: 'C000000004' });
    expect(second.items.map((item) => item.crn)).toEqual(['C000000003', 'C000000002']);
    await expect(queries.list(shipper, { limit: 2, cursor: first.nextCursor ?? undefined })).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    expect(contacts.filters).toHaveLength(2);
  });

  it('answers no cursor on the last page', async () => {
    const page = await queriesOn(new ListedContacts(newestFirst(2))).list(shipper, { limit: 2 });
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toBeNull();
  });

  it('exports every contact over as many batches as it takes, each continuing after the last row of the one before', async () => {
    const total = EXPORT_BATCH_SIZE * 2 + 3;
    const contacts = new ListedContacts(newestFirst(total));
    const exported = queriesOn(contacts).export(shipper, { sort: 'loggedAt' });
    const crns: string[] = [];
    for await (const item of exported.contacts) crns.push(item.crn);

    expect(exported.today).toBe('2026-12-03');
    expect(crns).toHaveLength(total);
    expect(new Set(crns).size).toBe(total);
    expect(crns[0]).toBe(`C${String(total).padStart(9, '0')}`);
    expect(crns[total - 1]).toBe('C000000001');
    expect(contacts.filters.map((filter) => [filter.limit, filter.after?.crn])).toEqual([
      [EXPORT_BATCH_SIZE, undefined],
      [EXPORT_BATCH_SIZE, crns[EXPORT_BATCH_SIZE - 1]],
      [EXPORT_BATCH_SIZE, crns[2 * EXPORT_BATCH_SIZE - 1]],
    ]);
  });

  it('reads nothing until the export is consumed, and stops reading when its consumer stops', async () => {
    const contacts = new ListedContacts(newestFirst(EXPORT_BATCH_SIZE * 3));
    const exported = queriesOn(contacts).export(agent, {});
    expect(contacts.filters).toHaveLength(0);
    for await (const item of exported.contacts) {
      if (item) break;
    }
    expect(contacts.filters).toHaveLength(1);
  });
});
