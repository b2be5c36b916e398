import { Inject, Injectable } from '@nestjs/common';
import { commandActor, type Caller } from '@cms/auth';
import { ContactAssignedV1, ContactResolvedV1, ContactWithdrawnV1, type DomainEvent } from '@cms/contracts';
import { currentTraceId } from '@cms/observability';
import { Clock, EventOutbox, Transactions } from '@cms/service-defaults';
import {
  assignContact,
  closeUnanswered,
  ContactCommandRefused,
  isOpenContactStatus,
  NO_RESPONSE_TO_DC,
  resolveContact,
  withdrawContact,
  type Assignment,
  type ContactUnderWork,
  type Resolution,
  type ResolutionRequest,
  type Withdrawal,
} from '../domain';
import { ContactClock } from './contact-clock';
import { ContactRetention } from './contact-retention';
import { CONTACT_STORE, type ContactChangeSet, type ContactStore } from './contact-store.port';
import { CONTACT_TIMELINE, type ContactTimeline } from './contact-timeline.port';
import { ORGANISATION_MEMBERS, type OrganisationMembers } from './organisation-members.port';
import { RESOLUTION_REASONS, type ResolutionReasons } from './resolution-reasons.port';

/** No contact with this CRN that the caller may see (answered exactly as a missing one: 404). */
export class ContactNotFound extends Error {
  constructor(readonly crn: string) {
    super(`No contact ${crn}.`);
  }
}

/** The command was given against an older version of the contact than the one stored (412). */
export class StaleContactVersion extends Error {
  constructor(
    readonly expected: number,
    readonly current: number,
  ) {
    super(`The contact has changed since version ${expected}: it is at version ${current}. Read it again and decide on what it says now.`);
  }
}

/** The contact's version after a command. */
export interface CommandApplied {
  crn: string;
  version: number;
}

/**
 * The lifecycle commands on a logged contact (docs/domain.md "Investigation", "Outcome"): take,
 * give or transfer it; resolve it; withdraw it. Each runs in one transaction: the contact is read
 * and locked, its version checked against the one the caller saw (`If-Match`), the domain decides,
 * and the change, its history entry, its audit record and its event commit together; a contact's
 * end also sets when its personal data goes (ContactRetention).
 */
@Injectable()
export class ContactLifecycleHandler {
  constructor(
    @Inject(CONTACT_STORE) private readonly contacts: ContactStore,
    @Inject(RESOLUTION_REASONS) private readonly reasons: ResolutionReasons,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Inject(ContactClock) private readonly clock: ContactClock,
    @Inject(CONTACT_TIMELINE) private readonly timeline: ContactTimeline,
    @Inject(Clock) private readonly time: Clock,
    @Inject(ORGANISATION_MEMBERS) private readonly members: OrganisationMembers,
    @Inject(ContactRetention) private readonly retention: ContactRetention,
  ) {}

  assign(caller: Caller, crn: string, expectedVersion: number, assigneeUserId?: string): Promise<CommandApplied> {
    return this.command(caller, crn, expectedVersion, async (contact, now) => {
      const assignment = assignContact(contact, commandActor(caller), assigneeUserId);
      // The domain has let a SUPERVISOR give it to someone else; that they are one of the organisation's
      // active users only the directory knows (docs/domain.md "Who uses it"). Asked after the domain's
      // refusals, so that nobody else learns from the answer which user ids exist.
      if (assignment.assigneeUserId !== caller.userId && !(await this.members.isActiveMember(assignment.organisationId, assignment.assigneeUserId))) {
        throw new ContactCommandRefused(
          'INVALID',
          'UNKNOWN_ASSIGNEE',
          `${assignment.assigneeUserId} is not an active user of your organisation: the contact can be given only to one.`,
          'assigneeUserId',
        );
      }
      const set: ContactChangeSet =
        assignment.role === 'INVESTIGATING_AGENT'
          ? { status: assignment.status, investigatingAgentUserId: assignment.assigneeUserId }
          : { handlers: { ...contact.handlers, [assignment.organisationId]: assignment.assigneeUserId } };
      const detail = { role: assignment.role, assigneeUserId: assignment.assigneeUserId, previousAssigneeUserId: assignment.previousAssigneeUserId };
      return { set, action: 'ASSIGNED', detail, event: contactAssigned(contact, assignment, now) };
    });
  }

  async resolve(caller: Caller, crn: string, expectedVersion: number, request: ResolutionRequest): Promise<CommandApplied> {
    const reasons = await this.reasons.active();
    return this.command(caller, crn, expectedVersion, async (contact, now) => {
      const resolution = resolveContact(contact, commandActor(caller), request, reasons);
      await this.clock.stop(crn);
      await this.retention.contactEnded(crn, contact.contactType, now);
      const set: ContactChangeSet = {
        status: resolution.status,
        outcome: resolution.outcome,
        outcomeReasonCode: resolution.reason.code,
        outcomeReason: resolution.reason.label,
        outcomeNote: resolution.note,
        closedAutomatically: resolution.automatic,
        closedAt: now,
        closedByUserId: caller.userId,
      };
      const detail = {
        outcome: resolution.outcome,
        reasonCode: resolution.reason.code,
        reason: resolution.reason.label,
        note: resolution.note,
        automatic: resolution.automatic,
        meterPointStatusTo: resolution.meterPointStatusTo,
      };
      return { set, action: 'RESOLVED', detail, event: contactResolved(contact, resolution, caller.userId, now) };
    });
  }

