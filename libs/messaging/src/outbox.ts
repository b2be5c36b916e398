import type { EntityManager } from 'typeorm';
import { toKafkaHeaders, validateEventData, type EventEnvelope } from '@cms/contracts';
import { currentTraceparent } from '@cms/observability';

/**
 * Writes events to the transactional outbox in the caller's transaction: the state change and its
 * events commit together or not at all. Nothing here waits for Kafka; the relay publishes later.
 * Each event is validated against its schema before it is written, so a bad event fails the
 * request that made it instead of a consumer far away.
 */
export async function addToOutbox(manager: EntityManager, topic: string, events: EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('addToOutbox must run inside the transaction that makes the state change');
  }
  const ids: string[] = [];
  const keys: string[] = [];
  const headers: string[] = [];
  const payloads: string[] = [];
  for (const event of events) {
    validateEventData(event.type, event.data);
    const traced = event.traceparent ? event : { ...event, traceparent: currentTraceparent() };
    ids.push(event.id);
    keys.push(event.subject);
    headers.push(JSON.stringify(toKafkaHeaders(traced)));
    payloads.push(JSON.stringify(event.data));
  }
  await manager.query(
    `INSERT INTO outbox_message (id, topic, message_key, headers, payload)
     SELECT id, $1, message_key, headers::jsonb, payload
       FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[]) AS t(id, message_key, headers, payload)`,
    [topic, ids, keys, headers, payloads],
  );
}
