/** How a partner system reads its organisation's referral feed: answered once, with its secret. */
export interface ReferralFeedAccess {
  /** The SASL mechanism, as Kafka clients name it (kafkajs: `scram-sha-512`). */
  mechanism: 'scram-sha-512';
  /** The SASL username: the client id. The password is the client secret. */
  username: string;
  /** The organisation's partner topic: the only one it may read. */
  topic: string;
  /** Its consumer group ids must start with this. */
  groupPrefix: string;
}

/**
 * Port: the broker's side of a client's referral feed (README "The referral feed"): a credential
 * and ACLs given when a client with `referral-feed:read` is registered, taken when it is revoked.
 * Both are idempotent, so a retry after a failure completes the change.
 */
export interface ReferralFeedGrants {
  grant(client: { clientId: string; clientSecret: string; organisationId: string }): Promise<ReferralFeedAccess>;
  revoke(clientId: string): Promise<void>;
}

export const REFERRAL_FEED_GRANTS = Symbol('REFERRAL_FEED_GRANTS');
