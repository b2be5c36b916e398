import type { EntityManager } from 'typeorm';
import { toKafkaHeaders, validateEventData, type EventEnvelope } from '@cms/contracts';
import { currentTraceparent } from '@cms/observability';

/** Events made ready for the outbox table: validated, with the current trace context, serialised. */
export interface OutboxRows {
  topic: string;
  ids: string[];
  keys: string[];
  headers: string[];
  payloads: string[];
}

/**
 * Prepares events for the outbox. Each event is validated against its schema here, so a bad event
 * fails the request that made it instead of a consumer far away.
 */
export function toOutboxRows(topic: string, events: EventEnvelope[]): OutboxRows {
  const rows: OutboxRows = { topic, ids: [], keys: [], headers: [], payloads: [] };
  for (const event of events) {
    validateEventData(event.type, event.data);
    const traced = event.traceparent ? event : { ...event, traceparent: currentTraceparent() };
    rows.ids.push(event.id);
    rows.keys.push(event.subject);
    rows.headers.push(JSON.stringify(toKafkaHeaders(traced)));
    rows.payloads.push(JSON.stringify(event.data));
  }
  return rows;
}

/**
 * The INSERT of outbox rows, its parameters numbered from `firstParameter` (their values from
 * `outboxParameters`): for a service that writes its state change and its events in one statement
 * (a data-modifying WITH query), which commits them together just as a transaction does, in a
 * single round trip.
 */
export function outboxInsertSql(firstParameter: number): string {
  const [topic, ids, keys, headers, payloads] = [0, 1, 2, 3, 4].map((offset) => `$${firstParameter + offset}`);
  return `INSERT INTO outbox_message (id, topic, message_key, headers, payload)
          SELECT id, ${topic}, message_key, headers::jsonb, payload
            FROM unnest(${ids}::uuid[], ${keys}::text[], ${headers}::text[], ${payloads}::text[]) AS t(id, message_key, headers, payload)`;
}

/** The values of outboxInsertSql's parameters, in order. */
export function outboxParameters(rows: OutboxRows): unknown[] {
  return [rows.topic, rows.ids, rows.keys, rows.headers, rows.payloads];
}

/**
 * Writes events to the transactional outbox in the caller's transaction: the state change and its
 * events commit together or not at all. Nothing here waits for Kafka; the relay publishes later.
 */
export async function addToOutbox(manager: EntityManager, topic: string, events: EventEnvelope[]): Promise<void> {
  if (events.length === 0) return;
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error('addToOutbox must run inside the transaction that makes the state change');
  }
  await manager.query(outboxInsertSql(1), outboxParameters(toOutboxRows(topic, events)));
}
