import { Topics } from '../topics';
import { Crn, Id, Instant, OrganisationId, OrganisationIds, REASON_MAX_LENGTH, Text, UserId } from './event-fields';

/**
 * The transporter declined a site visit with a reason, which returns it to the agent
 * (docs/domain.md "Investigation"). Published on `cms.site-visits.v1`, keyed by CRN.
 */
export class SiteVisitDeclinedV1 {
  static readonly type = 'uk.gas.cms.site-visit.declined.v1';
  static readonly topic = Topics.siteVisits;

  @Id()
  siteVisitId!: string;

  @Crn()
  crn!: string;

  @OrganisationId()
  transporterOrganisationId!: string;

  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @UserId()
  declinedByUserId!: string;

  @Instant()
  declinedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
