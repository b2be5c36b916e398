import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { ContactLoggedV1, createEnvelope, toKafkaHeaders, type EventEnvelope } from '@cms/contracts';
import { openServiceDataSource } from '@cms/persistence';
import { KafkaAdapter, messagingMigrations } from '../src';

export const quietLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** The effect a test consumer applies: one row per application, so a double effect is visible. */
export class CreateTestEffect1795392999000 implements MigrationInterface {
  name = 'CreateTestEffect1795392999000';
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE test_effect (event_id uuid NOT NULL, crn text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE test_effect');
  }
}

export function openTestDataSource(url: string): Promise<DataSource> {
  return openServiceDataSource({ url, entities: [], migrations: [...messagingMigrations, CreateTestEffect1795392999000], poolSize: 30 });
}

export function kafkaAdapter(brokers: string[], clientId = 'messaging-test'): KafkaAdapter {
  return new KafkaAdapter({ clientId, brokers, logger: quietLogger });
}

let sequence = 0;

export function contactLogged(crn = `C${String(++sequence).padStart(9, '0')}`): EventEnvelope<ContactLoggedV1> {
  return createEnvelope({
    type: ContactLoggedV1.type,
    source: '/cms/test',
    subject: crn,
    data: {
      crn,
      contactType: 'DTL',
      mprn: '3938424403',
      status: 'LOGGED',
      requestedStatus: 'LI',
      originatorOrganisationId: 'b39b394d-4352-47f1-9cab-919d828cf087',
      loggedByUserId: 'bwe.user',
      transporterOrganisationId: '383da001-dcc0-4cf5-8481-59b9749b0a6c',
      registeredShipperOrganisationId: null,
      loggedAt: new Date().toISOString(),
      organisationIds: ['b39b394d-4352-47f1-9cab-919d828cf087'],
    },
  });
}

/** An outbox row as the table holds it. */
export interface OutboxRow {
  id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
}

/** The outbox row of an event, its payload replaced if `payload` is given. */
export function outboxRow(topic: string, event: EventEnvelope, payload = JSON.stringify(event.data)): OutboxRow {
  return { id: event.id, topic, key: event.subject, headers: toKafkaHeaders(event), payload };
}

/**
 * The outbox row of an event too large for the broker: message.max.bytes is about 1 MB by default
 * (tools/infra leaves it so), and this payload is larger.
 */
export function oversizedOutboxRow(topic: string, event: EventEnvelope): OutboxRow {
  return outboxRow(topic, event, JSON.stringify({ ...(event.data as object), padding: 'x'.repeat(1_200_000) }));
}

/**
 * Commits rows straight into the outbox, one after another in the given order. The relay's tests
 * write rows this way: some carry payloads that no event schema would let addToOutbox write.
 */
export async function insertOutboxRows(dataSource: DataSource, rows: OutboxRow[]): Promise<void> {
  for (const row of rows) {
    await dataSource.query('INSERT INTO outbox_message (id, topic, message_key, headers, payload) VALUES ($1, $2, $3, $4, $5)', [
      row.id,
      row.topic,
      row.key,
      JSON.stringify(row.headers),
      row.payload,
    ]);
  }
}

export interface ReadMessage {
  key: string | null;
  value: string;
  headers: Record<string, string>;
  partition: number;
  offset: string;
}

/** Reads a topic from the beginning until `expected` messages arrived or `timeoutMs` passed. */
export async function readTopic(brokers: string[], topic: string, expected: number, timeoutMs = 20_000): Promise<ReadMessage[]> {
  const kafka = new Kafka({ clientId: 'topic-reader', brokers, logLevel: logLevel.NOTHING });
  const consumer = kafka.consumer({ groupId: `reader-${topic}-${Date.now()}-${Math.random()}` });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      messages.push({
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? '',
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name, String(value)])),
        partition,
        offset: message.offset,
      });
    },
  });
  const deadline = Date.now() + timeoutMs;
  while (messages.length < expected && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  // A little longer, to catch duplicates arriving after the expected count.
  await new Promise((resolve) => setTimeout(resolve, 500));
  await consumer.disconnect();
  return messages;
}

export async function waitFor(condition: () => Promise<boolean>, timeoutMs = 20_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}
