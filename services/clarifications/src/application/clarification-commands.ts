import { Inject, Injectable } from '@nestjs/common';
import { commandActor, type Caller } from '@cms/auth';
import {
  ClarificationClosedV1,
  ClarificationDeadlineReachedV1,
  ClarificationMessagePostedV1,
  ClarificationRaisedV1,
  uuidv7,
  type DomainEvent,
} from '@cms/contracts';
import { londonToday } from '@cms/gas-market';
import {
  InvolvedContacts,
  withOrganisations,
  type ContactAnonymisation,
  type ContactAnonymisedHandler,
  type ContactEndedHandler,
  type ContactEnding,
  type InvolvedContact,
} from '@cms/involved-contacts';
import { currentTraceId } from '@cms/observability';
import { Clock, EventOutbox, Transactions, type Timer, type TimerHandler } from '@cms/service-defaults';
import { closeThread, closureCauseOf, postMessage, raiseClarification, type Addressee, type ClarificationKind } from '../domain';
import { CLARIFICATION_TIMERS, ClarificationClock, type ClarificationTimerPayload } from './clarification-clock';
import { CLARIFICATION_STORE, type ClarificationAuditEntry, type ClarificationStore, type StoredThread, type ThreadClosure } from './clarification-store.port';

/** No contact, or no thread, that the caller may see (answered exactly as a missing one: 404). */
export class ClarificationNotFound extends Error {}

/** The command was decided on an older version of the thread than the one stored (412). */
export class StaleClarificationVersion extends Error {
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`The thread has changed since version ${expected}: it is at version ${current}.`);
  }
}

export interface RaiseClarification {
  kind: ClarificationKind;
  addressedTo?: Addressee;
  question: string;
}

/**
 * The commands on clarification threads (docs/domain.md "Investigation"): ask, reply, close; and
 * what the contact's end and the clock do to them. Each runs in one transaction: the contact (or
 * thread) is locked, the domain decides, and the change, its audit entry, its timers and its event
 * commit together.
 */
@Injectable()
export class ClarificationCommands implements ContactEndedHandler, ContactAnonymisedHandler, TimerHandler<ClarificationTimerPayload> {
  constructor(
    @Inject(CLARIFICATION_STORE) private readonly threads: ClarificationStore,
    @Inject(InvolvedContacts) private readonly contacts: InvolvedContacts,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Inject(ClarificationClock) private readonly clock: ClarificationClock,
    @Inject(Clock) private readonly time: Clock,
  ) {}

  /** Asks a question on a contact; the thread's id. A DC to the transporter involves it in the contact at once. */
  raise(caller: Caller, crn: string, request: RaiseClarification): Promise<string> {
    return this.transactions.run(async () => {
      const contact = await this.contacts.involving(crn, caller, { lock: true });
      if (!contact) throw new ClarificationNotFound();
      const now = this.time.now();
      const raised = raiseClarification(contact, commandActor(caller), request, londonToday(now), this.clock.calendarOf(contact.ldz), this.clock.limits);
      await this.contacts.involve(crn, [raised.addressedOrganisationId]);

      const thread: StoredThread = {
        id: uuidv7(),
        crn,
        kind: raised.kind,
        addressedTo: raised.addressedTo,
        askingOrganisationId: raised.askingOrganisationId,
        addressedOrganisationId: raised.addressedOrganisationId,
        status: 'OPEN',
        waitingOnOrganisationId: raised.turn.waitingOnOrganisationId,
        dueOn: raised.turn.dueOn,
        raisedByUserId: caller.userId,
        raisedAt: now,
        closure: null,
        version: 1,
      };
      const question = { id: uuidv7(), sequence: 1, postedByUserId: caller.userId, postedByOrganisationId: caller.organisationId, text: request.question.trim(), postedAt: now };
      await this.threads.insert(thread, question);
      await this.clock.start(thread.id, raised.turn.dueOn, contact.ldz);
      await this.audit(thread, 'RAISED', caller, now, { kind: thread.kind, addressedTo: thread.addressedTo, addressedToOrganisationId: thread.addressedOrganisationId, messageId: question.id, dueOn: thread.dueOn });
      await this.events.record(
        event(ClarificationRaisedV1.type, thread, now, {
          ...common(thread, contact),
          addressedTo: thread.addressedTo,
          addressedToOrganisationId: thread.addressedOrganisationId,
          raisedByUserId: caller.userId,
          raisedByOrganisationId: caller.organisationId,
          messageId: question.id,
          question: question.text,
          dueOn: raised.turn.dueOn,
          raisedAt: now.toISOString(),
        } satisfies ClarificationRaisedV1),
      );
      return thread.id;
    });
  }

  /** A side replies on its turn; the turn passes to the other side. */
  reply(caller: Caller, id: string, expectedVersion: number, text: string): Promise<void> {
    return this.command(caller, id, expectedVersion, async (thread, contact, now) => {
      const turn = postMessage(thread, contact, commandActor(caller), londonToday(now), this.clock.calendarOf(contact.ldz), this.clock.limits);
      const message = { id: uuidv7(), postedByUserId: caller.userId, postedByOrganisationId: caller.organisationId, text: text.trim(), postedAt: now };
      await this.threads.addMessage(thread.id, message);
      await this.threads.update(thread.id, { status: 'OPEN', waitingOnOrganisationId: turn.waitingOnOrganisationId, dueOn: turn.dueOn, closure: null });
      await this.clock.start(thread.id, turn.dueOn, contact.ldz);
      await this.audit(thread, 'MESSAGE_POSTED', caller, now, { messageId: message.id, waitingOnOrganisationId: turn.waitingOnOrganisationId, dueOn: turn.dueOn });
      await this.events.record(
        event(ClarificationMessagePostedV1.type, thread, now, {
          ...common(thread, contact),
          messageId: message.id,
          postedByUserId: caller.userId,
          postedByOrganisationId: caller.organisationId,
          text: message.text,
          waitingOnOrganisationId: turn.waitingOnOrganisationId,
          dueOn: turn.dueOn,
          postedAt: now.toISOString(),
        } satisfies ClarificationMessagePostedV1),
      );
    });
  }

