/**
 * Kafka topics: one per aggregate, the schema version in the name. A breaking change is a new topic
 * (`…v2`) published beside the old one, never an edit in place.
 */
export const Topics = {
  contacts: 'cms.contacts.v1',
  clarifications: 'cms.clarifications.v1',
  siteVisits: 'cms.site-visits.v1',
  meterPoints: 'cms.meter-points.v1',
  access: 'cms.access.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** Where a consumer parks a message it could not process after its bounded retries. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlt`;
}

/** Partitions per topic: consumers scale by partitions; keys (CRN, MPRN) keep per-aggregate order. */
export const DEFAULT_PARTITIONS = 3;

/**
 * The referral feed (README "The referral feed"): one topic per transporter organisation, carrying
 * the partner events (partner-events/) addressed to it and nothing else; the broker lets only that
 * organisation's partner credentials read it. Named by the organisation's id, not its short code:
 * every internal event already carries the id, so the publisher needs no lookup, and the id never
 * changes while a short code is reference data an administrator may correct. The partner learns
 * its topic with its credentials (POST /api-clients answers it).
 */
export const PartnerTopics = {
  /** The channel's address in asyncapi.yaml: `{organisationId}` is the transporter's id. */
  referrals: 'cms.partner.{organisationId}.referrals.v1',
} as const;

export type PartnerTopicTemplate = (typeof PartnerTopics)[keyof typeof PartnerTopics];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function organisationSegment(organisationId: string): string {
  // Lower case, as every id in CMS is written: one organisation, one topic name.
  const id = organisationId.toLowerCase();
  if (!UUID.test(id)) throw new Error(`a partner topic is named by an organisation id (a UUID), not ${JSON.stringify(organisationId)}`);
  return id;
}

/** A partner topic of one organisation: the template with its id. */
export function partnerTopic(template: PartnerTopicTemplate, organisationId: string): string {
  return template.replace('{organisationId}', organisationSegment(organisationId));
}

/** The referral feed topic of one transporter organisation. */
export function partnerReferralsTopic(organisationId: string): string {
  return partnerTopic(PartnerTopics.referrals, organisationId);
}

/**
 * The prefix of the consumer groups a transporter's partner system may use (the broker's PREFIXED
 * group ACL): its group ids must start with it, e.g. `cms.partner.<organisationId>.work-management`.
 */
export function partnerGroupPrefix(organisationId: string): string {
  return `cms.partner.${organisationSegment(organisationId)}.`;
}
