import { InvalidEventError, isPartnerEventType, partnerTopicOf, topicOf } from './event-registry';
import { PartnerSiteVisitReferredV1 } from './events/partner-site-visit-referred.event';
import { SiteVisitReferredV1 } from './events/site-visit-referred.event';
import { partnerGroupPrefix, partnerReferralsTopic, Topics } from './topics';

describe('partner topics', () => {
  const cadent = '0b6a1d2e-5a5e-4c47-9d0e-6f5a3c1b2a10';

  it("name one transporter's topic and group prefix by its organisation id, in lower case", () => {
    expect(partnerReferralsTopic(cadent)).toBe(`cms.partner.${cadent}.referrals.v1`);
    expect(partnerReferralsTopic(cadent.toUpperCase())).toBe(`cms.partner.${cadent}.referrals.v1`);
    expect(partnerGroupPrefix(cadent)).toBe(`cms.partner.${cadent}.`);
  });

  it('refuse anything but an organisation id, so no name can reach another topic or group', () => {
    for (const bad of ['CAD', '', '*', `${cadent}.x`, '../cms.contacts']) {
      expect(() => partnerReferralsTopic(bad)).toThrow(/organisation id/);
      expect(() => partnerGroupPrefix(bad)).toThrow(/organisation id/);
    }
  });

  it("send a partner event to its addressee's topic, and only a partner event", () => {
    expect(isPartnerEventType(PartnerSiteVisitReferredV1.type)).toBe(true);
    expect(isPartnerEventType(SiteVisitReferredV1.type)).toBe(false);
    expect(partnerTopicOf(PartnerSiteVisitReferredV1.type, { organisationId: cadent })).toBe(partnerReferralsTopic(cadent));
    expect(() => topicOf(PartnerSiteVisitReferredV1.type)).toThrow(InvalidEventError);
    expect(() => partnerTopicOf(SiteVisitReferredV1.type, { organisationId: cadent })).toThrow(InvalidEventError);
    expect(topicOf(SiteVisitReferredV1.type)).toBe(Topics.siteVisits);
  });
});