  /** Either side closes the thread, with a reason. */
  close(caller: Caller, id: string, expectedVersion: number, reason: string): Promise<void> {
    return this.command(caller, id, expectedVersion, async (thread, contact, now) => {
      closeThread(thread, commandActor(caller));
      const closure: ThreadClosure = { cause: 'CLOSED_BY_PARTICIPANT', reason: reason.trim(), closedByUserId: caller.userId, closedByOrganisationId: caller.organisationId, closedAt: now };
      await this.closeWith(thread, contact, closure, caller);
    });
  }

  /** The contact was resolved or withdrawn: its open threads close (libs/involved-contacts runs this in the consumer's transaction). */
  async contactEnded(contact: InvolvedContact, ending: ContactEnding): Promise<void> {
    const reason = ending.cause === 'RESOLVED' ? 'The contact was resolved.' : 'The contact was withdrawn.';
    for (const thread of await this.threads.lockOpenThreadsOf(contact.crn)) {
      const closure: ThreadClosure = { cause: closureCauseOf(ending.cause), reason, closedByUserId: null, closedByOrganisationId: null, closedAt: ending.at };
      await this.closeWith(thread, contact, closure, null);
    }
  }

  /** The contact's retention period has passed: what people wrote in its threads goes (libs/involved-contacts runs this in the consumer's transaction). */
  async contactAnonymised({ crn, marker }: ContactAnonymisation): Promise<void> {
    await this.threads.anonymiseContact(crn, marker);
  }

  /**
   * A turn's reminder is due, or its due date has passed: audited and announced
   * (ClarificationDeadlineReached; contact-logging's automatic closure and the alerts read it).
   * Nothing when the thread has closed or its turn has moved since the timer was set.
   */
  async fire(timer: Timer<ClarificationTimerPayload>): Promise<void> {
    const { clarificationId, dueOn } = timer.payload;
    const thread = await this.threads.lock(clarificationId);
    if (!thread || thread.status !== 'OPEN' || thread.dueOn !== dueOn || thread.waitingOnOrganisationId === null) return;
    const contact = await this.contacts.find(thread.crn);
    if (!contact) return;
    const stage = timer.kind === CLARIFICATION_TIMERS.reminder ? 'REMINDER' : 'OVERDUE';
    const now = this.time.now();
    await this.audit(thread, stage, null, now, { waitingOnOrganisationId: thread.waitingOnOrganisationId, dueOn });
    await this.events.record(
      event(ClarificationDeadlineReachedV1.type, thread, now, {
        ...common(thread, contact),
        stage,
        addressedTo: thread.addressedTo,
        waitingOnOrganisationId: thread.waitingOnOrganisationId,
        dueOn,
        reachedAt: now.toISOString(),
      } satisfies ClarificationDeadlineReachedV1),
    );
  }

  private async closeWith(thread: StoredThread, contact: InvolvedContact, closure: ThreadClosure, caller: Caller | null): Promise<void> {
    await this.threads.update(thread.id, { status: 'CLOSED', waitingOnOrganisationId: null, dueOn: null, closure });
    await this.clock.stop(thread.id);
    await this.audit(thread, 'CLOSED', caller, closure.closedAt, { cause: closure.cause, reason: closure.reason });
    await this.events.record(
      event(ClarificationClosedV1.type, thread, closure.closedAt, {
        ...common(thread, contact),
        cause: closure.cause,
        reason: closure.reason,
        closedByUserId: closure.closedByUserId,
        closedByOrganisationId: closure.closedByOrganisationId,
        closedAt: closure.closedAt.toISOString(),
      } satisfies ClarificationClosedV1),
    );
  }

  private command(
    caller: Caller,
    id: string,
    expectedVersion: number,
    apply: (thread: StoredThread, contact: InvolvedContact, now: Date) => Promise<void>,
  ): Promise<void> {
    return this.transactions.run(async () => {
      const thread = await this.threads.lock(id);
      const contact = thread && (await this.contacts.involving(thread.crn, caller));
      if (!thread || !contact) throw new ClarificationNotFound();
      if (thread.version !== expectedVersion) throw new StaleClarificationVersion(expectedVersion, thread.version);
      await apply(thread, contact, this.time.now());
    });
  }

  private audit(thread: StoredThread, action: ClarificationAuditEntry['action'], caller: Caller | null, at: Date, detail: Record<string, unknown>): Promise<void> {
    return this.threads.audit({
      clarificationId: thread.id,
      crn: thread.crn,
      action,
      actorUserId: caller?.userId ?? null,
      actorOrganisationId: caller?.organisationId ?? null,
      occurredAt: at,
      detail,
      traceId: currentTraceId() ?? null,
    });
  }
}

/** What every event of a thread carries: the thread, its contact, its kind, and who may see it (the contact's organisations and the addressee). */
function common(thread: StoredThread, contact: InvolvedContact) {
  return {
    clarificationId: thread.id,
    crn: thread.crn,
    kind: thread.kind,
    organisationIds: withOrganisations(contact.organisationIds, [thread.addressedOrganisationId]),
  };
}

function event<T extends object>(type: string, thread: StoredThread, time: Date, data: T): DomainEvent<T> {
  return { type, subject: thread.crn, time, data };
}
