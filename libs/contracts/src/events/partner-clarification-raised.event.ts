import { PartnerTopics } from '../topics';
import { CalendarDay, Id, Instant, MESSAGE_MAX_LENGTH, OneOf, Text } from './event-fields';
import { CLARIFICATION_KINDS, type ClarificationKind } from './clarification-kind';
import { PartnerEventV1 } from './partner-event';

/**
 * A clarification was addressed to this transporter as the contact's stakeholder
 * (ClarificationRaisedV1 to a STAKEHOLDER): answer `question` by `dueOn` through the API.
 */
export class PartnerClarificationRaisedV1 extends PartnerEventV1 {
  static readonly type = 'uk.gas.cms.partner.clarification.raised.v1';
  static readonly topic = PartnerTopics.referrals;

  @Id()
  clarificationId!: string;

  @OneOf(CLARIFICATION_KINDS)
  kind!: ClarificationKind;

  /** The question's message id. */
  @Id()
  messageId!: string;

  @Text(MESSAGE_MAX_LENGTH)
  question!: string;

  @CalendarDay()
  dueOn!: string;

  @Instant()
  raisedAt!: string;
}
