import { PartnerTopics } from '../topics';
import { Instant, MESSAGE_MAX_LENGTH, Mprn, OneOf, OptionalText, REASON_MAX_LENGTH, Text } from './event-fields';
import { PartnerEventV1 } from './partner-event';

/**
 * A contact this transporter is involved in (referred to it, or a clarification addressed to it)
 * was resolved (ContactResolvedV1): its open site visits are cancelled.
 */
export class PartnerContactResolvedV1 extends PartnerEventV1 {
  static readonly type = 'uk.gas.cms.partner.contact.resolved.v1';
  static readonly topic = PartnerTopics.referrals;

  @Mprn()
  mprn!: string;

  @OneOf(['DTL', 'ISO'])
  contactType!: 'DTL' | 'ISO';

  @OneOf(['VALID', 'INVALID'])
  outcome!: 'VALID' | 'INVALID';

  /** A resolution reason of the reference data, e.g. NO_RESPONSE_TO_DC. */
  @Text(40)
  reasonCode!: string;

  @Text(REASON_MAX_LENGTH)
  reason!: string;

  @OptionalText(MESSAGE_MAX_LENGTH)
  note?: string;

  @Instant()
  resolvedAt!: string;
}
