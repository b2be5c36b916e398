import { Topics } from '../topics';
import { CalendarDay, Crn, Id, Instant, OneOf, OrganisationId, OrganisationIds } from './event-fields';
import { DEADLINE_STAGES, type DeadlineStage } from './deadline-reached';

/**
 * An open site visit's finding is due in a working day, or overdue. Published on
 * `cms.site-visits.v1`, keyed by CRN.
 */
export class SiteVisitDeadlineReachedV1 {
  static readonly type = 'uk.gas.cms.site-visit.deadline-reached.v1';
  static readonly topic = Topics.siteVisits;

  @Id()
  siteVisitId!: string;

  @Crn()
  crn!: string;

  @OrganisationId()
  transporterOrganisationId!: string;

  @OneOf(DEADLINE_STAGES)
  stage!: DeadlineStage;

  @CalendarDay()
  dueOn!: string;

  @Instant()
  reachedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
