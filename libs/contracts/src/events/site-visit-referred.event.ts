import { Topics } from '../topics';
import { CalendarDay, Crn, Id, Instant, Mprn, OneOf, OrganisationId, OrganisationIds, OptionalText, MESSAGE_MAX_LENGTH, StatusCode, UserId } from './event-fields';

/**
 * A CDSP agent referred a contact to the meter point's transporter (a DN or IGT) to visit and
 * confirm `confirmStatus`: Live for a DTL and for an ISO from Capped or Clamped, Dead for an ISO to
 * Dead (docs/domain.md "Investigation"). The transporter becomes a participant (contact-logging
 * answers with ContactParticipantsChanged). Due on `dueOn` (10 working days, PD). Published on
 * `cms.site-visits.v1`, keyed by CRN.
 */
export class SiteVisitReferredV1 {
  static readonly type = 'uk.gas.cms.site-visit.referred.v1';
  static readonly topic = Topics.siteVisits;

  @Id()
  siteVisitId!: string;

  @Crn()
  crn!: string;

  @Mprn()
  mprn!: string;

  @OneOf(['DTL', 'ISO'])
  contactType!: 'DTL' | 'ISO';

  @OrganisationId()
  transporterOrganisationId!: string;

  @StatusCode()
  confirmStatus!: string;

  /** What the agent asks the transporter to look at. */
  @OptionalText(MESSAGE_MAX_LENGTH)
  instructions?: string;

  @UserId()
  referredByUserId!: string;

  @CalendarDay()
  dueOn!: string;

  @Instant()
  referredAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
