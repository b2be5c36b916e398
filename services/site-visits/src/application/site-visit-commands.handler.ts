import { Inject, Injectable } from '@nestjs/common';
import { commandActor, type Caller } from '@cms/auth';
import {
  SiteVisitAcceptedV1,
  SiteVisitCancelledV1,
  SiteVisitDeclinedV1,
  SiteVisitFindingReportedV1,
  SiteVisitReferredV1,
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
import { Clock, EventOutbox, ProblemException, staleVersion, Transactions } from '@cms/service-defaults';
import {
  answerReferral,
  cancelSiteVisit,
  referSiteVisit,
  reportFinding,
  type AcceptanceAnswer,
  type FindingReport,
  type SiteVisit,
} from '../domain';
import { REFERRAL_DETAILS, type ReferralDetailsSource } from './referral-details.port';
import { SiteVisitClock } from './site-visit-clock';
import { SITE_VISIT_STORE, type SiteVisitChange, type SiteVisitStore } from './site-visit-store.port';

/** A contact the caller may not see is answered exactly as a missing one. */
const contactNotFound = () => ProblemException.notFound('No such contact.');
const siteVisitNotFound = () => ProblemException.notFound('No such site visit.');

/**
 * The commands on site visits (docs/domain.md "Investigation"): a CDSP agent refers a contact to
 * its transporter; the transporter accepts or declines, then reports its finding; the contact's end
 * cancels its open visit. Each runs in one transaction: the contact, then the visit, are locked (in
 * that order everywhere, the consumer's cancellation too), the domain decides, and the change, its
 * audit record, its timers and its event (EventOutbox) commit together.
 */
@Injectable()
export class SiteVisitCommands implements ContactEndedHandler, ContactAnonymisedHandler {
  constructor(
    @Inject(SITE_VISIT_STORE) private readonly visits: SiteVisitStore,
    @Inject(InvolvedContacts) private readonly contacts: InvolvedContacts,
    @Inject(REFERRAL_DETAILS) private readonly details: ReferralDetailsSource,
    @Inject(SiteVisitClock) private readonly clock: SiteVisitClock,
    @Inject(Transactions) private readonly transactions: Transactions,
    @Inject(EventOutbox) private readonly events: EventOutbox,
    @Inject(Clock) private readonly time: Clock,
  ) {}

  /**
   * Refers the contact to its meter point's transporter. The rules are checked first, so that a
   * refusal asks no other service; the details are then fetched on behalf of the agent (outside any
   * transaction: no lock is held across a network call), and the rules checked again under the
   * contact's lock before the visit is kept. The transporter joins the contact's copy at once, so it
   * can read its visit before contact-logging announces it (on reading SiteVisitReferred).
   */
  async refer(caller: Caller, crn: string, instructions: string | undefined): Promise<SiteVisit> {
    const actor = commandActor(caller);
    const seen = await this.transactions.run(async () => {
      const contact = await this.contacts.involving(crn, caller);
      if (!contact) throw contactNotFound();
      referSiteVisit(contact, actor, await this.visits.lockOpenOf(crn), instructions);
      return contact;
    });
    const details = await this.details.detailsOf(seen);
    return this.transactions.run(async () => {
      const contact = await this.contacts.involving(crn, caller, { lock: true });
      if (!contact) throw contactNotFound();
      const referral = referSiteVisit(contact, actor, await this.visits.lockOpenOf(crn), instructions);
      const now = this.time.now();
      const visit: SiteVisit = {
        id: uuidv7(),
        crn,
        mprn: contact.mprn,
        contactType: contact.contactType,
        transporterOrganisationId: referral.transporterOrganisationId,
        confirmStatus: referral.confirmStatus,
        instructions: referral.instructions,
        details,
        status: referral.status,
        version: 1,
        referredByUserId: caller.userId,
        referredAt: now,
        dueOn: this.clock.dueOn(now, contact.ldz),
        acceptance: null,
        finding: null,
        cancellation: null,
        updatedAt: now,
      };
      await this.contacts.involve(crn, [visit.transporterOrganisationId]);
      await this.visits.insert(visit, changeBy(caller, 'REFERRED'));
      await this.clock.start(visit, contact.ldz);
      await this.events.record(referred(visit, withOrganisations(contact.organisationIds, [visit.transporterOrganisationId])));
      return visit;
    });
  }

  /** The transporter accepts the visit, or declines it with a reason (it returns to the agent: the clock stops). */
  answer(caller: Caller, id: string, expectedVersion: number, answer: AcceptanceAnswer): Promise<SiteVisit> {
    return this.command(caller, id, expectedVersion, async (visit, contact, now) => {
      const decided = answerReferral(visit, commandActor(caller), answer);
      const after: SiteVisit = {
        ...next(visit, now),
        status: decided.status,
        acceptance: { accepted: decided.accepted, byUserId: caller.userId, at: now, reason: decided.reason },
      };
      if (!decided.accepted) await this.clock.stop(visit.id);
      const common = eventFields(visit, contact);
      const event: DomainEvent = decided.accepted
        ? { type: SiteVisitAcceptedV1.type, subject: visit.crn, time: now, data: { ...common, acceptedByUserId: caller.userId, acceptedAt: now.toISOString() } satisfies SiteVisitAcceptedV1 }
        : {
            type: SiteVisitDeclinedV1.type,
            subject: visit.crn,
            time: now,
            data: { ...common, reason: decided.reason!, declinedByUserId: caller.userId, declinedAt: now.toISOString() } satisfies SiteVisitDeclinedV1,
          };
      return { after, action: decided.accepted ? 'ACCEPTED' : 'DECLINED', event };
    });
  }

  /** The transporter reports what its visit found; the visit no longer waits on it (the clock stops). */
  reportFinding(caller: Caller, id: string, expectedVersion: number, report: FindingReport): Promise<SiteVisit> {
    return this.command(caller, id, expectedVersion, async (visit, contact, now) => {
      const decided = reportFinding(visit, commandActor(caller), report, londonToday(now), londonToday(visit.referredAt));
      const { status, ...seen } = decided;
      const after: SiteVisit = { ...next(visit, now), status, finding: { ...seen, byUserId: caller.userId, at: now } };
      await this.clock.stop(visit.id);
      const data: SiteVisitFindingReportedV1 = {
        ...eventFields(visit, contact),
        confirmed: seen.confirmed,
        visitedOn: seen.visitedOn,
        notes: seen.notes,
        ...(seen.meterSerialNumber === null ? {} : { meterSerialNumber: seen.meterSerialNumber }),
        ...(seen.meterRead === null ? {} : { meterRead: seen.meterRead }),
        ...(seen.condition === null ? {} : { condition: seen.condition }),
        reportedByUserId: caller.userId,
        reportedAt: now.toISOString(),
      };
      return { after, action: 'FINDING_REPORTED', event: { type: SiteVisitFindingReportedV1.type, subject: visit.crn, time: now, data } };
    });
  }

  /**
   * The contact was resolved or withdrawn (docs/domain.md "Outcome": that cancels its open SVs).
   * Run by the contact consumer in its transaction, the contact already locked and marked ended.
   */
  async contactEnded(contact: InvolvedContact, ending: ContactEnding): Promise<void> {
    const visit = await this.visits.lockOpenOf(contact.crn);
    if (!visit) return;
    const now = this.time.now();
    const { status, cause } = cancelSiteVisit(visit, ending.cause);
    const after: SiteVisit = { ...next(visit, now), status, cancellation: { cause, at: ending.at } };
    await this.visits.update(visit, after, { action: 'CANCELLED', actorUserId: null, actorOrganisationId: null, traceId: currentTraceId() ?? null });
    await this.clock.stop(visit.id);
    const data: SiteVisitCancelledV1 = { ...eventFields(visit, contact), cause, cancelledAt: ending.at.toISOString() };
    await this.events.record({ type: SiteVisitCancelledV1.type, subject: visit.crn, time: now, data });
  }

  /** The contact's retention period has passed: the personal data its visits hold goes (run by the contact consumer in its transaction). */
  async contactAnonymised({ crn, marker }: ContactAnonymisation): Promise<void> {
    await this.visits.anonymiseContact(crn, marker);
  }

  private command(
    caller: Caller,
    id: string,
    expectedVersion: number,
    decide: (visit: SiteVisit, contact: InvolvedContact, now: Date) => Promise<{ after: SiteVisit; action: string; event: DomainEvent }>,
  ): Promise<SiteVisit> {
    return this.transactions.run(async () => {
      const found = await this.visits.find(id);
      // The contact first, then the visit: the order the contact's end takes them in.
      const contact = found && (await this.contacts.involving(found.crn, caller, { lock: true }));
      const visit = contact && (await this.visits.lock(id));
      if (!contact || !visit) throw siteVisitNotFound();
      if (visit.version !== expectedVersion) throw staleVersion(expectedVersion, visit.version);
      const { after, action, event } = await decide(visit, contact, this.time.now());
      await this.visits.update(visit, after, changeBy(caller, action));
      await this.events.record(event);
      return after;
    });
  }
}


function changeBy(caller: Caller, action: string): SiteVisitChange {
  return { action, actorUserId: caller.userId, actorOrganisationId: caller.organisationId, traceId: currentTraceId() ?? null };
}

/** The visit one version on. */
function next(visit: SiteVisit, now: Date): SiteVisit {
  return { ...visit, version: visit.version + 1, updatedAt: now };
}

/** What every event after the referral carries (SiteVisitEventV1): who may see it is who may see the contact. */
function eventFields(visit: SiteVisit, contact: Pick<InvolvedContact, 'organisationIds'>) {
  return {
    siteVisitId: visit.id,
    crn: visit.crn,
    transporterOrganisationId: visit.transporterOrganisationId,
    organisationIds: withOrganisations(contact.organisationIds, [visit.transporterOrganisationId]),
  };
}

function referred(visit: SiteVisit, organisationIds: string[]): DomainEvent<SiteVisitReferredV1> {
  return {
    type: SiteVisitReferredV1.type,
    subject: visit.crn,
    time: visit.referredAt,
    data: {
      siteVisitId: visit.id,
      crn: visit.crn,
      mprn: visit.mprn,
      contactType: visit.contactType,
      transporterOrganisationId: visit.transporterOrganisationId,
      confirmStatus: visit.confirmStatus,
      ...(visit.instructions === null ? {} : { instructions: visit.instructions }),
      referredByUserId: visit.referredByUserId,
      dueOn: visit.dueOn,
      referredAt: visit.referredAt.toISOString(),
      organisationIds,
    },
  };
}
