import { Inject, Injectable } from '@nestjs/common';
import { ContactLoggedV1, type EventEnvelope } from '@cms/contracts';
import { isOpenContactStatus } from '../domain';
import { ContactClock } from './contact-clock';
import { CONTACT_TIMELINE, type ContactTimeline } from './contact-timeline.port';

/**
 * Starts a newly logged contact's resolution clock: its reminder and overdue timers. Logging writes
 * the contact in one statement (no transaction to set timers in), so the clock starts when its
 * ContactLogged event comes back to this service: late by the relay's lag at most, durable, once.
 */
@Injectable()
export class StartContactClockHandler {
  constructor(
    @Inject(CONTACT_TIMELINE) private readonly timeline: ContactTimeline,
    @Inject(ContactClock) private readonly clock: ContactClock,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    if (event.type !== ContactLoggedV1.type) return;
    const { crn } = event.data as ContactLoggedV1;
    const contact = await this.timeline.lock(crn);
    if (!contact) throw new Error(`${event.type} ${event.id} names contact ${crn}, which contact-logging does not hold`);
    // Ended or paused already (events of other topics may overtake this one): nothing to start.
    if (!isOpenContactStatus(contact.status) || contact.dueOn === null || contact.clockPausedOn !== null) return;
    await this.clock.start(crn, contact.dueOn, contact.ldz);
  }
}
