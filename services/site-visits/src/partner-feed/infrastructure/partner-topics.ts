import { Inject, Injectable } from '@nestjs/common';
import { partnerReferralsTopic } from '@cms/contracts';
import { KafkaAdapter } from '@cms/messaging';
import type { PartnerTopicProvisioning } from '../application/partner-feed-store.port';

/**
 * Creates an organisation's partner topic the first time this replica writes for it (idempotent;
 * access-control also creates it when it grants the feed). Remembered once created.
 */
@Injectable()
export class KafkaPartnerTopics implements PartnerTopicProvisioning {
  private readonly existing = new Set<string>();

  constructor(@Inject(KafkaAdapter) private readonly kafka: KafkaAdapter) {}

  async ensureTopicOf(organisationId: string): Promise<void> {
    const topic = partnerReferralsTopic(organisationId);
    if (this.existing.has(topic)) return;
    await this.kafka.ensureTopics([topic]);
    this.existing.add(topic);
  }
}
