import type { ContactActor } from './contact-actor';
import { assignContact, closeUnanswered, NOTE_MAX_LENGTH, resolveContact, withdrawContact } from './contact-commands';
import { ContactCommandRefused } from './contact-command-refused.error';
import type { ContactUnderWork } from './contact-under-work';
import { contactUnderWork } from './contact-under-work.fixture';
import { IllegalTransitionError } from './illegal-transition.error';
import type { ResolutionReason } from './resolution-reason';

const SHIPPER = '00000000-0000-4000-8000-000000000001';
const DN = '00000000-0000-4000-8000-000000000002';
const CDSP = '00000000-0000-4000-8000-000000000003';

const contact = (change: Partial<ContactUnderWork> = {}): ContactUnderWork =>
  contactUnderWork({ originatorOrganisationId: SHIPPER, transporterOrganisationId: DN, visibleTo: [SHIPPER], ...change });

const agent = (userId = 'agent.one', roles = ['CDSP_AGENT']): ContactActor => ({
  userId,
  organisationId: CDSP,
  organisationType: 'CDSP',
  roles,
  isPartnerSystem: false,
});
const shipperUser = (userId = 'shipper.user', roles = ['CONTACT_USER']): ContactActor => ({
  userId,
  organisationId: SHIPPER,
  organisationType: 'SHIPPER',
  roles,
  isPartnerSystem: false,
});

const REASONS: ResolutionReason[] = [
  { code: 'GAS_FLOW_CONFIRMED', label: 'Gas flow confirmed', outcome: 'VALID', automaticOnly: false },
  { code: 'INSUFFICIENT_EVIDENCE', label: 'Insufficient evidence', outcome: 'INVALID', automaticOnly: false },
  { code: 'NO_RESPONSE_TO_DC', label: 'No response to data clarification', outcome: 'INVALID', automaticOnly: true },
];

function refusal(act: () => unknown): ContactCommandRefused | IllegalTransitionError {
  try {
    act();
  } catch (error) {
    if (error instanceof ContactCommandRefused || error instanceof IllegalTransitionError) return error;
    throw error;
  }
  throw new Error('expected a refusal, there was none');
}

describe('assigning a contact', () => {
  it('makes the CDSP agent who takes a logged contact its investigating agent, moving it under investigation', () => {
    expect(assignContact(contact(), agent())).toEqual({
      role: 'INVESTIGATING_AGENT',
      organisationId: CDSP,
      assigneeUserId: 'agent.one',
      previousAssigneeUserId: null,
      assignedByUserId: 'agent.one',
      status: 'UNDER_INVESTIGATION',
    });
  });

  it("makes a user of another involved organisation its handler, leaving the contact's status as it is", () => {
    expect(assignContact(contact(), shipperUser())).toMatchObject({
      role: 'HANDLER',
      organisationId: SHIPPER,
      assigneeUserId: 'shipper.user',
      status: 'LOGGED',
    });
  });

  it('lets a supervisor transfer the investigation to another agent', () => {
    const assigned = assignContact(
      contact({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'agent.one' }),
      agent('cdsp.supervisor', ['SUPERVISOR']),
      'agent.two',
    );
    expect(assigned).toMatchObject({ assigneeUserId: 'agent.two', previousAssigneeUserId: 'agent.one', assignedByUserId: 'cdsp.supervisor' });
  });

  it('refuses the holder taking it again: ALREADY_ASSIGNED', () => {
    const error = refusal(() => assignContact(contact({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'agent.one' }), agent()));
    expect(error).toMatchObject({ kind: 'CONFLICT', code: 'ALREADY_ASSIGNED' });
  });

  it('refuses an agent taking a contact another agent holds, naming who and who can transfer it', () => {
    const error = refusal(() =>
      assignContact(contact({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'agent.one' }), agent('agent.two')),
    );
    expect(error).toMatchObject({ kind: 'CONFLICT', code: 'ASSIGNED_TO_ANOTHER_USER' });
    expect(error.message).toBe('The contact is assigned to agent.one; a SUPERVISOR of your organisation can transfer it.');
  });

  it('refuses giving a contact to someone else without the supervisor role', () => {
    expect(refusal(() => assignContact(contact(), agent(), 'agent.two'))).toMatchObject({
      kind: 'FORBIDDEN',
      code: 'SUPERVISOR_ROLE_REQUIRED',
      field: 'assigneeUserId',
    });
  });

  it('refuses a CDSP person without the agent role, and a partner system', () => {
    expect(refusal(() => assignContact(contact(), agent('cdsp.admin', ['CDSP_ADMIN'])))).toMatchObject({ code: 'AGENT_ROLE_REQUIRED' });
    expect(refusal(() => assignContact(contact(), { ...shipperUser(), isPartnerSystem: true, roles: [] }))).toMatchObject({
      code: 'PERSON_REQUIRED',
    });
  });

  it.each(['RESOLVED', 'WITHDRAWN'] as const)('refuses to assign a %s contact', (status) => {
    expect(refusal(() => assignContact(contact({ status }), agent()))).toMatchObject({ code: 'ILLEGAL_TRANSITION', command: 'ASSIGN' });
  });
});

