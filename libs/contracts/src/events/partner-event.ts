import { Crn, OrganisationId } from './event-fields';

/**
 * What every partner event carries (the referral feed, README "The referral feed"): the transporter
 * it is addressed to, whose partner topic it travels on (`cms.partner.<organisationId>.referrals.v1`,
 * derived from this field by the outbox, never chosen apart from it), and the contact's CRN, its
 * Kafka key and CloudEvents subject.
 *
 * A partner event carries only what that transporter may see of a contact it is involved in
 * (docs/domain.md "Transparency"): never another organisation's id, nor the people of other
 * organisations; the contact's details stay behind the API (`GET /site-visits/{id}`).
 * These are the partner-facing contract: versioned apart from the internal events they follow.
 */
export abstract class PartnerEventV1 {
  @OrganisationId()
  organisationId!: string;

  @Crn()
  crn!: string;
}
