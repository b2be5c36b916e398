import { SiteVisitEventV1 } from './site-visit-event';
import { Topics } from '../topics';
import { Instant, UserId } from './event-fields';

/** The transporter accepted a site visit. Published on `cms.site-visits.v1`, keyed by CRN. */
export class SiteVisitAcceptedV1 extends SiteVisitEventV1 {
  static readonly type = 'uk.gas.cms.site-visit.accepted.v1';
  static readonly topic = Topics.siteVisits;

  @UserId()
  acceptedByUserId!: string;

  @Instant()
  acceptedAt!: string;
}