describe('resolving a contact', () => {
  const underInvestigation = (change: Partial<ContactUnderWork> = {}) =>
    contact({ status: 'UNDER_INVESTIGATION', investigatingAgentUserId: 'agent.one', ...change });

  it('sets a DTL meter point Live on VALID, with the reason and a trimmed note', () => {
    const resolved = resolveContact(
      underInvestigation(),
      agent(),
      { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED', note: '  Read seen on site.\nMeter in use.  ' },
      REASONS,
    );
    expect(resolved).toEqual({
      status: 'RESOLVED',
      outcome: 'VALID',
      reason: REASONS[0],
      note: 'Read seen on site.\nMeter in use.',
      automatic: false,
      requestedStatus: 'LI',
      meterPointStatusTo: 'LI',
    });
  });

  it.each([
    ['DE', 'LI', 'DE'],
    ['LI', 'CA', 'LI'],
    ['LI', 'CL', 'LI'],
  ] as const)('sets an ISO meter point to the requested status %s on VALID (logged against %s)', (requestedStatus, atLogging, expected) => {
    const resolved = resolveContact(
      underInvestigation({ contactType: 'ISO', requestedStatus, meterPointStatusAtLogging: atLogging }),
      agent(),
      { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED' },
      REASONS,
    );
    expect(resolved.meterPointStatusTo).toBe(expected);
  });

  it('leaves the meter point as it is on INVALID', () => {
    const resolved = resolveContact(underInvestigation(), agent(), { outcome: 'INVALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }, REASONS);
    expect(resolved).toMatchObject({ outcome: 'INVALID', note: null, meterPointStatusTo: null });
  });

  it('refuses a logged contact nobody has investigated, before looking at what was sent', () => {
    expect(refusal(() => resolveContact(contact(), agent(), { outcome: 'MAYBE', reasonCode: '' }, REASONS))).toMatchObject({
      code: 'ILLEGAL_TRANSITION',
      command: 'RESOLVE',
    });
  });

  it('refuses anyone but a CDSP agent', () => {
    expect(refusal(() => resolveContact(underInvestigation(), shipperUser(), { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED' }, REASONS))).toMatchObject({
      kind: 'FORBIDDEN',
      code: 'AGENT_ROLE_REQUIRED',
    });
  });

  it.each([
    ['an outcome neither VALID nor INVALID', { outcome: 'MAYBE', reasonCode: 'GAS_FLOW_CONFIRMED' }, 'outcome', 'The outcome must be VALID or INVALID.'],
    ['a reason of the other outcome', { outcome: 'VALID', reasonCode: 'INSUFFICIENT_EVIDENCE' }, 'reasonCode', 'The reason must be one of the VALID resolution reasons: GAS_FLOW_CONFIRMED.'],
    ['an unknown reason', { outcome: 'INVALID', reasonCode: 'BECAUSE' }, 'reasonCode', 'The reason must be one of the INVALID resolution reasons: INSUFFICIENT_EVIDENCE.'],
    ["the timer's own reason", { outcome: 'INVALID', reasonCode: 'NO_RESPONSE_TO_DC' }, 'reasonCode', 'The reason must be one of the INVALID resolution reasons: INSUFFICIENT_EVIDENCE.'],
    ['a note too long', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED', note: 'x'.repeat(NOTE_MAX_LENGTH + 1) }, 'note', `The note must be at most ${NOTE_MAX_LENGTH} characters.`],
    ['a note with a control character', { outcome: 'VALID', reasonCode: 'GAS_FLOW_CONFIRMED', note: 'ok\u0000' }, 'note', 'The note must not contain control characters other than line breaks and tabs.'],
  ])('refuses %s (422 INVALID_RESOLUTION naming the field)', (_case, request, field, message) => {
    const error = refusal(() => resolveContact(underInvestigation(), agent(), request, REASONS));
    expect(error).toMatchObject({ kind: 'INVALID', code: 'INVALID_RESOLUTION', field, message });
  });
});

describe('closing a contact whose DC to the originator went unanswered', () => {
  it.each(['LOGGED', 'UNDER_INVESTIGATION'] as const)('closes a %s contact INVALID, automatically, with the timer reason', (status) => {
    expect(closeUnanswered(contact({ status }), REASONS[2])).toEqual({
      status: 'RESOLVED',
      outcome: 'INVALID',
      reason: REASONS[2],
      note: null,
      automatic: true,
      requestedStatus: 'LI',
      meterPointStatusTo: null,
    });
  });

  it('does nothing to a contact that has ended', () => {
    expect(refusal(() => closeUnanswered(contact({ status: 'WITHDRAWN' }), REASONS[2]))).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
  });
});

describe('withdrawing a contact', () => {
  it.each(['LOGGED', 'UNDER_INVESTIGATION'] as const)("lets the originator's organisation withdraw a %s contact with a reason", (status) => {
    expect(withdrawContact(contact({ status }), shipperUser('colleague'), ' Raised against the wrong meter point. ')).toEqual({
      status: 'WITHDRAWN',
      reason: 'Raised against the wrong meter point.',
    });
  });

  it("lets the originator's partner system withdraw", () => {
    expect(withdrawContact(contact(), { ...shipperUser('client:abc', []), isPartnerSystem: true }, 'Duplicate.')).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('refuses another organisation, and a shipper person without the contact role', () => {
    expect(refusal(() => withdrawContact(contact(), agent(), 'No.'))).toMatchObject({ kind: 'FORBIDDEN', code: 'ORIGINATOR_ONLY' });
    expect(refusal(() => withdrawContact(contact(), shipperUser('lso', ['LSO']), 'No.'))).toMatchObject({
      kind: 'FORBIDDEN',
      code: 'CONTACT_USER_ROLE_REQUIRED',
    });
  });

  it('needs a reason', () => {
    expect(refusal(() => withdrawContact(contact(), shipperUser(), '  '))).toMatchObject({
      kind: 'INVALID',
      code: 'INVALID_WITHDRAWAL',
      field: 'reason',
      message: 'A reason is needed.',
    });
  });

  it.each(['RESOLVED', 'WITHDRAWN'] as const)('refuses to withdraw a %s contact', (status) => {
    expect(refusal(() => withdrawContact(contact({ status }), shipperUser(), 'Late.'))).toMatchObject({ code: 'ILLEGAL_TRANSITION', command: 'WITHDRAW' });
  });
});
