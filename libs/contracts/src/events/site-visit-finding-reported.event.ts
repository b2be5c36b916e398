import { SiteVisitEventV1 } from './site-visit-event';
import { IsBoolean } from 'class-validator';
import { Topics } from '../topics';
import { CalendarDay, Instant, MESSAGE_MAX_LENGTH, OptionalText, Text, UserId } from './event-fields';

/**
 * The transporter reported what its visit found: whether the requested status is confirmed, the
 * visit date, what was seen on site and notes (docs/domain.md "Investigation"). Published on
 * `cms.site-visits.v1`, keyed by CRN.
 */
export class SiteVisitFindingReportedV1 extends SiteVisitEventV1 {
  static readonly type = 'uk.gas.cms.site-visit.finding-reported.v1';
  static readonly topic = Topics.siteVisits;

  @IsBoolean()
  confirmed!: boolean;

  @CalendarDay()
  visitedOn!: string;

  @Text(MESSAGE_MAX_LENGTH)
  notes!: string;

  @OptionalText(20)
  meterSerialNumber?: string;

  /** The meter read seen on site, as its digits. */
  @OptionalText(12)
  meterRead?: string;

  /** The meter's condition as seen (e.g. capped, clamped, removed, in use). */
  @OptionalText(200)
  condition?: string;

  @UserId()
  reportedByUserId!: string;

  @Instant()
  reportedAt!: string;
}
