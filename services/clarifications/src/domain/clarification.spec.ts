import { WorkingDayCalendars } from '@cms/gas-market';
import {
  closeThread,
  ClarificationRefused,
  closureCauseOf,
  isOverdue,
  postMessage,
  raiseClarification,
  type Actor,
  type ContactInQuestion,
  type Thread,
} from './clarification';

const SHIPPER = '00000000-0000-4000-8000-00000000000a';
const CDSP = '00000000-0000-4000-8000-00000000000c';
const DN = '00000000-0000-4000-8000-00000000000d';
const OTHER_DN = '00000000-0000-4000-8000-00000000000e';

const england = new WorkingDayCalendars().calendarFor('NW');
const limits = { dcAnswerWorkingDays: 5, ocAnswerWorkingDays: 3 };
// Tuesday 1 December 2026: five working days on is Tuesday 8th, three is Friday 4th.
const TODAY = '2026-12-01';

const contact = (change: Partial<ContactInQuestion> = {}): ContactInQuestion => ({
  crn: 'C000000001',
  status: 'UNDER_INVESTIGATION',
  originatorOrganisationId: SHIPPER,
  transporterOrganisationId: DN,
  organisationIds: [SHIPPER, CDSP],
  ...change,
});
const agent: Actor = { userId: 'cds.agent', organisationId: CDSP, organisationType: 'CDSP', roles: ['CDSP_AGENT'], isPartnerSystem: false };
const shipperUser: Actor = { userId: 'bwe.user', organisationId: SHIPPER, organisationType: 'SHIPPER', roles: ['CONTACT_USER'], isPartnerSystem: false };
const dnUser: Actor = { userId: 'cad.user', organisationId: DN, organisationType: 'DN', roles: ['TRANSPORTER_USER'], isPartnerSystem: false };

function refusal(act: () => unknown): Pick<ClarificationRefused, 'kind' | 'code' | 'field'> {
  try {
    act();
  } catch (error) {
    if (error instanceof ClarificationRefused) return { kind: error.kind, code: error.code, field: error.field };
    throw error;
  }
  throw new Error('not refused');
}

const thread = (change: Partial<Thread> = {}): Thread => ({
  id: '00000000-0000-4000-8000-000000000100',
  crn: 'C000000001',
  kind: 'DC',
  addressedTo: 'ORIGINATOR',
  askingOrganisationId: CDSP,
  addressedOrganisationId: SHIPPER,
  status: 'OPEN',
  waitingOnOrganisationId: SHIPPER,
  dueOn: '2026-12-08',
  ...change,
});

describe('raising a clarification', () => {
  it('lets a CDSP agent ask the originator a DC, its turn due in the DC working days', () => {
    expect(raiseClarification(contact(), agent, { kind: 'DC' }, TODAY, england, limits)).toEqual({
      kind: 'DC',
      addressedTo: 'ORIGINATOR',
      askingOrganisationId: CDSP,
      addressedOrganisationId: SHIPPER,
      turn: { waitingOnOrganisationId: SHIPPER, dueOn: '2026-12-08' },
    });
  });

  it('lets a CDSP agent ask the transporter a DC before it is involved (asking it involves it)', () => {
    expect(raiseClarification(contact(), agent, { kind: 'DC', addressedTo: 'STAKEHOLDER' }, TODAY, england, limits)).toMatchObject({
      addressedTo: 'STAKEHOLDER',
      addressedOrganisationId: DN,
      turn: { waitingOnOrganisationId: DN },
    });
  });

  it('lets the transporter, once a stakeholder, ask the originator an OC due in the OC working days', () => {
    expect(raiseClarification(contact({ organisationIds: [SHIPPER, CDSP, DN] }), dnUser, { kind: 'OC' }, TODAY, england, limits)).toEqual({
      kind: 'OC',
      addressedTo: 'ORIGINATOR',
      askingOrganisationId: DN,
      addressedOrganisationId: SHIPPER,
      turn: { waitingOnOrganisationId: SHIPPER, dueOn: '2026-12-04' },
    });
  });

  it('counts the due date in working days, past the bank holidays', () => {
    // Tuesday 22 December: 5 working days skip Christmas (Fri 25) and the Boxing Day substitute (Mon 28).
    expect(raiseClarification(contact(), agent, { kind: 'DC' }, '2026-12-22', england, limits).turn.dueOn).toBe('2026-12-31');
  });

  it('refuses a DC from anyone but the CDSP', () => {
    expect(refusal(() => raiseClarification(contact(), shipperUser, { kind: 'DC' }, TODAY, england, limits))).toEqual({ kind: 'FORBIDDEN', code: 'DC_CDSP_ONLY', field: undefined });
    expect(refusal(() => raiseClarification(contact({ organisationIds: [SHIPPER, CDSP, DN] }), dnUser, { kind: 'DC' }, TODAY, england, limits))).toMatchObject({ code: 'DC_CDSP_ONLY' });
  });

  it('refuses an OC from a transporter not yet a stakeholder, from another DN, from a shipper and from the CDSP', () => {
    const oc = { kind: 'OC' } as const;
    expect(refusal(() => raiseClarification(contact(), dnUser, oc, TODAY, england, limits))).toMatchObject({ kind: 'FORBIDDEN', code: 'OC_STAKEHOLDER_ONLY' });
    const otherDn: Actor = { ...dnUser, organisationId: OTHER_DN };
    expect(refusal(() => raiseClarification(contact({ organisationIds: [SHIPPER, CDSP, DN, OTHER_DN] }), otherDn, oc, TODAY, england, limits))).toMatchObject({ code: 'OC_STAKEHOLDER_ONLY' });
    expect(refusal(() => raiseClarification(contact(), shipperUser, oc, TODAY, england, limits))).toMatchObject({ code: 'OC_STAKEHOLDER_ONLY' });
    expect(refusal(() => raiseClarification(contact(), agent, oc, TODAY, england, limits))).toMatchObject({ code: 'OC_STAKEHOLDER_ONLY' });
  });

  it('refuses an OC addressed to a stakeholder, naming the field', () => {
    expect(
      refusal(() => raiseClarification(contact({ organisationIds: [SHIPPER, CDSP, DN] }), dnUser, { kind: 'OC', addressedTo: 'STAKEHOLDER' }, TODAY, england, limits)),
    ).toEqual({ kind: 'INVALID', code: 'OC_TO_ORIGINATOR_ONLY', field: 'addressedTo' });
  });

  it('refuses a question on a resolved or withdrawn contact', () => {
    for (const status of ['RESOLVED', 'WITHDRAWN'] as const) {
      expect(refusal(() => raiseClarification(contact({ status }), agent, { kind: 'DC' }, TODAY, england, limits))).toMatchObject({ kind: 'CONFLICT', code: 'CONTACT_CLOSED' });
    }
  });

  it('needs the working role of the organisation (or SUPERVISOR) of a person, none of a partner system', () => {
    expect(refusal(() => raiseClarification(contact(), { ...agent, roles: ['CDSP_ADMIN'] }, { kind: 'DC' }, TODAY, england, limits))).toMatchObject({ kind: 'FORBIDDEN', code: 'ROLE_REQUIRED' });
    expect(raiseClarification(contact(), { ...agent, roles: ['SUPERVISOR'] }, { kind: 'DC' }, TODAY, england, limits).kind).toBe('DC');
    expect(raiseClarification(contact(), { ...agent, roles: [], isPartnerSystem: true }, { kind: 'DC' }, TODAY, england, limits).kind).toBe('DC');
  });
});

