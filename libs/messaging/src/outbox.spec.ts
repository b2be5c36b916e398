import { PartnerSiteVisitCancelledV1, partnerReferralsTopic, SiteVisitCancelledV1, type DomainEvent } from '@cms/contracts';
import { OutboxWriter } from './outbox';

/** Where the outbox sends each row: the relay publishes a row to the topic written here. */
describe('the outbox writer', () => {
  const cadent = '0b6a1d2e-5a5e-4c47-9d0e-6f5a3c1b2a10';
  const ngn = '7d1f6f0e-8a51-4a0b-9a43-3c2f6b1e9d21';
  const cancelledAt = '2026-12-01T10:00:00.000Z';
  const siteVisitId = '4c0f0a7e-2b1d-4f43-8e7a-1d9c3b2a5f60';

  const partnerCancelled = (organisationId: string): DomainEvent => ({
    type: PartnerSiteVisitCancelledV1.type,
    subject: 'C000000001',
    data: { organisationId, crn: 'C000000001', siteVisitId, cause: 'CONTACT_RESOLVED', cancelledAt },
  });
  const internalCancelled: DomainEvent = {
    type: SiteVisitCancelledV1.type,
    subject: 'C000000001',
    data: { siteVisitId, crn: 'C000000001', transporterOrganisationId: cadent, cause: 'CONTACT_RESOLVED', cancelledAt, organisationIds: [cadent] },
  };

  const topicsOf = (writer: OutboxWriter, events: DomainEvent[]) => writer.statement(events, 1).parameters[1];

  it("writes a partner event to the partner topic of the organisation it is addressed to, whatever the writer's routing", () => {
    const routedElsewhere = new OutboxWriter('/cms/test', () => 'test.somewhere');
    expect(topicsOf(routedElsewhere, [partnerCancelled(cadent), partnerCancelled(ngn)])).toEqual([partnerReferralsTopic(cadent), partnerReferralsTopic(ngn)]);
  });

  it("writes every other event to its type's topic, as before", () => {
    expect(topicsOf(new OutboxWriter('/cms/test'), [internalCancelled])).toEqual(['cms.site-visits.v1']);
    expect(topicsOf(new OutboxWriter('/cms/test', () => 'test.own'), [internalCancelled])).toEqual(['test.own']);
  });

  it('refuses a partner event whose addressee is not an organisation id, before choosing a topic', () => {
    expect(() => new OutboxWriter('/cms/test').statement([partnerCancelled('CAD')], 1)).toThrow(/organisationId/);
  });
});
