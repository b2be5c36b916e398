import { Inject, Injectable } from '@nestjs/common';
import { ANONYMISED_MARKER, ContactAnonymisedV1 } from '@cms/contracts';
import { currentTraceId } from '@cms/observability';
import { Clock, EventOutbox, Timers, type Timer, type TimerHandler } from '@cms/service-defaults';
import { contactAnonymisedAt, rejectedSubmissionsRefusedBefore, rejectedSubmissionsSweepAt, type ContactType, type RetentionSchedule } from '../domain';
import { CONTACT_RETENTION_STORE, type ContactRetentionStore } from './contact-retention.port';

/** The durable timers of retention: the kinds declared in app.module.ts. */
export const RETENTION_TIMERS = {
  /** One per ended contact, keyed by CRN. */
  contact: 'retention.contact',
  /** One per day on which submissions were refused, keyed by the day (YYYY-MM-DD) it falls due. */
  rejectedSubmissions: 'retention.rejected-submissions',
} as const;

export interface RetentionTimerPayload {
  [key: string]: unknown;
  crn?: string;
}

/** The retention schedule as configured (contact-logging.config.ts, retentionScheduleOf). */
export const RETENTION_SCHEDULE = Symbol('RETENTION_SCHEDULE');

/**
 * Retention (docs/domain.md "Data protection", README "Retention"): when a contact ends, the day its
 * personal data goes is set, in the transaction of its end; when that day comes, contact-logging
 * replaces what it holds with ANONYMISED_MARKER and announces it (ContactAnonymised) in one
 * transaction, and every other service that holds any of it does the same on that event. Rejected
 * submissions, which no other service holds, go by their own period, a day's refusals at a time.
 */
@Injectable()
export class ContactRetention implements TimerHandler<RetentionTimerPayload> {
  constructor(
    @Inject(CONTACT_RETENTION_STORE) private readonly store: ContactRetentionStore,
    @Inject(Timers) private readonly timers: Timers,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Inject(Clock) private readonly clock: Clock,
    @Inject(RETENTION_SCHEDULE) private readonly schedule: RetentionSchedule,
  ) {}

  /** The contact has just ended (resolved or withdrawn, inside that change's transaction): its personal data goes after its type's period. */
  async contactEnded(crn: string, contactType: ContactType, endedAt: Date): Promise<void> {
    const payload: RetentionTimerPayload = { crn };
    await this.timers.schedule({ kind: RETENTION_TIMERS.contact, key: crn, dueAt: contactAnonymisedAt(contactType, endedAt, this.schedule), payload });
  }

  /** A submission was refused at `refusedAt` (inside the transaction that records it): that day's refusals are swept once their period has passed. */
  async submissionRejected(refusedAt: Date): Promise<void> {
    const dueAt = rejectedSubmissionsSweepAt(refusedAt, this.schedule);
    await this.timers.schedule({ kind: RETENTION_TIMERS.rejectedSubmissions, key: dueAt.toISOString().slice(0, 10), dueAt, payload: {} });
  }

  async fire(timer: Timer<RetentionTimerPayload>): Promise<void> {
    const now = this.clock.now();
    if (timer.kind === RETENTION_TIMERS.rejectedSubmissions) {
      await this.store.anonymiseRejectedSubmissions(rejectedSubmissionsRefusedBefore(now, this.schedule), now, ANONYMISED_MARKER);
      return;
    }
    const { crn } = timer.payload;
    if (!crn) throw new Error(`timer ${timer.kind} ${timer.key} carries no CRN`);
    await this.anonymiseContact(crn, now);
  }

  /** Replaces the contact's personal data here and announces it, in the timer's transaction; nothing for a contact that has not ended. */
  private async anonymiseContact(crn: string, now: Date): Promise<void> {
    const contact = await this.store.lock(crn);
    if (!contact || contact.closedAt === null) return;
    await this.store.anonymiseContact({ crn, at: now, marker: ANONYMISED_MARKER, traceId: currentTraceId() ?? null });
    // The contact's events published already carried some of it (a resolution note, a withdrawal reason).
    await this.events.erasePublished(crn);
    await this.events.record({
      type: ContactAnonymisedV1.type,
      subject: crn,
      time: now,
      data: {
        crn,
        contactType: contact.contactType,
        endedAt: contact.closedAt.toISOString(),
        anonymisedAt: now.toISOString(),
        organisationIds: [...contact.visibleTo],
      } satisfies ContactAnonymisedV1,
    });
  }
}
