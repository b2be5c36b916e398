import type { EntityManager } from 'typeorm';
import { createEnvelope, isPartnerEventType, partnerTopicOf, toKafkaHeaders, topicOf, validateEventData, type DomainEvent, type EventEnvelope } from '@cms/contracts';
import { currentTraceparent } from '@cms/observability';

/** A batch of events made ready for the outbox table, one array per column (for `unnest`). */
interface OutboxColumns {
  ids: string[];
  topics: string[];
  keys: string[];
  headers: string[];
  payloads: string[];
}

/** An INSERT of outbox rows and its parameters, for a caller that embeds it in a larger statement. */
export interface OutboxStatement {
  sql: string;
  parameters: unknown[];
}

/**
 * The one way a service writes events: into its transactional outbox, in the transaction of the
 * state change they describe, so that both commit or neither does. Nothing here waits for Kafka; the
 * relay publishes later (outbox-relay.ts).
 *
 * Each event becomes its envelope (a UUIDv7 id, this service's CloudEvents `source`, its time, the
 * caller's trace) and its row from that one value; it is validated against its schema here, so a
 * bad event fails the request that made it instead of a consumer far away.
 */
export class OutboxWriter {
  /**
   * @param source this service's CloudEvents source, e.g. `/cms/contact-logging`.
   * @param topicFor where each event type goes: its aggregate's topic (tests route to topics of their own).
   *   Not asked for partner events: see `topicOf` below.
   */
  constructor(
    readonly source: string,
    private readonly topicFor: (type: string) => string = topicOf,
  ) {}

  /** Writes the events with `manager`, which must be inside the state change's transaction. */
  async write(manager: EntityManager, events: DomainEvent[]): Promise<EventEnvelope[]> {
    if (events.length === 0) return [];
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('events must be written inside the transaction that makes the state change');
    }
    const { envelopes, statement } = this.prepare(events, 1);
    await manager.query(statement.sql, statement.parameters);
    return envelopes;
  }

  /**
   * Deletes the rows of one aggregate's events (their key: the CRN of a contact's) that the relay
   * has published, with `manager`: retention (README "Retention") removes what they copied of a
   * person with the rest of the contact's personal data, before OUTBOX_RETENTION_HOURS would. Rows
   * not yet published, and parked ones, are kept: their events must still go out. How many went.
   */
  async erasePublished(manager: EntityManager, key: string): Promise<number> {
    const [{ erased }] = await manager.query(
      `WITH erased AS (DELETE FROM outbox_message WHERE message_key = $1 AND published_at IS NOT NULL RETURNING 1)
       SELECT count(*)::int AS erased FROM erased`,
      [key],
    );
    return erased;
  }

  /**
   * The same rows as an INSERT whose parameters are numbered from `firstParameter`: for a state
   * change written as one data-modifying WITH statement (atomic on its own, one round trip), which
   * embeds it as one of its parts.
   */
  statement(events: DomainEvent[], firstParameter: number): OutboxStatement {
    return this.prepare(events, firstParameter).statement;
  }

  /**
   * Each row's topic. Invariant: a partner event (libs/contracts, the referral feed) goes to the
   * partner topic of the organisation its validated body is addressed to (`organisationId`), and
   * nowhere else, whatever `topicFor` says, so one transporter's event can never be written to
   * another's topic; every other event goes to `topicFor(type)`, as it always has. The relay
   * publishes each row to its own topic.
   */
  private topicOf(event: DomainEvent): string {
    if (isPartnerEventType(event.type)) return partnerTopicOf(event.type, event.data as { organisationId: string });
    return this.topicFor(event.type);
  }

  private prepare(events: DomainEvent[], firstParameter: number): { envelopes: EventEnvelope[]; statement: OutboxStatement } {
    const columns: OutboxColumns = { ids: [], topics: [], keys: [], headers: [], payloads: [] };
    const traceparent = currentTraceparent();
    const envelopes = events.map((event) => {
      validateEventData(event.type, event.data);
      const envelope = createEnvelope({ type: event.type, source: this.source, subject: event.subject, data: event.data, time: event.time, traceparent });
      columns.ids.push(envelope.id);
      columns.topics.push(this.topicOf(event));
      columns.keys.push(envelope.subject);
      columns.headers.push(JSON.stringify(toKafkaHeaders(envelope)));
      columns.payloads.push(JSON.stringify(envelope.data));
      return envelope;
    });
    const [ids, topics, keys, headers, payloads] = [0, 1, 2, 3, 4].map((offset) => `$${firstParameter + offset}`);
    return {
      envelopes,
      statement: {
        sql: `INSERT INTO outbox_message (id, topic, message_key, headers, payload)
              SELECT id, topic, message_key, headers::jsonb, payload
                FROM unnest(${ids}::uuid[], ${topics}::text[], ${keys}::text[], ${headers}::text[], ${payloads}::text[])
                     AS t(id, topic, message_key, headers, payload)`,
        parameters: [columns.ids, columns.topics, columns.keys, columns.headers, columns.payloads],
      },
    };
  }
}
