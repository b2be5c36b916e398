import { Inject, Injectable } from '@nestjs/common';
import { ContactDeadlineReachedV1 } from '@cms/contracts';
import { Clock, EventOutbox, type Timer, type TimerHandler } from '@cms/service-defaults';
import { isOpenContactStatus } from '../domain';
import { CONTACT_TIMERS, type ContactTimerPayload } from './contact-clock';
import { ContactLifecycleHandler } from './contact-lifecycle.handler';
import { CONTACT_TIMELINE, type ContactTimeline } from './contact-timeline.port';

/**
 * A contact's resolution target is a working day away (REMINDER) or has passed (OVERDUE): on its
 * timeline, and announced (ContactDeadlineReached) for the alerts. Nothing when the contact has
 * ended, its clock is paused, or its due date moved since the timer was set.
 */
@Injectable()
export class ContactDeadlineTimer implements TimerHandler<ContactTimerPayload> {
  constructor(
    @Inject(CONTACT_TIMELINE) private readonly timeline: ContactTimeline,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: Timer<ContactTimerPayload>): Promise<void> {
    const { crn, dueOn } = timer.payload;
    const stage = timer.kind === CONTACT_TIMERS.resolutionReminder ? 'REMINDER' : 'OVERDUE';
    const contact = await this.timeline.lock(crn);
    if (!contact || !isOpenContactStatus(contact.status) || contact.clockPausedOn !== null || contact.dueOn !== dueOn) return;
    const now = this.clock.now();
    await this.timeline.addEntry(crn, { occurredAt: now, action: `CONTACT_${stage}`, actorUserId: null, actorOrganisationId: null, detail: { dueOn } });
    await this.events.record({
      type: ContactDeadlineReachedV1.type,
      subject: crn,
      time: now,
      data: {
        crn,
        stage,
        dueOn,
        investigatingAgentUserId: contact.investigatingAgentUserId,
        reachedAt: now.toISOString(),
        organisationIds: [...contact.visibleTo],
      },
    });
  }
}

/** A DC to the originator stood unanswered long enough: the contact closes INVALID (ContactLifecycleHandler.closeUnanswered). */
@Injectable()
export class UnansweredDcTimer implements TimerHandler<ContactTimerPayload> {
  constructor(
    @Inject(ContactLifecycleHandler) private readonly lifecycle: ContactLifecycleHandler,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async fire(timer: Timer<ContactTimerPayload>): Promise<void> {
    const { crn, clarificationId, dueOn } = timer.payload;
    if (!clarificationId) throw new Error(`timer ${timer.kind} ${timer.key} carries no clarification id`);
    await this.lifecycle.closeUnanswered(crn, clarificationId, dueOn, this.clock.now());
  }
}