describe('writing in a thread', () => {
  it("passes the turn to the other side: the originator's answer hands a DC back to the CDSP, due anew", () => {
    expect(postMessage(thread(), contact(), shipperUser, '2026-12-03', england, limits)).toEqual({ waitingOnOrganisationId: CDSP, dueOn: '2026-12-10' });
    expect(postMessage(thread({ waitingOnOrganisationId: CDSP }), contact(), agent, '2026-12-03', england, limits)).toEqual({ waitingOnOrganisationId: SHIPPER, dueOn: '2026-12-10' });
  });

  it('goes back and forth between a transporter and the originator in an OC', () => {
    const oc = thread({ kind: 'OC', askingOrganisationId: DN, waitingOnOrganisationId: SHIPPER });
    const involved = contact({ organisationIds: [SHIPPER, CDSP, DN] });
    expect(postMessage(oc, involved, shipperUser, TODAY, england, limits)).toEqual({ waitingOnOrganisationId: DN, dueOn: '2026-12-04' });
    expect(postMessage({ ...oc, waitingOnOrganisationId: DN }, involved, dnUser, TODAY, england, limits)).toEqual({ waitingOnOrganisationId: SHIPPER, dueOn: '2026-12-04' });
  });

  it('refuses a side writing out of turn', () => {
    expect(refusal(() => postMessage(thread(), contact(), agent, TODAY, england, limits))).toMatchObject({ kind: 'CONFLICT', code: 'NOT_YOUR_TURN' });
  });

  it('refuses an organisation that is not one of the two sides, even one involved in the contact', () => {
    expect(refusal(() => postMessage(thread(), contact({ organisationIds: [SHIPPER, CDSP, DN] }), dnUser, TODAY, england, limits))).toMatchObject({ kind: 'FORBIDDEN', code: 'NOT_A_PARTY' });
  });

  it('refuses writing in a closed thread, or on a contact that has ended', () => {
    expect(refusal(() => postMessage(thread({ status: 'CLOSED', waitingOnOrganisationId: null, dueOn: null }), contact(), shipperUser, TODAY, england, limits))).toMatchObject({ code: 'CLARIFICATION_CLOSED' });
    expect(refusal(() => postMessage(thread(), contact({ status: 'RESOLVED' }), shipperUser, TODAY, england, limits))).toMatchObject({ code: 'CONTACT_CLOSED' });
  });

  it('refuses a person without the role to answer for the organisation', () => {
    expect(refusal(() => postMessage(thread(), contact(), { ...shipperUser, roles: ['LSO'] }, TODAY, england, limits))).toMatchObject({ code: 'ROLE_REQUIRED' });
  });
});

describe('closing a thread', () => {
  it('is for either side, whoever has the turn', () => {
    expect(() => closeThread(thread(), agent)).not.toThrow();
    expect(() => closeThread(thread(), shipperUser)).not.toThrow();
  });

  it('is refused to anyone else and on a closed thread', () => {
    expect(refusal(() => closeThread(thread(), dnUser))).toMatchObject({ code: 'NOT_A_PARTY' });
    expect(refusal(() => closeThread(thread({ status: 'CLOSED' }), agent))).toMatchObject({ code: 'CLARIFICATION_CLOSED' });
  });

  it("follows the contact's end with its cause", () => {
    expect(closureCauseOf('RESOLVED')).toBe('CONTACT_RESOLVED');
    expect(closureCauseOf('WITHDRAWN')).toBe('CONTACT_WITHDRAWN');
  });
});

describe('an overdue thread', () => {
  it('is an open one whose due date has passed', () => {
    expect(isOverdue(thread({ dueOn: '2026-12-08' }), '2026-12-08')).toBe(false);
    expect(isOverdue(thread({ dueOn: '2026-12-08' }), '2026-12-09')).toBe(true);
    expect(isOverdue(thread({ status: 'CLOSED', dueOn: null }), '2026-12-09')).toBe(false);
  });
});
