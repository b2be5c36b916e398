import { ClarificationEventV1 } from './clarification-event';
import { Topics } from '../topics';
import { CalendarDay, Id, Instant, MESSAGE_MAX_LENGTH, OrganisationId, Text, UserId } from './event-fields';

/**
 * A side of an open thread replied; the turn passes to the other side, due on `dueOn`. An answer
 * from the originator to a DC addressed to it stops the contact's automatic closure and its paused
 * clock restarts. Published on `cms.clarifications.v1`, keyed by CRN.
 */
export class ClarificationMessagePostedV1 extends ClarificationEventV1 {
  static readonly type = 'uk.gas.cms.clarification.message-posted.v1';
  static readonly topic = Topics.clarifications;

  @Id()
  messageId!: string;

  @UserId()
  postedByUserId!: string;

  @OrganisationId()
  postedByOrganisationId!: string;

  @Text(MESSAGE_MAX_LENGTH)
  text!: string;

  /** Whose turn it is now. */
  @OrganisationId()
  waitingOnOrganisationId!: string;

  /** When the side whose turn it is must answer. */
  @CalendarDay()
  dueOn!: string;

  @Instant()
  postedAt!: string;
}
