import { ClarificationEventV1 } from './clarification-event';
import { Topics } from '../topics';
import { CalendarDay, Id, Instant, MESSAGE_MAX_LENGTH, OneOf, OrganisationId, Text, UserId } from './event-fields';
import { CLARIFICATION_ADDRESSEES, type ClarificationAddressee } from './clarification-kind';

/**
 * A DC or OC was raised on a contact: its question is the thread's first message, and the turn is
 * the addressee's until `dueOn` (working days, docs/domain.md "Time limits"). A DC to a transporter
 * makes it a participant (contact-logging answers with ContactParticipantsChanged). Published on
 * `cms.clarifications.v1`, keyed by CRN so that a contact's threads stay in order.
 */
export class ClarificationRaisedV1 extends ClarificationEventV1 {
  static readonly type = 'uk.gas.cms.clarification.raised.v1';
  static readonly topic = Topics.clarifications;

  @OneOf(CLARIFICATION_ADDRESSEES)
  addressedTo!: ClarificationAddressee;

  @OrganisationId()
  addressedToOrganisationId!: string;

  @UserId()
  raisedByUserId!: string;

  @OrganisationId()
  raisedByOrganisationId!: string;

  /** The first message's id. */
  @Id()
  messageId!: string;

  @Text(MESSAGE_MAX_LENGTH)
  question!: string;

  @CalendarDay()
  dueOn!: string;

  @Instant()
  raisedAt!: string;
}
