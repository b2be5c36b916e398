import { alertsFor, ALERTING_EVENT_TYPES, type AlertContext, type AlertingEvent } from './alert-rules';
import { PERSONAL_ALERT_DETAILS, recipientKey, WORKING_ROLES } from './alert';

const SHIPPER = '00000000-0000-4000-8000-000000000001';
const DN = '00000000-0000-4000-8000-000000000002';
const CDSP = '00000000-0000-4000-8000-000000000004';
const CRN = 'C000001234';
const AT = '2026-12-01T09:00:00.000Z';
const ORGANISATIONS = [SHIPPER, CDSP];
const contact: AlertContext['contact'] = { originatorOrganisationId: SHIPPER, transporterOrganisationId: DN, investigatingAgentUserId: 'cds.agent' };
const dcToOriginator: AlertContext['thread'] = { raisedByUserId: 'cds.agent', raisedByOrganisationId: CDSP, addressedTo: 'ORIGINATOR', addressedToOrganisationId: SHIPPER };
const thread = { clarificationId: '0193a1b2-0000-7000-8000-000000000001', crn: CRN, kind: 'DC' as const, organisationIds: ORGANISATIONS };
const visit = { siteVisitId: '0193a1b2-0000-7000-8000-000000000002', crn: CRN, transporterOrganisationId: DN, organisationIds: [...ORGANISATIONS, DN] };

/** An event as the consumer passes it: its schema's every field, of which the rules read some. */
type TestEvent = { type: AlertingEvent['type']; data: Record<string, unknown> };

const alertsOf = (event: TestEvent, context: AlertContext = {}) => alertsFor(event as AlertingEvent, context);

/** Each alert as [kind, recipient]: who hears what. */
function who(event: TestEvent, context: AlertContext = {}): [string, string][] {
  return alertsOf(event, context).map((alert) => [alert.kind, recipientKey(alert.recipient)]);
}

const resolved = (automatic: boolean): TestEvent => ({
  type: 'uk.gas.cms.contact.resolved.v1',
  data: {
    crn: CRN, contactType: 'DTL', mprn: '3938424403', outcome: automatic ? 'INVALID' : 'VALID', reasonCode: 'X', reason: 'Because.', automatic,
    requestedStatus: 'LI', meterPointStatusAtLogging: 'DE', originatorOrganisationId: SHIPPER, loggedByUserId: 'bwe.user',
    resolvedByUserId: automatic ? null : 'cds.agent', resolvedAt: AT, organisationIds: ORGANISATIONS,
  },
});

