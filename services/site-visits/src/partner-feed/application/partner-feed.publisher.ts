import { Inject, Injectable } from '@nestjs/common';
import {
  ANONYMISED_MARKER,
  type ClarificationRaisedV1,
  type ContactAnonymisedV1,
  type ContactResolvedV1,
  type ContactWithdrawnV1,
  type SiteVisitCancelledV1,
  type SiteVisitReferredV1,
} from '@cms/contracts';
import { EventOutbox } from '@cms/service-defaults';
import {
  isAddressedToTransporter,
  partnerCancelled,
  partnerClarificationRaised,
  partnerOutcome,
  partnerReferred,
  resolvedOutcome,
  withdrawnOutcome,
  type ContactOutcome,
  type PartnerEvent,
} from '../domain/partner-events';
import { PARTNER_FEED_STORE, PARTNER_TOPIC_PROVISIONING, type PartnerFeedStore, type PartnerTopicProvisioning } from './partner-feed-store.port';

/**
 * The referral feed's use case: from the internal events, the partner events each transporter
 * receives on its own topic (README "The referral feed"): its referrals and their cancellation,
 * the clarifications addressed to it, and the outcome of every contact it is involved in (referred
 * to it, or asked a question on), whichever of involvement and outcome arrives first.
 *
 * Each method runs in the consumer's transaction with the event's inbox row, and records its partner
 * events in the outbox in that transaction: a redelivered event publishes nothing again, and an
 * event is never acknowledged without its partner events. Nothing lost, nothing doubled.
 */
@Injectable()
export class PartnerFeedPublisher {
  constructor(
    @Inject(PARTNER_FEED_STORE) private readonly store: PartnerFeedStore,
    @Inject(PARTNER_TOPIC_PROVISIONING) private readonly topics: PartnerTopicProvisioning,
    @Inject(EventOutbox) private readonly outbox: EventOutbox,
  ) {}

  async referred(referred: SiteVisitReferredV1): Promise<void> {
    await this.involve(referred.crn, referred.transporterOrganisationId, partnerReferred(referred));
  }

  /** A visit's cancellation follows its referral on the same partition (both keyed by CRN): the transporter is involved. */
  async cancelled(cancelled: SiteVisitCancelledV1): Promise<void> {
    await this.record([partnerCancelled(cancelled)]);
  }

  async clarificationRaised(raised: ClarificationRaisedV1): Promise<void> {
    if (!isAddressedToTransporter(raised)) return; // the originator's: not a transporter's feed
    await this.involve(raised.crn, raised.addressedToOrganisationId, partnerClarificationRaised(raised));
  }

  async contactResolved(resolved: ContactResolvedV1): Promise<void> {
    await this.ended(resolvedOutcome(resolved));
  }

  async contactWithdrawn(withdrawn: ContactWithdrawnV1): Promise<void> {
    await this.ended(withdrawnOutcome(withdrawn));
  }

  /**
   * The contact's retention period has passed (README "Retention"): the outcome kept for
   * transporters involved later loses its free text. Nothing goes to partners; the partner events
   * published already are forgotten with the service's others (libs/involved-contacts).
   */
  async contactAnonymised(anonymised: ContactAnonymisedV1): Promise<void> {
    await this.store.anonymiseOutcome(anonymised.crn, ANONYMISED_MARKER);
  }

  /** The transporter's event, and, when it becomes involved in a contact that already ended, the outcome after it. */
  private async involve(crn: string, organisationId: string, event: PartnerEvent): Promise<void> {
    await this.store.lockContact(crn);
    const events = [event];
    if (await this.store.addInvolved(crn, organisationId)) {
      const outcome = await this.store.outcome(crn);
      if (outcome) events.push(partnerOutcome(outcome, organisationId));
    }
    await this.record(events);
  }

  /** The outcome, to every transporter involved so far; kept for those involved later. */
  private async ended(outcome: ContactOutcome): Promise<void> {
    await this.store.lockContact(outcome.data.crn);
    if (!(await this.store.saveOutcome(outcome.data.crn, outcome))) return;
    const involved = await this.store.involved(outcome.data.crn);
    await this.record(involved.map((organisationId) => partnerOutcome(outcome, organisationId)));
  }

  private async record(events: PartnerEvent[]): Promise<void> {
    // The relay can publish a row only to a topic that exists; the broker creates none by itself.
    for (const organisationId of new Set(events.map((event) => event.data.organisationId))) await this.topics.ensureTopicOf(organisationId);
    await this.outbox.record(...events);
  }
}
