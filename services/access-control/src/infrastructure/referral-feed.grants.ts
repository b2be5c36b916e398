import { Inject, Injectable } from '@nestjs/common';
import { KafkaAdapter, PartnerFeedAccess } from '@cms/messaging';
import { ProblemException } from '@cms/service-defaults';
import type { ReferralFeedAccess, ReferralFeedGrants } from '../application/referral-feed-grants.port';

/** The broker could not be changed: the registration or revocation is not made, and may be retried. */
function brokerUnavailable(error: unknown): ProblemException {
  return new ProblemException(
    503,
    'REFERRAL_FEED_UNAVAILABLE',
    'Referral feed unavailable',
    `The broker did not take the change to the referral feed's access (${(error as Error).message}); nothing was changed, try again.`,
  );
}

/** SCRAM credentials and ACLs on the broker, through its internal listener (libs/messaging PartnerFeedAccess). */
@Injectable()
export class KafkaReferralFeedGrants implements ReferralFeedGrants {
  private readonly access: PartnerFeedAccess;

  constructor(@Inject(KafkaAdapter) kafka: KafkaAdapter) {
    this.access = new PartnerFeedAccess(kafka, 'access-control');
  }

  async grant(client: { clientId: string; clientSecret: string; organisationId: string }): Promise<ReferralFeedAccess> {
    try {
      return await this.access.grant(client);
    } catch (error) {
      throw brokerUnavailable(error);
    }
  }

  async revoke(clientId: string): Promise<void> {
    try {
      await this.access.revoke(clientId);
    } catch (error) {
      throw brokerUnavailable(error);
    }
  }
}
