import {
  PartnerClarificationRaisedV1,
  PartnerContactResolvedV1,
  PartnerContactWithdrawnV1,
  PartnerSiteVisitCancelledV1,
  PartnerSiteVisitReferredV1,
  validateEventData,
  type ClarificationRaisedV1,
  type ContactResolvedV1,
  type ContactWithdrawnV1,
  type SiteVisitCancelledV1,
  type SiteVisitReferredV1,
} from '@cms/contracts';
import {
  partnerCancelled,
  partnerClarificationRaised,
  partnerOutcome,
  partnerReferred,
  resolvedOutcome,
  withdrawnOutcome,
  type PartnerEvent,
} from './partner-events';

const CADENT = '383da001-dcc0-4cf5-8481-59b9749b0a6c';
const SHIPPER = 'b39b394d-4352-47f1-9cab-919d828cf087';
const CDSP = '9a0c3f55-2f7e-4d4b-8f1e-2c1d0b9e8a77';
const OTHER_DN = '2dce312b-4a8a-40eb-a5f0-27148eb3cb07';
const CRN = 'C000000042';
const SITE_VISIT = '5f3c1f0e-6a1b-4b7e-9a51-7f2d3c4b5a60';

const referred: SiteVisitReferredV1 = {
  siteVisitId: SITE_VISIT,
  crn: CRN,
  mprn: '3938424403',
  contactType: 'ISO',
  transporterOrganisationId: CADENT,
  confirmStatus: 'DE',
  instructions: 'Check the meter is removed.',
  referredByUserId: 'cds.agent',
  dueOn: '2026-12-15',
  referredAt: '2026-12-01T09:00:00.000Z',
  organisationIds: [SHIPPER, CDSP, CADENT],
};

const cancelled: SiteVisitCancelledV1 = {
  siteVisitId: SITE_VISIT,
  crn: CRN,
  transporterOrganisationId: CADENT,
  organisationIds: [SHIPPER, CDSP, CADENT],
  cause: 'CONTACT_WITHDRAWN',
  cancelledAt: '2026-12-02T09:00:00.000Z',
};

const raised = (addressedTo: 'STAKEHOLDER' | 'ORIGINATOR'): ClarificationRaisedV1 => ({
  clarificationId: '0c8a7b6d-1e2f-4a3b-8c4d-5e6f7a8b9c0d',
  crn: CRN,
  kind: 'DC',
  organisationIds: [SHIPPER, CDSP, addressedTo === 'STAKEHOLDER' ? CADENT : SHIPPER],
  addressedTo,
  addressedToOrganisationId: addressedTo === 'STAKEHOLDER' ? CADENT : SHIPPER,
  raisedByUserId: 'cds.agent',
  raisedByOrganisationId: CDSP,
  messageId: '1d9b8c7e-2f30-4b4c-9d5e-6f7a8b9c0d1e',
  question: 'Is there a meter on site?',
  dueOn: '2026-12-08',
  raisedAt: '2026-12-01T10:00:00.000Z',
});

const resolved: ContactResolvedV1 = {
  crn: CRN,
  contactType: 'ISO',
  mprn: '3938424403',
  outcome: 'VALID',
  reasonCode: 'SITE_VISIT_CONFIRMED',
  reason: 'The transporter confirmed it on site.',
  note: 'Meter removed.',
  automatic: false,
  requestedStatus: 'DE',
  meterPointStatusAtLogging: 'LI',
  originatorOrganisationId: SHIPPER,
  loggedByUserId: 'bwe.user',
  resolvedByUserId: 'cds.agent',
  resolvedAt: '2026-12-03T09:00:00.000Z',
  organisationIds: [SHIPPER, CDSP, CADENT, OTHER_DN],
};

const withdrawn: ContactWithdrawnV1 = {
  crn: CRN,
  mprn: '3938424403',
  reason: 'Logged in error.',
  withdrawnByUserId: 'bwe.user',
  withdrawnByOrganisationId: SHIPPER,
  withdrawnAt: '2026-12-03T09:00:00.000Z',
  organisationIds: [SHIPPER, CDSP, CADENT],
};

/** Every organisation id and user the partner event must not carry: all but its addressee's. */
function expectOnlyItsOwn(event: PartnerEvent): void {
  const text = JSON.stringify(event);
  for (const other of [SHIPPER, CDSP, OTHER_DN, 'cds.agent', 'bwe.user']) expect(text).not.toContain(other);
  expect(event.data.organisationId).toBe(CADENT);
  expect(event.subject).toBe(CRN);
  expect(() => validateEventData(event.type, event.data)).not.toThrow();
}

describe('the referral feed mapping', () => {
  it('turns a referral into the transporter’s referral, with what its visit needs and nobody else’s ids', () => {
    const event = partnerReferred(referred);
    expect(event).toEqual({
      type: PartnerSiteVisitReferredV1.type,
      subject: CRN,
      time: new Date(referred.referredAt),
      data: {
        organisationId: CADENT,
        crn: CRN,
        siteVisitId: SITE_VISIT,
        mprn: '3938424403',
        contactType: 'ISO',
        confirmStatus: 'DE',
        instructions: 'Check the meter is removed.',
        dueOn: '2026-12-15',
        referredAt: referred.referredAt,
      },
    });
    expectOnlyItsOwn(event);
  });

  it('leaves out instructions the agent did not give', () => {
    const { instructions: _none, ...bare } = referred;
    expect(partnerReferred(bare).data).not.toHaveProperty('instructions');
  });

  it('turns a cancellation into the transporter’s', () => {
    const event = partnerCancelled(cancelled);
    expect(event).toMatchObject({ type: PartnerSiteVisitCancelledV1.type, data: { siteVisitId: SITE_VISIT, cause: 'CONTACT_WITHDRAWN' } });
    expectOnlyItsOwn(event);
  });

  it('turns a clarification to a stakeholder into the transporter’s question, and refuses one to the originator', () => {
    const event = partnerClarificationRaised(raised('STAKEHOLDER'));
    expect(event).toMatchObject({ type: PartnerClarificationRaisedV1.type, data: { question: 'Is there a meter on site?', dueOn: '2026-12-08' } });
    expectOnlyItsOwn(event);
    expect(() => partnerClarificationRaised(raised('ORIGINATOR'))).toThrow(/not addressed to a stakeholder/);
  });

  it('addresses a resolution to one involved transporter, without the originator or who resolved it', () => {
    const event = partnerOutcome(resolvedOutcome(resolved), CADENT);
    expect(event).toMatchObject({
      type: PartnerContactResolvedV1.type,
      data: { outcome: 'VALID', reasonCode: 'SITE_VISIT_CONFIRMED', note: 'Meter removed.', resolvedAt: resolved.resolvedAt },
    });
    expectOnlyItsOwn(event);
  });

  it('addresses a withdrawal to one involved transporter, without who withdrew it', () => {
    const event = partnerOutcome(withdrawnOutcome(withdrawn), CADENT);
    expect(event).toMatchObject({ type: PartnerContactWithdrawnV1.type, data: { reason: 'Logged in error.', withdrawnAt: withdrawn.withdrawnAt } });
    expectOnlyItsOwn(event);
  });
});
