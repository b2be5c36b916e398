import { SiteVisitEventV1 } from './site-visit-event';
import { Topics } from '../topics';
import { Instant, REASON_MAX_LENGTH, Text, UserId } from './event-fields';

/**
 * The transporter declined a site visit with a reason, which returns it to the agent
 * (docs/domain.md "Investigation"). Published on `cms.site-visits.v1`, keyed by CRN.
 */
export class SiteVisitDeclinedV1 extends SiteVisitEventV1 {
  static readonly type = 'uk.gas.cms.site-visit.declined.v1';
  static readonly topic = Topics.siteVisits;

  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @UserId()
  declinedByUserId!: string;

  @Instant()
  declinedAt!: string;
}
