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
