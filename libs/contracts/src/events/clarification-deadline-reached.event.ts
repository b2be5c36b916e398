import { ClarificationEventV1 } from './clarification-event';
import { Topics } from '../topics';
import { CalendarDay, Instant, OneOf, OrganisationId } from './event-fields';
import { CLARIFICATION_ADDRESSEES, type ClarificationAddressee } from './clarification-kind';
import { DEADLINE_STAGES, type DeadlineStage } from './deadline-reached';

/**
 * An open thread's answer is due in a working day, or overdue. contact-logging closes the contact
 * INVALID automatically when a DC to the originator stays unanswered two working days past due
 * (docs/domain.md "Time limits", switchable). Published on `cms.clarifications.v1`, keyed by CRN.
 */
export class ClarificationDeadlineReachedV1 extends ClarificationEventV1 {
  static readonly type = 'uk.gas.cms.clarification.deadline-reached.v1';
  static readonly topic = Topics.clarifications;

  @OneOf(DEADLINE_STAGES)
  stage!: DeadlineStage;

  /** Whom the thread was addressed to (the originator's unanswered DC is what auto-closes a contact). */
  @OneOf(CLARIFICATION_ADDRESSEES)
  addressedTo!: ClarificationAddressee;

  @OrganisationId()
  waitingOnOrganisationId!: string;

  @CalendarDay()
  dueOn!: string;

  @Instant()
  reachedAt!: string;
}
