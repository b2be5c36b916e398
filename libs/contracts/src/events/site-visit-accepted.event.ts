import { Topics } from '../topics';
import { Crn, Id, Instant, OrganisationId, OrganisationIds, UserId } from './event-fields';

/** The transporter accepted a site visit. Published on `cms.site-visits.v1`, keyed by CRN. */
export class SiteVisitAcceptedV1 {
  static readonly type = 'uk.gas.cms.site-visit.accepted.v1';
  static readonly topic = Topics.siteVisits;

  @Id()
  siteVisitId!: string;

  @Crn()
  crn!: string;

  @OrganisationId()
  transporterOrganisationId!: string;

  @UserId()
  acceptedByUserId!: string;

  @Instant()
  acceptedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
