import { answerReferral, cancelSiteVisit, referSiteVisit, reportFinding, SiteVisitRefused, type ContactToRefer } from './index';
import { agent, OTHER_TRANSPORTER, SHIPPER, transporterUser, TRANSPORTER, visit } from './site-visit.fixture';

function refusal(command: () => unknown): SiteVisitRefused {
  try {
    command();
  } catch (error) {
    if (error instanceof SiteVisitRefused) return error;
    throw error;
  }
  throw new Error('the command was not refused');
}

const contact = (overrides: Partial<ContactToRefer> = {}): ContactToRefer => ({
  crn: 'C000001234',
  status: 'UNDER_INVESTIGATION',
  requestedStatus: 'LI',
  transporterOrganisationId: TRANSPORTER,
  ...overrides,
});

describe('referring a contact for a site visit', () => {
  it("addresses it to the contact's transporter, to confirm the status the contact asks for", () => {
    expect(referSiteVisit(contact(), agent(), undefined, '  Check the meter.  ')).toEqual({
      transporterOrganisationId: TRANSPORTER,
      confirmStatus: 'LI',
      instructions: 'Check the meter.',
      status: 'REFERRED',
    });
  });

  it('confirms Dead for an ISO to Dead, Live for a DTL or an ISO from Capped or Clamped: the requested status', () => {
    expect(referSiteVisit(contact({ requestedStatus: 'DE' }), agent(), undefined, undefined).confirmStatus).toBe('DE');
    expect(referSiteVisit(contact({ requestedStatus: 'LI' }), agent(), undefined, undefined).confirmStatus).toBe('LI');
  });

  it('is an IGT’s when the meter point is on its network: whoever the contact names as transporter', () => {
    expect(referSiteVisit(contact({ transporterOrganisationId: OTHER_TRANSPORTER }), agent(), undefined, undefined).transporterOrganisationId).toBe(
      OTHER_TRANSPORTER,
    );
  });

  it('keeps no instructions when none or only spaces are given', () => {
    expect(referSiteVisit(contact(), agent(), undefined, '   ').instructions).toBeNull();
    expect(referSiteVisit(contact(), agent(), undefined, undefined).instructions).toBeNull();
  });

  it('is for a CDSP agent only: not another CDSP role, a partner system, nor another organisation', () => {
    expect(refusal(() => referSiteVisit(contact(), agent(['CDSP_ADMIN']), undefined, undefined))).toMatchObject({ kind: 'FORBIDDEN', code: 'AGENT_ROLE_REQUIRED' });
    expect(refusal(() => referSiteVisit(contact(), { ...agent([]), isPartnerSystem: true }, undefined, undefined))).toMatchObject({ code: 'AGENT_ROLE_REQUIRED' });
    expect(refusal(() => referSiteVisit(contact(), { ...transporterUser(['CDSP_AGENT']) }, undefined, undefined))).toMatchObject({ code: 'AGENT_ROLE_REQUIRED' });
  });

  it('refers an open contact only', () => {
    expect(referSiteVisit(contact({ status: 'LOGGED' }), agent(), undefined, undefined).status).toBe('REFERRED');
    for (const status of ['RESOLVED', 'WITHDRAWN']) {
      expect(refusal(() => referSiteVisit(contact({ status }), agent(), undefined, undefined))).toMatchObject({ kind: 'CONFLICT', code: 'CONTACT_NOT_OPEN' });
    }
  });

  it('refuses a second open visit on the contact, naming the open one', () => {
    for (const status of ['REFERRED', 'ACCEPTED'] as const) {
      const refused = refusal(() => referSiteVisit(contact(), agent(), visit({ status }), undefined));
      expect(refused).toMatchObject({ kind: 'CONFLICT', code: 'SITE_VISIT_ALREADY_OPEN' });
      expect(refused.message).toContain(visit().id);
    }
  });

  it('refers again once the last visit was declined, reported or cancelled', () => {
    for (const status of ['DECLINED', 'FINDING_REPORTED', 'CANCELLED'] as const) {
      expect(referSiteVisit(contact(), agent(), visit({ status }), undefined).status).toBe('REFERRED');
    }
  });

  it('refuses instructions longer than the limit', () => {
    expect(refusal(() => referSiteVisit(contact(), agent(), undefined, 'x'.repeat(4001)))).toMatchObject({ kind: 'INVALID', field: 'instructions' });
  });
});

