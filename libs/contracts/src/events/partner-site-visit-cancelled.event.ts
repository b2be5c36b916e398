import { PartnerTopics } from '../topics';
import { Id, Instant, OneOf } from './event-fields';
import { PartnerEventV1 } from './partner-event';
import { SITE_VISIT_CANCELLATION_CAUSES, type SiteVisitCancellationCause } from './site-visit-cancelled.event';

/** A site visit referred to this transporter was cancelled: its contact ended (SiteVisitCancelledV1). Do not visit. */
export class PartnerSiteVisitCancelledV1 extends PartnerEventV1 {
  static readonly type = 'uk.gas.cms.partner.site-visit.cancelled.v1';
  static readonly topic = PartnerTopics.referrals;

  @Id()
  siteVisitId!: string;

  @OneOf(SITE_VISIT_CANCELLATION_CAUSES)
  cause!: SiteVisitCancellationCause;

  @Instant()
  cancelledAt!: string;
}
