import {
  assigneesFor,
  contactActions,
  currentHolder,
  threadActions,
  visitActions,
  worksReferrals,
  worksTheQueue,
  type ContactFacts,
  type Role,
  type Viewer,
} from './contact-permissions';

const CDSP = 'org-cds';
const SHIPPER = 'org-bwe';
const DN = 'org-cad';
const OTHER_DN = 'org-ngn';

const agent: Viewer = { userId: 'cds.agent', organisationId: CDSP, organisationType: 'CDSP', roles: ['CDSP_AGENT'] };
const cdspSupervisor: Viewer = { userId: 'cds.lso', organisationId: CDSP, organisationType: 'CDSP', roles: ['LSO', 'SUPERVISOR'] };
const cdspAdmin: Viewer = { userId: 'cds.admin', organisationId: CDSP, organisationType: 'CDSP', roles: ['CDSP_ADMIN'] };
const shipper: Viewer = { userId: 'bwe.user', organisationId: SHIPPER, organisationType: 'SHIPPER', roles: ['CONTACT_USER'] };
const shipperLso: Viewer = { userId: 'bwe.lso', organisationId: SHIPPER, organisationType: 'SHIPPER', roles: ['LSO'] };
const transporter: Viewer = { userId: 'cad.user', organisationId: DN, organisationType: 'DN', roles: ['TRANSPORTER_USER'] };

const contact = (changes: Partial<ContactFacts> = {}): ContactFacts => ({
  status: 'LOGGED',
  originatorOrganisationId: SHIPPER,
  transporterOrganisationId: DN,
  investigatingAgentUserId: null,
  handlers: [],
  ...changes,
});
const allowed = (actions: object) =>
  Object.entries(actions)
    .filter(([, may]) => may)
    .map(([action]) => action);

describe('who may do what on a contact', () => {
  it('lets a CDSP agent take a logged contact, ask a DC and refer it; resolving waits until it is under investigation', () => {
    expect(allowed(contactActions(agent, contact(), []))).toEqual(['take', 'raiseDc', 'refer']);
    expect(
      allowed(contactActions(agent, contact({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'cds.agent' }), [])),
    ).toEqual(['resolve', 'raiseDc', 'refer']);
  });

  it('refers no second site visit while one is open', () => {
    const investigated = contact({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'cds.agent' });
    expect(contactActions(agent, investigated, [{ status: 'DECLINED' }, { status: 'ACCEPTED' }]).refer).toBe(false);
    expect(contactActions(agent, investigated, [{ status: 'DECLINED' }, { status: 'CANCELLED' }]).refer).toBe(true);
  });

  it('leaves a contact another agent investigates to them, unless a supervisor takes it over or gives it', () => {
    const theirs = contact({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'cds.other' });
    expect(contactActions(agent, theirs, []).take).toBe(false);
    expect(allowed(contactActions(cdspSupervisor, theirs, []))).toEqual(['take', 'give', 'raiseDc']);
  });

  it('gives a CDSP user without the agent role nothing to do', () => {
    expect(allowed(contactActions(cdspAdmin, contact(), []))).toEqual([]);
  });

  it('lets the originator take its side and withdraw; an LSO without the contact role only take it', () => {
    expect(allowed(contactActions(shipper, contact(), []))).toEqual(['take', 'withdraw']);
    expect(allowed(contactActions(shipper, contact({ handlers: [{ organisationId: SHIPPER, userId: 'bwe.user' }] }), []))).toEqual([
      'withdraw',
    ]);
    expect(allowed(contactActions(shipperLso, contact(), []))).toEqual(['take']);
  });

  it('lets the transporter ask the originator an OC; another transporter never', () => {
    expect(allowed(contactActions(transporter, contact({ status: 'UNDER_INVESTIGATION' }), []))).toEqual(['take', 'raiseOc']);
    const otherDn: Viewer = { ...transporter, organisationId: OTHER_DN };
    expect(contactActions(otherDn, contact({ status: 'UNDER_INVESTIGATION' }), []).raiseOc).toBe(false);
  });

  it('offers nothing on a closed contact', () => {
    for (const status of ['RESOLVED', 'WITHDRAWN'] as const) {
      for (const viewer of [agent, cdspSupervisor, shipper, transporter]) {
        expect(allowed(contactActions(viewer, contact({ status }), []))).toEqual([]);
      }
    }
  });

  it('knows who works each side', () => {
    const worked = contact({ investigatingAgentUserId: 'cds.agent', handlers: [{ organisationId: SHIPPER, userId: 'bwe.user' }] });
    expect([currentHolder(agent, worked), currentHolder(shipper, worked), currentHolder(transporter, worked)]).toEqual([
      'cds.agent',
      'bwe.user',
      null,
    ]);
  });
});

