import { Topics } from '../topics';
import { CalendarDay, Crn, Instant, OneOf, OrganisationIds, UserIdOrNull } from './event-fields';
import { DEADLINE_STAGES, type DeadlineStage } from './deadline-reached';

/**
 * A contact's resolution target (20 working days after logging, PD, paused while it waits on the
 * originator) is a working day away, or has passed. Published on `cms.contacts.v1`, keyed by CRN.
 */
export class ContactDeadlineReachedV1 {
  static readonly type = 'uk.gas.cms.contact.deadline-reached.v1';
  static readonly topic = Topics.contacts;

  @Crn()
  crn!: string;

  @OneOf(DEADLINE_STAGES)
  stage!: DeadlineStage;

  @CalendarDay()
  dueOn!: string;

  /** The investigating agent, who is told first; null while nobody has taken it. */
  @UserIdOrNull()
  investigatingAgentUserId!: string | null;

  @Instant()
  reachedAt!: string;

  @OrganisationIds()
  organisationIds!: string[];
}
