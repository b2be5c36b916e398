import type { Caller } from '@cms/auth';
import type { DomainEvent } from '@cms/contracts';
import type { Clock, EventOutbox, Transactions } from '@cms/service-defaults';
import { ContactCommandRefused } from '../domain';
import { contactUnderWork } from '../domain/contact-under-work.fixture';
import type { ContactClock } from './contact-clock';
import type { ContactRetention } from './contact-retention';
import { ContactLifecycleHandler } from './contact-lifecycle.handler';
import type { ContactChange, ContactStore } from './contact-store.port';
import type { ContactTimeline } from './contact-timeline.port';
import type { OrganisationMembers } from './organisation-members.port';
import type { ResolutionReasons } from './resolution-reasons.port';

const SHIPPER_ID = 'b39b394d-4352-47f1-9cab-919d828cf087';
const CDSP_ID = '0d3c4a34-5b1c-4a6e-9d2e-1f8b7c6a5e40';

const contact = contactUnderWork({ originatorOrganisationId: SHIPPER_ID, visibleTo: [SHIPPER_ID] });

const supervisor: Caller = { userId: 'xo.supervisor', organisationId: CDSP_ID, organisationType: 'CDSP', roles: ['SUPERVISOR'] };
const agent: Caller = { userId: 'xo.agent', organisationId: CDSP_ID, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };

/** The handler on stand-ins: one contact in the store, the directory knowing `members` (organisation id → user ids). */
function handlerWith(members: Record<string, string[]>) {
  const applied: ContactChange[] = [];
  const recorded: DomainEvent[] = [];
  const asked: [string, string][] = [];
  const store = {
    findForCommand: async () => contact,
    applyChange: async (change: ContactChange) => {
      applied.push(change);
      return contact.version + 1;
    },
  } as Partial<ContactStore> as ContactStore;
  const directory: OrganisationMembers = {
    isActiveMember: async (organisationId, userId) => {
      asked.push([organisationId, userId]);
      return members[organisationId]?.includes(userId) ?? false;
    },
  };
  const reasons: ResolutionReasons = { active: async () => [] };
  const transactions = { run: <T>(work: () => Promise<T>) => work() } as Transactions;
  const outbox = { record: async (...events: DomainEvent[]) => void recorded.push(...events) } as EventOutbox;
  // Assignment moves no clock and writes no timeline entry of its own: those stand-ins are never called.
  const clock = {} as ContactClock;
  const timeline = {} as ContactTimeline;
  const retention = {} as ContactRetention;
  const time = { now: () => new Date('2026-12-01T10:00:00Z') } as Clock;
  return { handler: new ContactLifecycleHandler(store, reasons, transactions, outbox, clock, timeline, time, directory, retention), applied, recorded, asked };
}

describe('assigning a contact, with the directory of the organisation’s users', () => {
  it('lets a supervisor give it to an active user of their organisation, asked of the directory', async () => {
    const { handler, applied, recorded, asked } = handlerWith({ [CDSP_ID]: ['xo.agent2'] });
    expect(await handler.assign(supervisor, contact.crn, 1, 'xo.agent2')).toEqual({ crn: contact.crn, version: 2 });
    expect(asked).toEqual([[CDSP_ID, 'xo.agent2']]);
    expect(applied[0].set).toEqual({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'xo.agent2' });
    expect(recorded.map((event) => event.data)).toEqual([expect.objectContaining({ assigneeUserId: 'xo.agent2', assignedByUserId: 'xo.supervisor' })]);
  });

  it('refuses anyone the directory does not know as an active user of the organisation: 422 UNKNOWN_ASSIGNEE, nothing changed', async () => {
    const { handler, applied, recorded } = handlerWith({ [SHIPPER_ID]: ['bwe.user'] });
    const refusal = await handler.assign(supervisor, contact.crn, 1, 'bwe.user').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(ContactCommandRefused);
    expect(refusal).toMatchObject({ kind: 'INVALID', code: 'UNKNOWN_ASSIGNEE', field: 'assigneeUserId' });
    expect(applied).toEqual([]);
    expect(recorded).toEqual([]);
  });

  it('does not ask the directory when a user takes the contact themselves', async () => {
    const { handler, asked, applied } = handlerWith({});
    await handler.assign(agent, contact.crn, 1);
    await handler.assign(supervisor, contact.crn, 1, supervisor.userId);
    expect(asked).toEqual([]);
    expect(applied).toHaveLength(2);
  });

  it('asks nothing when the domain refuses first, so the answer tells nobody which users exist', async () => {
    const { handler, asked } = handlerWith({ [CDSP_ID]: ['xo.agent2'] });
    await expect(handler.assign(agent, contact.crn, 1, 'xo.agent2')).rejects.toMatchObject({ code: 'SUPERVISOR_ROLE_REQUIRED' });
    expect(asked).toEqual([]);
  });
});
