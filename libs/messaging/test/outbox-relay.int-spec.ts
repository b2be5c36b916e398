import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { freePort } from '@cms/infra';
import { outboxPublishFailures } from '@cms/observability';
import { createTestDatabase, testKafkaBrokers, uniqueTopic } from '@cms/testing';
import {
  listParkedOutboxMessages,
  OutboxRelay,
  requeueAllParkedOutboxMessages,
  requeueParkedOutboxMessage,
  type KafkaAdapter,
  type OutboxRelayOptions,
} from '../src';
import {
  contactLogged,
  insertOutboxRows,
  kafkaAdapter,
  openTestDataSource,
  outboxRow,
  oversizedOutboxRow,
  quietLogger,
  readTopic,
  waitFor,
} from './messaging-fixtures';

interface RowState {
  published: boolean;
  parked: boolean;
  attempts: number;
  lastError: string | null;
}

/**
 * The relay against a message the broker refuses, an unreachable broker, a missing topic,
 * retention and an operator's requeue, on the real broker and database. The tests share one
 * database and run in order.
 */
describe('outbox relay: parking, retention and requeue', () => {
  let dataSource: DataSource;
  let databaseUrl: string;
  const brokers = testKafkaBrokers();
  const stoppers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('outbox_relay');
    dataSource = await openTestDataSource(databaseUrl);
  });

  afterEach(async () => {
    while (stoppers.length > 0) await stoppers.pop()!();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  /** A producer for a new topic, created on the broker. */
  async function producerFor(topic: string): Promise<KafkaAdapter> {
    const kafka = kafkaAdapter(brokers);
    await kafka.ensureTopics([topic]);
    stoppers.push(() => kafka.disconnect());
    return kafka;
  }

  /** A relay stopped after the test, which hands the publishing lock on to the next test's relays. */
  function relayOn(kafka: KafkaAdapter, options: OutboxRelayOptions = {}): OutboxRelay {
    const relay = new OutboxRelay(dataSource, kafka, quietLogger, options);
    stoppers.push(() => relay.stop());
    return relay;
  }

  async function states(ids: string[]): Promise<RowState[]> {
    const rows: (RowState & { id: string })[] = await dataSource.query(
      `SELECT id, published_at IS NOT NULL AS published, parked_at IS NOT NULL AS parked, attempts, last_error AS "lastError"
         FROM outbox_message WHERE id = ANY($1)`,
      [ids],
    );
    return ids.map((id) => {
      const { published, parked, attempts, lastError } = rows.find((row) => row.id === id)!;
      return { published, parked, attempts, lastError };
    });
  }

  async function remaining(ids: string[]): Promise<string[]> {
    const rows: { id: string }[] = await dataSource.query('SELECT id FROM outbox_message WHERE id = ANY($1)', [ids]);
    return ids.filter((id) => rows.some((row) => row.id === id));
  }

  /**
   * The distinct event ids on a topic. A batch that fails part-way may have put some rows on Kafka
   * before they go again one at a time: delivery is at least once, so duplicates are allowed here.
   */
  async function eventIdsOn(topic: string, expected: number): Promise<string[]> {
    return [...new Set((await readTopic(brokers, topic, expected)).map((message) => message.headers.ce_id))].sort();
  }

  async function failuresCounted(reason: string): Promise<number> {
    return (await outboxPublishFailures.get()).values.find((value) => value.labels.reason === reason)?.value ?? 0;
  }

  async function withClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  const pending = { published: false, parked: false, attempts: 0, lastError: null };
  const sent = { published: true, parked: false, attempts: 0, lastError: null };
  const tooLarge = expect.stringMatching(/^MESSAGE_TOO_LARGE: /);

  it('parks a message the broker refuses after maxAttempts, recording each attempt, while the rows committed behind it are published', async () => {
    const topic = uniqueTopic('relay-poison');
    const relay = relayOn(await producerFor(topic), { maxAttempts: 3 });
    const poison = contactLogged();
    const sameKey = contactLogged(poison.subject); // same key, so same partition, committed after it
    const otherKey = contactLogged();
    await insertOutboxRows(dataSource, [oversizedOutboxRow(topic, poison), outboxRow(topic, sameKey), outboxRow(topic, otherKey)]);
    const refusedBefore = await failuresCounted('refused');

    expect(await relay.publishPending()).toBe(2);
    expect(await states([poison.id, sameKey.id, otherKey.id])).toEqual([
      { published: false, parked: false, attempts: 1, lastError: tooLarge },
      sent,
      sent,
    ]);

    // Tried alone in the next cycles (it can no longer fail anyone else's publish), then parked.
    expect(await relay.publishPending()).toBe(0);
    expect(await states([poison.id])).toEqual([{ published: false, parked: false, attempts: 2, lastError: tooLarge }]);
    expect(await relay.publishPending()).toBe(0);
    expect(await states([poison.id])).toEqual([{ published: false, parked: true, attempts: 3, lastError: tooLarge }]);
    // Parked: not tried again.
    expect(await relay.publishPending()).toBe(0);
    expect(await states([poison.id])).toEqual([{ published: false, parked: true, attempts: 3, lastError: tooLarge }]);
    expect((await failuresCounted('refused')) - refusedBefore).toBe(3);

    expect(await eventIdsOn(topic, 2)).toEqual([sameKey.id, otherKey.id].sort());
  });

  it('charges and parks nothing while the broker is unreachable, and publishes everything once it can', async () => {
    const topic = uniqueTopic('relay-unreachable');
    const kafka = await producerFor(topic);
    const unreachable = kafkaAdapter([`127.0.0.1:${await freePort()}`], 'unreachable');
    stoppers.push(() => unreachable.disconnect().catch(() => undefined));
    const poison = contactLogged();
    const events = [contactLogged(), contactLogged()];
    await insertOutboxRows(dataSource, [oversizedOutboxRow(topic, poison), ...events.map((event) => outboxRow(topic, event))]);
    const ids = [poison.id, ...events.map((event) => event.id)];
    const cutOff = relayOn(unreachable, { maxAttempts: 1 });

    // Any charged attempt would park its row at once; however often the publish fails, none is charged.
    await expect(cutOff.publishPending()).rejects.toThrow(/ECONNREFUSED/);
    await expect(cutOff.publishPending()).rejects.toThrow(/ECONNREFUSED/);
    expect(await states(ids)).toEqual([pending, pending, pending]);
    await cutOff.stop();

    const relay = relayOn(kafka, { maxAttempts: 1 });
    expect(await relay.publishPending()).toBe(2);
    expect(await states(ids)).toEqual([{ published: false, parked: true, attempts: 1, lastError: tooLarge }, sent, sent]);
    expect(await eventIdsOn(topic, 2)).toEqual(events.map((event) => event.id).sort());
  });

  it('charges a row whose topic does not exist only when other rows of its cycle are published, and publishes it once the topic exists', async () => {
    const topic = uniqueTopic('relay-topic-exists');
    const missingTopic = uniqueTopic('relay-topic-missing');
    const kafka = await producerFor(topic);
    const orphan = contactLogged();
    const healthy = contactLogged();
    await insertOutboxRows(dataSource, [outboxRow(missingTopic, orphan), outboxRow(topic, healthy)]);
    const relay = relayOn(kafka, { maxAttempts: 5 });

    expect(await relay.publishPending()).toBe(1);
    expect(await states([orphan.id, healthy.id])).toEqual([
      { published: false, parked: false, attempts: 1, lastError: expect.stringMatching(/^UNKNOWN_TOPIC_OR_PARTITION: /) },
      sent,
    ]);
    // Alone in its cycle, its failure might be the broker's: the relay backs off and charges nothing.
    await expect(relay.publishPending()).rejects.toThrow(/does not host this topic-partition/);
    expect(await states([orphan.id])).toEqual([expect.objectContaining({ published: false, parked: false, attempts: 1 })]);

    await kafka.ensureTopics([missingTopic]);
    expect(await relay.publishPending()).toBe(1);
    expect(await states([orphan.id])).toEqual([expect.objectContaining({ published: true, parked: false, attempts: 1 })]);
    expect(await eventIdsOn(missingTopic, 1)).toEqual([orphan.id]);
  });

  it('deletes published rows past their retention, in bounded batches and at most once per interval; keeps parked and unpublished rows', async () => {
    const topic = uniqueTopic('relay-retention');
    const kafka = await producerFor(topic);
    const [expired1, expired2, expired3, young, parked, unpublished] = Array.from({ length: 6 }, () => contactLogged());
    const ids = [expired1, expired2, expired3, young, parked, unpublished].map((event) => event.id);
    await insertOutboxRows(dataSource, [expired1, expired2, expired3, young, parked, unpublished].map((event) => outboxRow(topic, event)));
    await dataSource.query(`UPDATE outbox_message SET published_at = now() - interval '8 days' WHERE id = ANY($1)`, [[expired1.id, expired2.id, expired3.id]]);
    await dataSource.query(`UPDATE outbox_message SET published_at = now() - interval '6 days' WHERE id = $1`, [young.id]);
    await dataSource.query(
      `UPDATE outbox_message
          SET created_at = now() - interval '30 days', parked_at = now() - interval '30 days', attempts = 5, last_error = 'MESSAGE_TOO_LARGE: refused'
        WHERE id = $1`,
      [parked.id],
    );
    await dataSource.query(`UPDATE outbox_message SET created_at = now() - interval '30 days' WHERE id = $1`, [unpublished.id]);
    let now = new Date();
    const relay = relayOn(kafka, { clock: () => now, retentionMs: 7 * 24 * 3_600_000, retentionBatchSize: 2, retentionIntervalMs: 300_000 });

    // Two rows a cycle, before the cycle publishes (the old unpublished row is kept, then published).
    expect(await relay.publishPending()).toBe(1);
    expect(await remaining(ids)).toHaveLength(4);
    expect(await remaining([young.id, parked.id, unpublished.id])).toEqual([young.id, parked.id, unpublished.id]);
    expect(await relay.publishPending()).toBe(0);
    expect(await remaining(ids)).toEqual([young.id, parked.id, unpublished.id]);

    // A replica without the publishing lock deletes nothing, whatever its clock says.
    const standBy = relayOn(kafka, { clock: () => new Date(Date.now() + 365 * 24 * 3_600_000) });
    expect(await standBy.publishPending()).toBe(0);
    expect(await remaining(ids)).toEqual([young.id, parked.id, unpublished.id]);

    // Caught up, the relay looks again only an interval later.
    await dataSource.query(`UPDATE outbox_message SET published_at = now() - interval '8 days' WHERE id = $1`, [young.id]);
    await relay.publishPending();
    expect(await remaining(ids)).toEqual([young.id, parked.id, unpublished.id]);
    now = new Date(now.getTime() + 300_000);
    await relay.publishPending();
    expect(await remaining(ids)).toEqual([parked.id, unpublished.id]);
  });

  it('lists a parked row for the operator, and publishes it at once when requeued after its cause is fixed', async () => {
    const topic = uniqueTopic('relay-requeue');
    const poison = contactLogged();
    await insertOutboxRows(dataSource, [oversizedOutboxRow(topic, poison)]);
    const relay = relayOn(await producerFor(topic), { maxAttempts: 1, idleDelayMs: 60_000 });
    expect(await relay.publishPending()).toBe(0);

    const parked = await withClient(listParkedOutboxMessages);
    expect(parked.filter((row) => row.id === poison.id)).toEqual([
      { id: poison.id, topic, key: poison.subject, createdAt: expect.any(Date), parkedAt: expect.any(Date), attempts: 1, lastError: tooLarge },
    ]);

    // The cause fixed (a payload the broker takes), the row stays parked until it is requeued.
    await dataSource.query('UPDATE outbox_message SET payload = $2 WHERE id = $1', [poison.id, JSON.stringify(poison.data)]);
    expect(await relay.publishPending()).toBe(0);
    expect(await states([poison.id])).toEqual([expect.objectContaining({ published: false, parked: true })]);

    // Requeueing wakes the idle relay (its idle delay is a minute).
    relay.start();
    await new Promise((resolve) => setTimeout(resolve, 300)); // idle and listening
    expect(await withClient((client) => requeueParkedOutboxMessage(client, poison.id))).toEqual({ outcome: 'requeued' });
    await waitFor(async () => (await states([poison.id]))[0].published, 5_000, 'the requeued row to be published');
    expect(await states([poison.id])).toEqual([expect.objectContaining({ published: true, parked: false, attempts: 0 })]);
    expect(await eventIdsOn(topic, 1)).toEqual([poison.id]);
  });

  // Last: it requeues every parked row of the database, the earlier tests' too.
  it('requeues every parked row at once, and says why a row cannot be requeued', async () => {
    const topic = uniqueTopic('relay-requeue-all');
    const [first, second, published] = [contactLogged(), contactLogged(), contactLogged()];
    await insertOutboxRows(dataSource, [oversizedOutboxRow(topic, first), oversizedOutboxRow(topic, second), outboxRow(topic, published)]);
    const relay = relayOn(await producerFor(topic), { maxAttempts: 1 });
    expect(await relay.publishPending()).toBe(1);
    await relay.stop(); // so that the requeued rows stay pending while we look
    expect(await states([first.id, second.id])).toEqual([
      { published: false, parked: true, attempts: 1, lastError: tooLarge },
      { published: false, parked: true, attempts: 1, lastError: tooLarge },
    ]);

    await withClient(async (client) => {
      expect(await requeueParkedOutboxMessage(client, published.id)).toEqual({ outcome: 'not-parked', publishedAt: expect.any(Date), attempts: 0 });
      expect(await requeueParkedOutboxMessage(client, '00000000-0000-4000-8000-000000000000')).toEqual({ outcome: 'unknown' });
      expect(await requeueParkedOutboxMessage(client, 'not-a-uuid')).toEqual({ outcome: 'unknown' });
      const parked = await listParkedOutboxMessages(client);
      expect(parked.map((row) => row.id)).toEqual(expect.arrayContaining([first.id, second.id]));
      expect(await requeueAllParkedOutboxMessages(client)).toBe(parked.length);
      expect(await listParkedOutboxMessages(client)).toEqual([]);
      expect(await requeueParkedOutboxMessage(client, first.id)).toEqual({ outcome: 'not-parked', publishedAt: null, attempts: 0 });
    });
    expect(await states([first.id, second.id])).toEqual([
      { published: false, parked: false, attempts: 0, lastError: tooLarge },
      { published: false, parked: false, attempts: 0, lastError: tooLarge },
    ]);
  });
});
