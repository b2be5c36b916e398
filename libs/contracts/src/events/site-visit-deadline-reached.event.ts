import { SiteVisitEventV1 } from './site-visit-event';
import { Topics } from '../topics';
import { CalendarDay, Instant, OneOf } from './event-fields';
import { DEADLINE_STAGES, type DeadlineStage } from './deadline-reached';

/**
 * An open site visit's finding is due in a working day, or overdue. Published on
 * `cms.site-visits.v1`, keyed by CRN.
 */
export class SiteVisitDeadlineReachedV1 extends SiteVisitEventV1 {
  static readonly type = 'uk.gas.cms.site-visit.deadline-reached.v1';
  static readonly topic = Topics.siteVisits;

  @OneOf(DEADLINE_STAGES)
  stage!: DeadlineStage;

  @CalendarDay()
  dueOn!: string;

  @Instant()
  reachedAt!: string;
}
