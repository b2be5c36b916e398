import { Crn, Id, OrganisationId, OrganisationIds } from './event-fields';

/**
 * What every site visit event after the referral carries: the visit, its contact, the transporter
 * it is referred to, and who may see it. All are v1 together.
 */
export abstract class SiteVisitEventV1 {
  @Id()
  siteVisitId!: string;

  @Crn()
  crn!: string;

  @OrganisationId()
  transporterOrganisationId!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
