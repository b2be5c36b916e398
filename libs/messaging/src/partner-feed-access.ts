import { partnerGroupPrefix, partnerReferralsTopic } from '@cms/contracts';
import type { KafkaAdapter } from './kafka-adapter';
import { alterScramCredentials } from './scram-credentials';

/** What a transporter's partner system uses to read its referral feed (README "The referral feed"). */
export interface PartnerFeedCredentials {
  /** SASL mechanism, as kafkajs names it. */
  mechanism: 'scram-sha-512';
  /** The SASL username: the API client's id. The password is the client's secret. */
  username: string;
  /** Its topic: it may read this one and no other. */
  topic: string;
  /** Its consumer group ids must start with this. */
  groupPrefix: string;
}

/** The Kafka principal of an API client on the partner listener: its SCRAM username. */
export function partnerPrincipal(clientId: string): string {
  return `User:${clientId}`;
}

/**
 * The broker's side of a partner system's access to its referral feed, given and taken with its API
 * client (access-control): a SCRAM-SHA-512 credential whose username is the client id and whose
 * password is the client's secret (one credential for the gateway and for Kafka), and ACLs that let
 * that principal read its organisation's partner topic and use its consumer groups, nothing else.
 * Both are changed through the internal listener, whose principal is a super user.
 */
export class PartnerFeedAccess {
  constructor(
    private readonly kafka: KafkaAdapter,
    private readonly clientId: string,
  ) {}

  /**
   * Creates the organisation's topic if missing (so the partner can subscribe before its first
   * referral), then the credential, then the ACLs. Idempotent: a retry after a failure completes it.
   */
  async grant(request: { clientId: string; clientSecret: string; organisationId: string }): Promise<PartnerFeedCredentials> {
    const topic = partnerReferralsTopic(request.organisationId);
    const groupPrefix = partnerGroupPrefix(request.organisationId);
    await this.kafka.ensureTopics([topic]);
    await alterScramCredentials([...this.kafka.brokers], [{ upsert: { user: request.clientId, password: request.clientSecret } }], {
      clientId: this.clientId,
    });
    await this.kafka.allowRead({ principal: partnerPrincipal(request.clientId), topic, groupPrefix });
    return { mechanism: 'scram-sha-512', username: request.clientId, topic, groupPrefix };
  }

  /**
   * Takes it away: the ACLs first, which the broker applies at once to the sessions already open,
   * then the credential, so no new session authenticates. Idempotent.
   */
  async revoke(clientId: string): Promise<void> {
    await this.kafka.removeAcls(partnerPrincipal(clientId));
    await alterScramCredentials([...this.kafka.brokers], [{ delete: { user: clientId } }], { clientId: this.clientId });
  }
}
