import { SiteVisitEventV1 } from './site-visit-event';
import { Topics } from '../topics';
import { Instant, OneOf } from './event-fields';

/** Why a site visit was cancelled: its contact ended (docs/domain.md "Outcome" cancels its open SVs). */
export const SITE_VISIT_CANCELLATION_CAUSES = ['CONTACT_RESOLVED', 'CONTACT_WITHDRAWN'] as const;
export type SiteVisitCancellationCause = (typeof SITE_VISIT_CANCELLATION_CAUSES)[number];

/** An open site visit was cancelled. Published on `cms.site-visits.v1`, keyed by CRN. */
export class SiteVisitCancelledV1 extends SiteVisitEventV1 {
  static readonly type = 'uk.gas.cms.site-visit.cancelled.v1';
  static readonly topic = Topics.siteVisits;

  @OneOf(SITE_VISIT_CANCELLATION_CAUSES)
  cause!: SiteVisitCancellationCause;

  @Instant()
  cancelledAt!: string;
}
