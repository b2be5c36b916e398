import { Inject, Injectable } from '@nestjs/common';
import { ContactParticipantsChangedV1, type EventEnvelope } from '@cms/contracts';
import { EventOutbox, UnprocessableEventError } from '@cms/service-defaults';
import { londonToday } from '@cms/gas-market';
import { dueOnAfterPause, isOpenContactStatus, type ContactUnderWork } from '../domain';
import { contactActivityOf, type ContactActivity } from './contact-activity';
import { ContactClock } from './contact-clock';
import { CONTACT_TIMELINE, type ContactTimeline } from './contact-timeline.port';

/**
 * Puts another service's lifecycle event on its contact: the timeline entry, what the contact
 * waits on, the register's status after its outcome; and decides who is involved (docs/domain.md
 * "Transparency"): an organisation a DC is addressed to or a site visit referred to joins the
 * contact, announced to every service that keeps a copy (ContactParticipantsChanged). Runs in the
 * consumer's transaction; the contact is locked, so a lifecycle command on it waits its turn.
 */
@Injectable()
export class RecordContactActivityHandler {
  constructor(
    @Inject(CONTACT_TIMELINE) private readonly timeline: ContactTimeline,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Inject(ContactClock) private readonly clock: ContactClock,
  ) {}

  async handle(event: EventEnvelope): Promise<void> {
    const activity = contactActivityOf(event);
    if (!activity) return;
    const { crn, entry } = activity;
    const contact = await this.timeline.lock(crn);
    // Every contact-related event follows its contact's logging: one that names a contact this
    // service never logged is a defect upstream, and goes to the dead letters at once to be looked at.
    if (!contact) throw new UnprocessableEventError(`${event.type} ${event.id} names contact ${crn}, which contact-logging does not hold`);

    await this.timeline.addEntry(crn, entry);
    if (activity.waitingOn) await this.timeline.waitOn(crn, activity.waitingOn, entry.occurredAt);
    if (activity.settles) await this.timeline.settle(crn, activity.settles);
    if (activity.meterPointStatusAfter) await this.timeline.setMeterPointStatusAfter(crn, activity.meterPointStatusAfter);
    await this.followClocks(contact, activity);

    const joining = [...new Set(activity.joins ?? [])].filter((organisationId) => !contact.visibleTo.includes(organisationId));
    if (joining.length === 0) return;
    const organisationIds = [...contact.visibleTo, ...joining];
    await this.timeline.setParticipants(crn, organisationIds);
    await this.timeline.addEntry(crn, {
      occurredAt: entry.occurredAt,
      action: 'PARTICIPANTS_CHANGED',
      actorUserId: entry.actorUserId,
      actorOrganisationId: entry.actorOrganisationId,
      detail: { added: joining },
    });
    await this.events.record({
      type: ContactParticipantsChangedV1.type,
      subject: crn,
      time: entry.occurredAt,
      data: {
        crn,
        mprn: contact.mprn,
        contactType: contact.contactType,
        originatorOrganisationId: contact.originatorOrganisationId,
        transporterOrganisationId: contact.transporterOrganisationId,
        added: joining,
        changedAt: entry.occurredAt.toISOString(),
        organisationIds,
      },
    });
  }

  /**
   * The contact's clocks follow what it waits on (docs/domain.md "Time limits"): a DC whose turn is
   * the originator's is watched for going unanswered; the resolution clock pauses while anything
   * waits on the originator and, when nothing does, resumes with the working days it waited added.
   */
  private async followClocks(contact: ContactUnderWork, activity: ContactActivity): Promise<void> {
    const { crn, entry, waitingOn, settles } = activity;
    const originator = contact.originatorOrganisationId;
    if (waitingOn?.itemType === 'DC' && waitingOn.waitingOnOrganisationId === originator) {
      await this.clock.watchUnansweredDc(crn, waitingOn.itemId, waitingOn.dueOn, contact.ldz);
    } else if (waitingOn?.itemType === 'DC') {
      await this.clock.unwatchDc(crn, waitingOn.itemId);
    }
    if (settles) await this.clock.unwatchDc(crn, settles);

    if (!isOpenContactStatus(contact.status) || contact.dueOn === null) return;
    const today = londonToday(entry.occurredAt);
    const waitsOnOriginator = await this.timeline.isWaitingOn(crn, originator);
    if (waitsOnOriginator && contact.clockPausedOn === null) {
      await this.timeline.setClock(crn, { dueOn: contact.dueOn, clockPausedOn: today });
      await this.clock.stop(crn);
      await this.timeline.addEntry(crn, { ...systemEntry(entry.occurredAt, 'CLOCK_PAUSED'), detail: { dueOn: contact.dueOn } });
    } else if (!waitsOnOriginator && contact.clockPausedOn !== null) {
      const dueOn = dueOnAfterPause(contact.dueOn, contact.clockPausedOn, today, this.clock.calendarOf(contact.ldz));
      await this.timeline.setClock(crn, { dueOn, clockPausedOn: null });
      await this.clock.start(crn, dueOn, contact.ldz);
      await this.timeline.addEntry(crn, { ...systemEntry(entry.occurredAt, 'CLOCK_RESUMED'), detail: { dueOn, pausedOn: contact.clockPausedOn } });
    }
  }
}

function systemEntry(occurredAt: Date, action: string): Omit<ContactActivity['entry'], 'detail'> {
  return { occurredAt, action, actorUserId: null, actorOrganisationId: null };
}