describe('who may write in a thread', () => {
  const dc = {
    status: 'OPEN' as const,
    askingOrganisationId: CDSP,
    addressedToOrganisationId: SHIPPER,
    waitingOnOrganisationId: SHIPPER,
  };

  it('lets the side whose turn it is reply, and either side close', () => {
    expect(threadActions(shipper, contact(), dc)).toEqual({ reply: true, close: true });
    expect(threadActions(agent, contact(), dc)).toEqual({ reply: false, close: true });
  });

  it('lets nobody else write, nor anyone in a closed thread or on a closed contact', () => {
    expect(threadActions(transporter, contact(), dc)).toEqual({ reply: false, close: false });
    expect(threadActions(shipperLso, contact(), dc)).toEqual({ reply: false, close: false });
    expect(threadActions(shipper, contact(), { ...dc, status: 'CLOSED', waitingOnOrganisationId: null })).toEqual({
      reply: false,
      close: false,
    });
    expect(threadActions(shipper, contact({ status: 'RESOLVED' }), dc).reply).toBe(false);
  });
});

describe('who may answer a site visit', () => {
  it('lets the transporter it is referred to accept it, then record its finding', () => {
    expect(visitActions(transporter, { status: 'REFERRED', transporterOrganisationId: DN })).toEqual({
      answer: true,
      recordFinding: false,
    });
    expect(visitActions(transporter, { status: 'ACCEPTED', transporterOrganisationId: DN })).toEqual({
      answer: false,
      recordFinding: true,
    });
    expect(visitActions(transporter, { status: 'FINDING_REPORTED', transporterOrganisationId: DN })).toEqual({
      answer: false,
      recordFinding: false,
    });
  });

  it('lets no one else answer it', () => {
    for (const viewer of [agent, shipper, { ...transporter, organisationId: OTHER_DN }]) {
      expect(visitActions(viewer, { status: 'REFERRED', transporterOrganisationId: DN })).toEqual({
        answer: false,
        recordFinding: false,
      });
    }
  });
});

describe('the screens of each role', () => {
  const me = (type: 'CDSP' | 'DN' | 'SHIPPER', roles: Role[]) => ({
    userId: 'x',
    displayName: 'X',
    email: 'x@example.com',
    telephone: null,
    organisation: { id: 'o', shortCode: 'XXX', name: 'X', type },
    roles,
  });

  it('gives the work queue to CDSP agents and supervisors, the referrals to transporters', () => {
    expect([worksTheQueue(me('CDSP', ['CDSP_AGENT'])), worksTheQueue(me('CDSP', ['SUPERVISOR'])), worksTheQueue(me('CDSP', ['CDSP_ADMIN']))]).toEqual([
      true,
      true,
      false,
    ]);
    expect([worksReferrals(me('DN', ['TRANSPORTER_USER'])), worksReferrals(me('DN', ['LSO'])), worksReferrals(me('SHIPPER', ['CONTACT_USER']))]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('offers a supervisor the active colleagues who work contacts, not the one who has it', () => {
    const user = (userId: string, roles: Role[], status: 'ACTIVE' | 'SUSPENDED' = 'ACTIVE') => ({
      userId,
      organisationId: CDSP,
      displayName: userId,
      roles,
      status,
    });
    const users = [
      user('cds.agent', ['CDSP_AGENT']),
      user('cds.agent2', ['CDSP_AGENT']),
      user('cds.gone', ['CDSP_AGENT'], 'SUSPENDED'),
      user('cds.admin', ['CDSP_ADMIN']),
      user('cds.lso', ['LSO', 'SUPERVISOR']),
    ];
    expect(assigneesFor(cdspSupervisor, users, 'cds.agent').map((candidate) => candidate.userId)).toEqual(['cds.agent2', 'cds.lso']);
  });
});