  withdraw(caller: Caller, crn: string, expectedVersion: number, reason: unknown): Promise<CommandApplied> {
    return this.command(caller, crn, expectedVersion, async (contact, now) => {
      const withdrawal = withdrawContact(contact, commandActor(caller), reason);
      await this.clock.stop(crn);
      await this.retention.contactEnded(crn, contact.contactType, now);
      const set: ContactChangeSet = { status: withdrawal.status, withdrawalReason: withdrawal.reason, closedAt: now, closedByUserId: caller.userId };
      return { set, action: 'WITHDRAWN', detail: { reason: withdrawal.reason }, event: contactWithdrawn(contact, withdrawal, caller, now) };
    });
  }

  /**
   * The timer's closure of a contact whose DC to the originator went unanswered (docs/domain.md
   * "Time limits"): INVALID, "no response to data clarification", by nobody. Only if the switch is
   * on, the contact still open, and the DC still the originator's turn with the due date the timer
   * was set for (answered, or moved, since: nothing to do). Inside the timer's transaction.
   */
  async closeUnanswered(crn: string, clarificationId: string, dueOn: string, now: Date): Promise<boolean> {
    if (!this.clock.settings.autoCloseUnansweredDc) return false;
    const contact = await this.timeline.lock(crn);
    if (!contact || !isOpenContactStatus(contact.status)) return false;
    const item = await this.timeline.waitingItem(crn, clarificationId);
    if (!item || item.waitingOnOrganisationId !== contact.originatorOrganisationId || item.dueOn !== dueOn) return false;
    const reason = (await this.reasons.active()).find((candidate) => candidate.code === NO_RESPONSE_TO_DC);
    if (!reason) throw new Error(`the resolution reason ${NO_RESPONSE_TO_DC} is missing from the reference data: the timer cannot close ${crn}`);

    const resolution = closeUnanswered(contact, reason);
    await this.clock.stop(crn);
    await this.retention.contactEnded(crn, contact.contactType, now);
    await this.contacts.applyChange({
      crn,
      set: {
        status: resolution.status,
        outcome: resolution.outcome,
        outcomeReasonCode: reason.code,
        outcomeReason: reason.label,
        outcomeNote: null,
        closedAutomatically: true,
        closedAt: now,
        closedByUserId: null,
      },
      occurredAt: now,
      history: {
        action: 'RESOLVED',
        actorUserId: null,
        actorOrganisationId: null,
        detail: { outcome: resolution.outcome, reasonCode: reason.code, reason: reason.label, automatic: true, clarificationId, dcDueOn: dueOn },
      },
      traceId: currentTraceId() ?? null,
    });
    await this.events.record(contactResolved(contact, resolution, null, now));
    return true;
  }

  private command(
    caller: Caller,
    crn: string,
    expectedVersion: number,
    decide: (contact: ContactUnderWork, now: Date) => Promise<{ set: ContactChangeSet; action: string; detail: Record<string, unknown>; event: DomainEvent }>,
  ): Promise<CommandApplied> {
    return this.transactions.run(async () => {
      const contact = await this.contacts.findForCommand(caller, crn);
      if (!contact) throw new ContactNotFound(crn);
      if (contact.version !== expectedVersion) throw new StaleContactVersion(expectedVersion, contact.version);
      const now = this.time.now();
      const { set, action, detail, event } = await decide(contact, now);
      const version = await this.contacts.applyChange({
        crn,
        set,
        occurredAt: now,
        history: { action, actorUserId: caller.userId, actorOrganisationId: caller.organisationId, detail },
        traceId: currentTraceId() ?? null,
      });
      await this.events.record(event);
      return { crn, version };
    });
  }
}

function contactAssigned(contact: ContactUnderWork, assignment: Assignment, now: Date): DomainEvent<ContactAssignedV1> {
  return {
    type: ContactAssignedV1.type,
    subject: contact.crn,
    time: now,
    data: {
      crn: contact.crn,
      role: assignment.role,
      organisationId: assignment.organisationId,
      assigneeUserId: assignment.assigneeUserId,
      previousAssigneeUserId: assignment.previousAssigneeUserId,
      assignedByUserId: assignment.assignedByUserId,
      status: assignment.status as ContactAssignedV1['status'],
      assignedAt: now.toISOString(),
      organisationIds: [...contact.visibleTo],
    },
  };
}

function contactResolved(contact: ContactUnderWork, resolution: Resolution, resolvedBy: string | null, now: Date): DomainEvent<ContactResolvedV1> {
  return {
    type: ContactResolvedV1.type,
    subject: contact.crn,
    time: now,
    data: {
      crn: contact.crn,
      contactType: contact.contactType,
      mprn: contact.mprn,
      outcome: resolution.outcome,
      reasonCode: resolution.reason.code,
      reason: resolution.reason.label,
      ...(resolution.note === null ? {} : { note: resolution.note }),
      automatic: resolution.automatic,
      requestedStatus: resolution.requestedStatus,
      meterPointStatusAtLogging: contact.meterPointStatusAtLogging,
      originatorOrganisationId: contact.originatorOrganisationId,
      loggedByUserId: contact.originatorUserId,
      resolvedByUserId: resolution.automatic ? null : resolvedBy,
      resolvedAt: now.toISOString(),
      organisationIds: [...contact.visibleTo],
    },
  };
}

function contactWithdrawn(contact: ContactUnderWork, withdrawal: Withdrawal, caller: Caller, now: Date): DomainEvent<ContactWithdrawnV1> {
  return {
    type: ContactWithdrawnV1.type,
    subject: contact.crn,
    time: now,
    data: {
      crn: contact.crn,
      mprn: contact.mprn,
      reason: withdrawal.reason,
      withdrawnByUserId: caller.userId,
      withdrawnByOrganisationId: caller.organisationId,
      withdrawnAt: now.toISOString(),
      organisationIds: [...contact.visibleTo],
    },
  };
}