describe("the transporter's answer to a referral", () => {
  it('accepts a referred visit', () => {
    expect(answerReferral(visit(), transporterUser(), { accepted: true })).toEqual({ status: 'ACCEPTED', accepted: true, reason: null });
  });

  it('declines it with a reason, which returns it to the agent', () => {
    expect(answerReferral(visit(), transporterUser(), { accepted: false, reason: ' No access to the site. ' })).toEqual({
      status: 'DECLINED',
      accepted: false,
      reason: 'No access to the site.',
    });
  });

  it('needs a reason to decline', () => {
    expect(refusal(() => answerReferral(visit(), transporterUser(), { accepted: false }))).toMatchObject({ code: 'DECLINE_REASON_REQUIRED', field: 'reason' });
    expect(refusal(() => answerReferral(visit(), transporterUser(), { accepted: false, reason: '  ' }))).toMatchObject({ code: 'DECLINE_REASON_REQUIRED' });
    expect(refusal(() => answerReferral(visit(), transporterUser(), { accepted: false, reason: 'x'.repeat(2001) }))).toMatchObject({ kind: 'INVALID', field: 'reason' });
  });

  it('is given by the transporter it is referred to only, by a transporter user, a supervisor or its partner system', () => {
    expect(refusal(() => answerReferral(visit(), transporterUser(['TRANSPORTER_USER'], OTHER_TRANSPORTER), { accepted: true }))).toMatchObject({
      kind: 'FORBIDDEN',
      code: 'TRANSPORTER_ONLY',
    });
    expect(refusal(() => answerReferral(visit(), { ...agent(), organisationId: SHIPPER }, { accepted: true }))).toMatchObject({ code: 'TRANSPORTER_ONLY' });
    expect(refusal(() => answerReferral(visit(), transporterUser(['LSO']), { accepted: true }))).toMatchObject({ code: 'TRANSPORTER_ROLE_REQUIRED' });
    expect(answerReferral(visit(), transporterUser(['SUPERVISOR']), { accepted: true }).status).toBe('ACCEPTED');
    expect(answerReferral(visit(), { ...transporterUser([]), isPartnerSystem: true }, { accepted: true }).status).toBe('ACCEPTED');
  });

  it('answers a referred visit only, once', () => {
    for (const status of ['ACCEPTED', 'DECLINED', 'FINDING_REPORTED', 'CANCELLED'] as const) {
      expect(refusal(() => answerReferral(visit({ status }), transporterUser(), { accepted: true }))).toMatchObject({ kind: 'CONFLICT', code: 'ILLEGAL_TRANSITION' });
      expect(refusal(() => answerReferral(visit({ status }), transporterUser(), { accepted: false, reason: 'No.' }))).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    }
  });
});

describe("the transporter's finding", () => {
  const accepted = visit({ status: 'ACCEPTED', version: 2 });
  const report = { confirmed: true, visitedOn: '2026-12-03', notes: ' Meter in use. ', meterSerialNumber: 'G4A-1', meterRead: '04530', condition: ' ' };

  it('is reported on an accepted visit: confirmed or not, the visit date, what was seen, notes', () => {
    expect(reportFinding(accepted, transporterUser(), report, '2026-12-04', '2026-12-01')).toEqual({
      status: 'FINDING_REPORTED',
      confirmed: true,
      visitedOn: '2026-12-03',
      notes: 'Meter in use.',
      meterSerialNumber: 'G4A-1',
      meterRead: '04530',
      condition: null,
    });
    expect(reportFinding(accepted, transporterUser(), { ...report, confirmed: false }, '2026-12-04', '2026-12-01').confirmed).toBe(false);
  });

  it('comes only after acceptance', () => {
    for (const status of ['REFERRED', 'DECLINED', 'FINDING_REPORTED', 'CANCELLED'] as const) {
      expect(refusal(() => reportFinding(visit({ status }), transporterUser(), report, '2026-12-04', '2026-12-01'))).toMatchObject({
        kind: 'CONFLICT',
        code: 'ILLEGAL_TRANSITION',
      });
    }
  });

  it('has a visit date between the referral and today, both days included', () => {
    expect(reportFinding(accepted, transporterUser(), { ...report, visitedOn: '2026-12-01' }, '2026-12-01', '2026-12-01').visitedOn).toBe('2026-12-01');
    expect(refusal(() => reportFinding(accepted, transporterUser(), { ...report, visitedOn: '2026-12-05' }, '2026-12-04', '2026-12-01'))).toMatchObject({
      code: 'VISIT_DATE_IN_FUTURE',
      field: 'visitedOn',
    });
    expect(refusal(() => reportFinding(accepted, transporterUser(), { ...report, visitedOn: '2026-11-30' }, '2026-12-04', '2026-12-01'))).toMatchObject({
      code: 'VISIT_DATE_BEFORE_REFERRAL',
      field: 'visitedOn',
    });
    expect(refusal(() => reportFinding(accepted, transporterUser(), { ...report, visitedOn: '2026-02-30' }, '2026-12-04', '2026-12-01'))).toMatchObject({
      code: 'INVALID_FIELD',
      field: 'visitedOn',
    });
  });

  it('says what was found', () => {
    expect(refusal(() => reportFinding(accepted, transporterUser(), { ...report, notes: '   ' }, '2026-12-04', '2026-12-01'))).toMatchObject({ field: 'notes' });
  });

  it('is reported by the transporter it is referred to only', () => {
    expect(refusal(() => reportFinding(accepted, transporterUser(['TRANSPORTER_USER'], OTHER_TRANSPORTER), report, '2026-12-04', '2026-12-01'))).toMatchObject({
      code: 'TRANSPORTER_ONLY',
    });
    expect(refusal(() => reportFinding(accepted, agent(), report, '2026-12-04', '2026-12-01'))).toMatchObject({ code: 'TRANSPORTER_ONLY' });
  });
});

describe('a visit whose contact ends', () => {
  it('is cancelled while open, with the cause', () => {
    expect(cancelSiteVisit(visit(), 'RESOLVED')).toEqual({ status: 'CANCELLED', cause: 'CONTACT_RESOLVED' });
    expect(cancelSiteVisit(visit({ status: 'ACCEPTED' }), 'WITHDRAWN')).toEqual({ status: 'CANCELLED', cause: 'CONTACT_WITHDRAWN' });
  });

  it('is left as it is once declined, reported or cancelled', () => {
    for (const status of ['DECLINED', 'FINDING_REPORTED', 'CANCELLED'] as const) {
      expect(refusal(() => cancelSiteVisit(visit({ status }), 'RESOLVED'))).toMatchObject({ code: 'ILLEGAL_TRANSITION' });
    }
  });
});