describe('the alerts of each lifecycle event', () => {
  it('tells of a resolved contact the user who logged it first, then the users of the originator who work contacts', () => {
    const alerts = alertsOf(resolved(false), { contact });
    expect(alerts.map((alert) => recipientKey(alert.recipient))).toEqual(['user:bwe.user', `organisation:${SHIPPER}`]);
    expect(alerts[1].recipient).toEqual({ kind: 'ORGANISATION', organisationId: SHIPPER, roles: WORKING_ROLES.ORIGINATOR });
    expect(alerts[0]).toMatchObject({ kind: 'CONTACT_RESOLVED', crn: CRN, detail: { outcome: 'VALID', automatic: false }, occurredAt: new Date(AT) });
    expect(alerts[0].title).toContain(CRN);
  });

  it('tells of an automatic closure the originator and also the investigating agent, whose work it ended', () => {
    expect(who(resolved(true), { contact })).toEqual([
      ['CONTACT_AUTO_CLOSED', 'user:bwe.user'],
      ['CONTACT_AUTO_CLOSED', `organisation:${SHIPPER}`],
      ['CONTACT_AUTO_CLOSED', 'user:cds.agent'],
    ]);
  });

  it('gives no personal alert to a partner system that logged the contact: its organisation still hears', () => {
    const event = resolved(false);
    (event.data as { loggedByUserId: string }).loggedByUserId = 'client:bwe-system';
    expect(who(event)).toEqual([['CONTACT_RESOLVED', `organisation:${SHIPPER}`]]);
  });

  it('tells a user given a contact by a supervisor, not one who took it', () => {
    const assigned = (assignedByUserId: string): TestEvent => ({
      type: 'uk.gas.cms.contact.assigned.v1',
      data: { crn: CRN, role: 'INVESTIGATING_AGENT', organisationId: CDSP, assigneeUserId: 'cds.agent', previousAssigneeUserId: null, assignedByUserId, status: 'UNDER_INVESTIGATION', assignedAt: AT, organisationIds: ORGANISATIONS },
    });
    expect(who(assigned('cds.supervisor'))).toEqual([['CONTACT_ASSIGNED', 'user:cds.agent']]);
    expect(who(assigned('cds.agent'))).toEqual([]);
  });

  it("reminds the investigating agent of a contact's due date, or the CDSP's agents while nobody has it", () => {
    const reached = (stage: 'REMINDER' | 'OVERDUE', investigatingAgentUserId: string | null): TestEvent => ({
      type: 'uk.gas.cms.contact.deadline-reached.v1',
      data: { crn: CRN, stage, dueOn: '2026-12-29', investigatingAgentUserId, reachedAt: AT, organisationIds: ORGANISATIONS },
    });
    expect(who(reached('REMINDER', 'cds.agent'))).toEqual([['REMINDER', 'user:cds.agent']]);
    expect(who(reached('OVERDUE', null))).toEqual([['OVERDUE', 'cdsp']]);
    expect(alertsOf(reached('OVERDUE', null))[0].detail).toEqual({ subject: 'CONTACT', dueOn: '2026-12-29' });
  });

  it('tells the organisation a DC or OC is addressed to, with the roles of its side', () => {
    const raised = (addressedTo: 'ORIGINATOR' | 'STAKEHOLDER'): TestEvent => ({
      type: 'uk.gas.cms.clarification.raised.v1',
      data: { ...thread, addressedTo, addressedToOrganisationId: addressedTo === 'ORIGINATOR' ? SHIPPER : DN, raisedByUserId: 'cds.agent', raisedByOrganisationId: CDSP, messageId: thread.clarificationId, question: 'Photo?', dueOn: '2026-12-08', raisedAt: AT },
    });
    expect(alertsOf(raised('ORIGINATOR')).map((alert) => alert.recipient)).toEqual([{ kind: 'ORGANISATION', organisationId: SHIPPER, roles: WORKING_ROLES.ORIGINATOR }]);
    expect(alertsOf(raised('STAKEHOLDER')).map((alert) => alert.recipient)).toEqual([{ kind: 'ORGANISATION', organisationId: DN, roles: WORKING_ROLES.TRANSPORTER }]);
    expect(alertsOf(raised('ORIGINATOR'))[0]).toMatchObject({ kind: 'CLARIFICATION_RECEIVED', detail: { clarificationKind: 'DC', dueOn: '2026-12-08' } });
  });

  it('tells the person who asked when answered, and the other side when the asker writes again', () => {
    const posted = (waitingOnOrganisationId: string): TestEvent => ({
      type: 'uk.gas.cms.clarification.message-posted.v1',
      data: { ...thread, messageId: thread.clarificationId, postedByUserId: 'x', postedByOrganisationId: waitingOnOrganisationId === CDSP ? SHIPPER : CDSP, text: 'Here.', waitingOnOrganisationId, dueOn: '2026-12-10', postedAt: AT },
    });
    expect(who(posted(CDSP), { contact, thread: dcToOriginator })).toEqual([['CLARIFICATION_ANSWERED', 'user:cds.agent']]);
    expect(alertsOf(posted(SHIPPER), { contact, thread: dcToOriginator }).map((alert) => [alert.kind, alert.recipient])).toEqual([
      ['CLARIFICATION_MESSAGE', { kind: 'ORGANISATION', organisationId: SHIPPER, roles: WORKING_ROLES.ORIGINATOR }],
    ]);
    // A thread raised before this service heard of it: the side whose turn it is, every working role.
    expect(who(posted(CDSP))).toEqual([['CLARIFICATION_MESSAGE', `organisation:${CDSP}`]]);
  });

  it('tells the other side of a thread closed by a participant, and nobody of one closed by the contact’s end', () => {
    const closed = (cause: 'CLOSED_BY_PARTICIPANT' | 'CONTACT_RESOLVED', by: string | null): TestEvent => ({
      type: 'uk.gas.cms.clarification.closed.v1',
      data: { ...thread, cause, reason: 'Done.', closedByUserId: by && 'someone', closedByOrganisationId: by, closedAt: AT },
    });
    expect(who(closed('CLOSED_BY_PARTICIPANT', CDSP), { contact, thread: dcToOriginator })).toEqual([['CLARIFICATION_CLOSED', `organisation:${SHIPPER}`]]);
    expect(who(closed('CLOSED_BY_PARTICIPANT', SHIPPER), { contact, thread: dcToOriginator })).toEqual([['CLARIFICATION_CLOSED', 'user:cds.agent']]);
    expect(who(closed('CONTACT_RESOLVED', null), { contact, thread: dcToOriginator })).toEqual([]);
  });

  it("reminds the side whose turn it is of a thread's due date: the asker in person when it is theirs", () => {
    const reached = (waitingOnOrganisationId: string, stage: 'REMINDER' | 'OVERDUE'): TestEvent => ({
      type: 'uk.gas.cms.clarification.deadline-reached.v1',
      data: { ...thread, stage, addressedTo: 'ORIGINATOR', waitingOnOrganisationId, dueOn: '2026-12-08', reachedAt: AT },
    });
    expect(who(reached(SHIPPER, 'REMINDER'), { contact, thread: dcToOriginator })).toEqual([['REMINDER', `organisation:${SHIPPER}`]]);
    expect(who(reached(CDSP, 'OVERDUE'), { contact, thread: dcToOriginator })).toEqual([['OVERDUE', 'user:cds.agent']]);
  });

  it('tells the transporter of a visit referred to it, cancelled, or due', () => {
    const referred: TestEvent = {
      type: 'uk.gas.cms.site-visit.referred.v1',
      data: { ...visit, mprn: '3938424403', contactType: 'DTL', confirmStatus: 'LI', referredByUserId: 'cds.agent', dueOn: '2026-12-15', referredAt: AT },
    };
    const cancelled: TestEvent = { type: 'uk.gas.cms.site-visit.cancelled.v1', data: { ...visit, cause: 'CONTACT_RESOLVED', cancelledAt: AT } };
    const due: TestEvent = { type: 'uk.gas.cms.site-visit.deadline-reached.v1', data: { ...visit, stage: 'REMINDER', dueOn: '2026-12-15', reachedAt: AT } };
    expect(who(referred)).toEqual([['SITE_VISIT_REFERRED', `organisation:${DN}`]]);
    expect(who(cancelled)).toEqual([['SITE_VISIT_CANCELLED', `organisation:${DN}`]]);
    expect(who(due)).toEqual([['REMINDER', `organisation:${DN}`]]);
    expect(alertsOf(referred)[0].recipient).toMatchObject({ roles: WORKING_ROLES.TRANSPORTER });
  });

  it("tells the contact's investigating agent a visit was accepted, declined or found; else the agent who referred it; else the CDSP's agents", () => {
    const accepted: TestEvent = { type: 'uk.gas.cms.site-visit.accepted.v1', data: { ...visit, acceptedByUserId: 'cad.user', acceptedAt: AT } };
    const declined: TestEvent = { type: 'uk.gas.cms.site-visit.declined.v1', data: { ...visit, reason: 'No access.', declinedByUserId: 'cad.user', declinedAt: AT } };
    const found: TestEvent = {
      type: 'uk.gas.cms.site-visit.finding-reported.v1',
      data: { ...visit, confirmed: true, visitedOn: '2026-12-03', notes: 'Meter in use.', reportedByUserId: 'cad.user', reportedAt: AT },
    };
    expect(who(accepted, { contact, visit: { referredByUserId: 'cds.other' } })).toEqual([['SITE_VISIT_ACCEPTED', 'user:cds.agent']]);
    expect(who(declined, { visit: { referredByUserId: 'cds.other' } })).toEqual([['SITE_VISIT_DECLINED', 'user:cds.other']]);
    expect(who(found)).toEqual([['SITE_VISIT_FINDING', 'cdsp']]);
    expect(alertsOf(found)[0].detail).toEqual({ siteVisitId: visit.siteVisitId, confirmed: true, visitedOn: '2026-12-03' });
  });

  it('has a rule for every event type it consumes', () => {
    expect(new Set(ALERTING_EVENT_TYPES).size).toBe(13);
  });
});

describe('what people wrote in an alert', () => {
  const closed: TestEvent = {
    type: 'uk.gas.cms.clarification.closed.v1',
    data: { ...thread, cause: 'CLOSED_BY_PARTICIPANT', reason: 'Spoke to the tenant, Mr Jones.', closedByUserId: 'cds.agent', closedByOrganisationId: CDSP, closedAt: AT },
  };
  const declined: TestEvent = {
    type: 'uk.gas.cms.site-visit.declined.v1',
    data: { ...visit, reason: 'Mrs Patel was away.', declinedByUserId: 'cad.user', declinedAt: AT },
  };

  it('is in the detail named for its kind, and ends the title, so that retention can replace it in both', () => {
    const alerts = [...alertsOf(closed, { thread: dcToOriginator }), ...alertsOf(declined, { contact })];
    expect(new Set(alerts.map((alert) => alert.kind))).toEqual(new Set(Object.keys(PERSONAL_ALERT_DETAILS)));
    for (const alert of alerts) {
      for (const field of PERSONAL_ALERT_DETAILS[alert.kind]!) {
        expect(typeof alert.detail[field]).toBe('string');
        expect(alert.title.endsWith(`: ${alert.detail[field] as string}`)).toBe(true);
      }
    }
  });
});
