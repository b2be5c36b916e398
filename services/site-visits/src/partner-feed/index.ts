import type { Provider } from '@nestjs/common';
import { Topics } from '@cms/contracts';
import type { ConsumerDeclaration } from '@cms/service-defaults';
import { PartnerFeedPublisher } from './application/partner-feed.publisher';
import { PARTNER_FEED_STORE, PARTNER_TOPIC_PROVISIONING } from './application/partner-feed-store.port';
import { PARTNER_FEED_EVENT_TYPES, PartnerFeedConsumer } from './infrastructure/partner-feed.consumer';
import { PartnerFeedRepository } from './infrastructure/partner-feed.repository';
import { KafkaPartnerTopics } from './infrastructure/partner-topics';
import { CreatePartnerFeed1796170200000 } from './infrastructure/migrations/2026-12-02-create-partner-feed.migration';

/**
 * The DN/IGT referral feed (README "The referral feed"): what app.module.ts registers.
 * Its consumer group `site-visits.partner-feed` reads the internal topics; the partner events go
 * out through the service's outbox to each transporter's own topic.
 */
export const partnerFeedConsumer: ConsumerDeclaration = {
  name: 'partner-feed',
  topics: [Topics.siteVisits, Topics.clarifications, Topics.contacts],
  handler: PartnerFeedConsumer,
  eventTypes: PARTNER_FEED_EVENT_TYPES,
};

export const partnerFeedProviders: Provider[] = [
  PartnerFeedPublisher,
  PartnerFeedConsumer,
  { provide: PARTNER_FEED_STORE, useClass: PartnerFeedRepository },
  { provide: PARTNER_TOPIC_PROVISIONING, useClass: KafkaPartnerTopics },
];

/** Its tables, after the service's own (services/site-visits/src/infrastructure/migrations). */
export const partnerFeedMigrations = [CreatePartnerFeed1796170200000];
