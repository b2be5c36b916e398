import { Inject, Injectable } from '@nestjs/common';
import { ANONYMISED_MARKER, ContactAnonymisedV1 } from '@cms/contracts';
import { currentTraceId } from '@cms/observability';
import { Clock, EventOutbox, Timers, Transactions, type Timer, type TimerHandler, type TimerSchedule } from '@cms/service-defaults';
import { contactAnonymisedAt, rejectedSubmissionsRefusedBefore, rejectedSubmissionsSweepAt, type ContactType, type RetentionSchedule } from '../domain';
import { CONTACT_RETENTION_STORE, type ContactRetentionStore } from './contact-retention.port';

/** The durable timers of retention: the kinds declared in app.module.ts. */
export const RETENTION_TIMERS = {
  /** One per ended contact, keyed by CRN. */
  contact: 'retention.contact',
  /** One per day on which submissions were refused, keyed by the day (YYYY-MM-DD) it falls due. */
  rejectedSubmissions: 'retention.rejected-submissions',
} as const;

/** Ended contacts given their timers per transaction by the back-fill. */
const BACKFILL_BATCH = 500;

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
    @Inject(Transactions) private readonly transactions: Transactions,
  ) {}

  /** The contact has just ended (resolved or withdrawn, inside that change's transaction): its personal data goes after its type's period. */
  async contactEnded(crn: string, contactType: ContactType, endedAt: Date): Promise<void> {
    await this.timers.schedule(this.contactTimer(crn, contactType, endedAt));
  }

  /** A submission was refused at `refusedAt` (inside the transaction that records it): that day's refusals are swept once their period has passed. */
  async submissionRejected(refusedAt: Date): Promise<void> {
    await this.timers.schedule(this.sweepTimer(refusedAt));
  }

  /**
   * Sets the timers that contacts ended, and submissions refused, before retention was released
   * never got (they would otherwise keep their personal data for ever); a timer already set is left
   * as it is, so this finds nothing to do once each has its timer, and two replicas starting together
   * set each once. `stopped` is asked between batches, so a stop does not wait for a long back-fill.
   */
  async scheduleMissing(stopped: () => boolean = () => false): Promise<{ contacts: number; refusalDays: number }> {
    let contacts = 0;
    for (let after = ''; !stopped(); ) {
      const batch = await this.transactions.run(async () => {
        const ended = await this.store.endedWithoutTimer(RETENTION_TIMERS.contact, after, BACKFILL_BATCH);
        for (const { crn, contactType, closedAt } of ended) {
          if (await this.timers.scheduleIfAbsent(this.contactTimer(crn, contactType, closedAt))) contacts += 1;
        }
        return ended;
      });
      if (batch.length < BACKFILL_BATCH) break;
      after = batch[batch.length - 1].crn;
    }
    let refusalDays = 0;
    if (!stopped()) {
      await this.transactions.run(async () => {
        for (const day of await this.store.daysWithRefusalsKept()) {
          if (await this.timers.scheduleIfAbsent(this.sweepTimer(day))) refusalDays += 1;
        }
      });
    }
    return { contacts, refusalDays };
  }

  private contactTimer(crn: string, contactType: ContactType, endedAt: Date): TimerSchedule<RetentionTimerPayload> {
    return { kind: RETENTION_TIMERS.contact, key: crn, dueAt: contactAnonymisedAt(contactType, endedAt, this.schedule), payload: { crn } };
  }

  /** One sweep a day, keyed by the day it falls due. */
  private sweepTimer(refusedAt: Date): TimerSchedule<RetentionTimerPayload> {
    const dueAt = rejectedSubmissionsSweepAt(refusedAt, this.schedule);
    return { kind: RETENTION_TIMERS.rejectedSubmissions, key: dueAt.toISOString().slice(0, 10), dueAt, payload: {} };
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
