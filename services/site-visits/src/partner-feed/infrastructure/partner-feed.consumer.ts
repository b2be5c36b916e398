import { Inject, Injectable } from '@nestjs/common';
import {
  ClarificationRaisedV1,
  ContactAnonymisedV1,
  ContactResolvedV1,
  ContactWithdrawnV1,
  SiteVisitCancelledV1,
  SiteVisitReferredV1,
  type EventEnvelope,
} from '@cms/contracts';
import type { ConsumedEventHandler } from '@cms/service-defaults';
import { PartnerFeedPublisher } from '../application/partner-feed.publisher';

/** The internal events the referral feed follows: `eventTypes` of its consumer declaration. */
export const PARTNER_FEED_EVENT_TYPES = [
  SiteVisitReferredV1.type,
  SiteVisitCancelledV1.type,
  ClarificationRaisedV1.type,
  ContactResolvedV1.type,
  ContactWithdrawnV1.type,
  ContactAnonymisedV1.type,
] as const;

/**
 * The referral feed's consumer (consumer group `site-visits.partner-feed`, declared in index.ts).
 * The kit has checked each event against its schema and runs this in the transaction that records
 * its id in the inbox; the kit passes over the other event types of these topics.
 */
@Injectable()
export class PartnerFeedConsumer implements ConsumedEventHandler {
  constructor(@Inject(PartnerFeedPublisher) private readonly publisher: PartnerFeedPublisher) {}

  async handle(event: EventEnvelope): Promise<void> {
    switch (event.type) {
      case SiteVisitReferredV1.type:
        return this.publisher.referred(event.data as SiteVisitReferredV1);
      case SiteVisitCancelledV1.type:
        return this.publisher.cancelled(event.data as SiteVisitCancelledV1);
      case ClarificationRaisedV1.type:
        return this.publisher.clarificationRaised(event.data as ClarificationRaisedV1);
      case ContactResolvedV1.type:
        return this.publisher.contactResolved(event.data as ContactResolvedV1);
      case ContactWithdrawnV1.type:
        return this.publisher.contactWithdrawn(event.data as ContactWithdrawnV1);
      case ContactAnonymisedV1.type:
        return this.publisher.contactAnonymised(event.data as ContactAnonymisedV1);
    }
  }
}
