import { PartnerTopics } from '../topics';
import { CalendarDay, Id, Instant, MESSAGE_MAX_LENGTH, Mprn, OneOf, OptionalText, StatusCode } from './event-fields';
import { PartnerEventV1 } from './partner-event';

/**
 * A contact was referred to this transporter for a site visit (SiteVisitReferredV1): visit the
 * meter point and confirm `confirmStatus`, finding due on `dueOn`. Accept or decline it, and report
 * the finding, through the API (`POST /site-visits/{siteVisitId}/acceptance`, `/finding`).
 */
export class PartnerSiteVisitReferredV1 extends PartnerEventV1 {
  static readonly type = 'uk.gas.cms.partner.site-visit.referred.v1';
  static readonly topic = PartnerTopics.referrals;

  @Id()
  siteVisitId!: string;

  @Mprn()
  mprn!: string;

  @OneOf(['DTL', 'ISO'])
  contactType!: 'DTL' | 'ISO';

  @StatusCode()
  confirmStatus!: string;

  /** What the CDSP agent asks the transporter to look at. */
  @OptionalText(MESSAGE_MAX_LENGTH)
  instructions?: string;

  @CalendarDay()
  dueOn!: string;

  @Instant()
  referredAt!: string;
}
