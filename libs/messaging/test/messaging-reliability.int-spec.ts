import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { Topics, deadLetterTopic, toKafkaHeaders, type EventEnvelope } from '@cms/contracts';
import { createTestDatabase, testKafkaBrokers, uniqueTopic } from '@cms/testing';
import { EventConsumer, KafkaAdapter, OutboxRelay, OutboxWriter, UnprocessableEventError, type OutgoingMessage } from '../src';
import { contactLogged, kafkaAdapter, openTestDataSource, quietLogger, readTopic, waitFor } from './messaging-fixtures';

/**
 * Reliability tests 1, 2, 3, 6 and 7 of docs/quality.md against the real broker and database.
 * Invariant checked after each: every event in the outbox reached Kafka; every consumer effect
 * applied exactly once.
 */
describe('messaging reliability', () => {
  let dataSource: DataSource;
  let databaseUrl: string;
  const brokers = testKafkaBrokers();
  const stoppers: (() => Promise<void>)[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('messaging');
    dataSource = await openTestDataSource(databaseUrl);
  });

  afterEach(async () => {
    while (stoppers.length > 0) await stoppers.pop()!();
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  async function effectCounts(): Promise<Map<string, number>> {
    const rows: { event_id: string; count: string }[] = await dataSource.query(
      'SELECT event_id, count(*) AS count FROM test_effect GROUP BY event_id',
    );
    return new Map(rows.map((row) => [row.event_id, Number(row.count)]));
  }

  async function publishDirectly(topic: string, events: ReturnType<typeof contactLogged>[]): Promise<void> {
    const kafka = kafkaAdapter(brokers);
    await kafka.ensureTopics([topic]);
    await kafka.publish(events.map((event) => ({ topic, key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })));
    await kafka.disconnect();
  }

  function startConsumer(topic: string, groupId: string, handle: ConstructorParameters<typeof EventConsumer>[3]['handle']): EventConsumer {
    const consumer = new EventConsumer(dataSource, kafkaAdapter(brokers), quietLogger, {
      groupId,
      topics: [topic],
      handle,
      maxAttempts: 3,
      backoffMs: 50,
      sessionTimeoutMs: 6_000,
    });
    stoppers.push(() => consumer.stop());
    return consumer;
  }

  const recordEffect = async (event: { id: string; subject: string }, manager: { query: DataSource['query'] }) => {
    await manager.query('INSERT INTO test_effect (event_id, crn) VALUES ($1, $2)', [event.id, event.subject]);
  };

  it('1. a consumer that throws retries, dead-letters the message with the error, and the partition keeps moving', async () => {
    const topic = uniqueTopic('reliability-1');
    const poison = contactLogged('C100000001');
    const healthy = contactLogged('C100000001'); // same key: same partition, after the poison one
    await publishDirectly(topic, [poison, healthy]);
    const attempts = new Map<string, number>();

    await startConsumer(topic, `group-${topic}`, async (event, manager) => {
      attempts.set(event.id, (attempts.get(event.id) ?? 0) + 1);
      if (event.id === poison.id) throw new Error('handler bug: cannot process this event');
      await recordEffect(event, manager);
    }).start();

    await waitFor(async () => (await effectCounts()).get(healthy.id) === 1, 30_000, 'the healthy event after the poison one');
    const deadLetters = await readTopic(brokers, deadLetterTopic(topic), 1);
    expect(attempts.get(poison.id)).toBe(3);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0].headers).toEqual(
      expect.objectContaining({
        ce_id: poison.id,
        cms_dlt_error: 'Error: handler bug: cannot process this event',
        cms_dlt_attempts: '3',
        cms_dlt_original_topic: topic,
      }),
    );
    expect((await effectCounts()).get(poison.id)).toBeUndefined();
  });

  it('1b. a message that is not a valid event is dead-lettered at once, without retries', async () => {
    const topic = uniqueTopic('reliability-1b');
    const kafka = kafkaAdapter(brokers);
    await kafka.ensureTopics([topic]);
    const invalid = contactLogged();
    await kafka.publish([
      { topic, key: 'x', value: 'not json at all', headers: { ce_id: 'nope' } },
      { topic, key: invalid.subject, value: JSON.stringify({ ...invalid.data, mprn: 'ABC' }), headers: toKafkaHeaders(invalid) },
    ]);
    await kafka.disconnect();
    let calls = 0;

    await startConsumer(topic, `group-${topic}`, async () => {
      calls += 1;
    }).start();

    const deadLetters = await readTopic(brokers, deadLetterTopic(topic), 2);
    expect(deadLetters.map((message) => message.headers.cms_dlt_attempts)).toEqual(['1', '1']);
    expect(calls).toBe(0);
  });

  it('1c. an event its handler can never apply (UnprocessableEventError) is dead-lettered at once, and the one behind it applied', async () => {
    const topic = uniqueTopic('reliability-1c');
    const unknown = contactLogged('C100000002');
    const healthy = contactLogged('C100000002');
    await publishDirectly(topic, [unknown, healthy]);
    let attemptsOfUnknown = 0;

    await startConsumer(topic, `group-${topic}`, async (event, manager) => {
      if (event.id === unknown.id) {
        attemptsOfUnknown += 1;
        await manager.query('INSERT INTO test_effect (event_id, crn) VALUES ($1, $2)', [event.id, 'half-done']);
        throw new UnprocessableEventError('names a contact this service does not hold');
      }
      await recordEffect(event, manager);
    }).start();

    await waitFor(async () => (await effectCounts()).get(healthy.id) === 1, 30_000, 'the event behind the unprocessable one');
    const [deadLetter] = await readTopic(brokers, deadLetterTopic(topic), 1);
    expect(attemptsOfUnknown).toBe(1);
    expect(deadLetter.headers).toEqual(
      expect.objectContaining({ ce_id: unknown.id, cms_dlt_attempts: '1', cms_dlt_error: 'UnprocessableEventError: names a contact this service does not hold' }),
    );
    // Its transaction rolled back: neither its effect nor its inbox record was kept.
    expect((await effectCounts()).get(unknown.id)).toBeUndefined();
  });

  it('1d. a consumer that acts on some event types passes over the others: no handler call, no inbox row, the partition moves on', async () => {
    const topic = uniqueTopic('reliability-1d');
    const other = contactLogged('C100000003');
    const wanted = contactLogged('C100000003');
    const kafka = kafkaAdapter(brokers);
    await kafka.ensureTopics([topic]);
    await kafka.publish([
      { topic, key: other.subject, value: JSON.stringify(other.data), headers: { ...toKafkaHeaders(other), ce_type: 'uk.gas.cms.contact.assigned.v1' } },
      { topic, key: wanted.subject, value: JSON.stringify(wanted.data), headers: toKafkaHeaders(wanted) },
    ]);
    await kafka.disconnect();
    const handled: string[] = [];

    const consumer = new EventConsumer(dataSource, kafkaAdapter(brokers), quietLogger, {
      groupId: `group-${topic}`,
      topics: [topic],
      eventTypes: [wanted.type],
      handle: async (event, manager) => {
        handled.push(event.id);
        await recordEffect(event, manager);
      },
    });
    stoppers.push(() => consumer.stop());
    await consumer.start();

    await waitFor(async () => (await effectCounts()).get(wanted.id) === 1, 30_000, 'the wanted event behind the other one');
    expect(handled).toEqual([wanted.id]);
    expect(await dataSource.query('SELECT event_id FROM inbox_message WHERE event_id = $1', [other.id])).toEqual([]);
  });

  it('2. a consumer that crashes after its database commit and before its offset commit: redelivered, no double effect', async () => {
    const topic = uniqueTopic('reliability-2');
    const group = `group-${topic}`;
    const events = [contactLogged(), contactLogged(), contactLogged()];
    await publishDirectly(topic, events);

    const child = spawn(process.execPath, ['-r', '@swc-node/register', resolve(__dirname, 'crashing-consumer.ts')], {
      cwd: resolve(__dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: databaseUrl, KAFKA_BROKERS: brokers.join(','), TOPIC: topic, GROUP: group },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exitCode = await new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
    expect(exitCode).toBe(137);
    const afterCrash = await effectCounts();
    const crashedOn = events.filter((event) => afterCrash.get(event.id) === 1);
    expect(crashedOn).toHaveLength(1);

    await startConsumer(topic, group, recordEffect).start();

    await waitFor(async () => {
      const counts = await effectCounts();
      return events.every((event) => counts.has(event.id));
    }, 60_000, 'every event applied after the restart');
    const counts = await effectCounts();
    expect(events.map((event) => counts.get(event.id))).toEqual([1, 1, 1]);
    const [{ redelivered }] = await dataSource.query(
      'SELECT count(*)::int AS redelivered FROM inbox_message WHERE consumer_group = $1',
      [group],
    );
    expect(redelivered).toBe(3);
  });

  it('3. the relay crashes after publishing and before marking sent: the duplicate is absorbed by the consumer', async () => {
    const topic = uniqueTopic('reliability-3');
    const realKafka = kafkaAdapter(brokers);
    await realKafka.ensureTopics([topic]);
    stoppers.push(() => realKafka.disconnect());
    const events = await dataSource.transaction((manager) => writeToOutbox(manager, topic, [contactLogged(), contactLogged()]));

    // Publishes for real, then "crashes" before the relay can mark the rows sent.
    class CrashAfterPublish extends KafkaAdapter {
      override async publish(messages: OutgoingMessage[]): Promise<void> {
        await realKafka.publish(messages);
        throw new Error('simulated crash after publish');
      }
    }
    const crashing = new OutboxRelay(dataSource, new CrashAfterPublish({ clientId: 'x', brokers, logger: quietLogger }), quietLogger);
    await expect(crashing.publishPending()).rejects.toThrow('simulated crash after publish');
    const [{ unsent }] = await dataSource.query(
      'SELECT count(*)::int AS unsent FROM outbox_message WHERE id = ANY($1) AND published_at IS NULL',
      [events.map((event) => event.id)],
    );
    expect(unsent).toBe(2);

    const relay = new OutboxRelay(dataSource, realKafka, quietLogger);
    stoppers.push(() => relay.stop()); // hands the publishing lock on to the next test's relays
    while ((await relay.publishPending()) > 0);
    await startConsumer(topic, `group-${topic}`, recordEffect).start();

    const published = await readTopic(brokers, topic, 4);
    expect(published.map((message) => message.headers.ce_id).sort()).toEqual([events[0].id, events[0].id, events[1].id, events[1].id].sort());
    await waitFor(async () => (await effectCounts()).size >= 2, 30_000, 'both events applied');
    await new Promise((done) => setTimeout(done, 1_000)); // let the duplicates be processed too
    const counts = await effectCounts();
    expect(events.map((event) => counts.get(event.id))).toEqual([1, 1]);
  });

  it('7. a second consumer joins the group mid-stream and leaves again: every event applied exactly once', async () => {
    const topic = uniqueTopic('reliability-7');
    const group = `group-${topic}`;
    const producer = kafkaAdapter(brokers);
    await producer.ensureTopics([topic]);
    stoppers.push(() => producer.disconnect());
    const applied = { first: 0, second: 0 };
    const recordAs = (instance: keyof typeof applied) => async (event: { id: string; subject: string }, manager: { query: DataSource['query'] }) => {
      await recordEffect(event, manager);
      applied[instance] += 1;
    };
    // A steady stream of events the whole time the group changes: five every 50 ms.
    const published: string[] = [];
    let streaming = true;
    const stream = (async () => {
      while (streaming) {
        const events = Array.from({ length: 5 }, () => contactLogged());
        await producer.publish(events.map((event) => ({ topic, key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })));
        published.push(...events.map((event) => event.id));
        await new Promise((done) => setTimeout(done, 50));
      }
    })();

    await startConsumer(topic, group, recordAs('first')).start();
    await waitFor(async () => applied.first > 0, 30_000, 'the first consumer applying events');
    const second = startConsumer(topic, group, recordAs('second'));
    await second.start();
    await waitFor(async () => applied.second > 0, 60_000, 'the second consumer given partitions and applying events');
    const firstBeforeLeave = applied.first;
    await second.stop();
    await waitFor(async () => applied.first > firstBeforeLeave + 20, 60_000, 'the first consumer carrying on alone');
    streaming = false;
    await stream;

    await waitFor(async () => {
      const counts = await effectCounts();
      return published.every((id) => counts.has(id));
    }, 60_000, 'every published event applied');
    await new Promise((done) => setTimeout(done, 1_000)); // let any redelivery be processed too
    const counts = await effectCounts();
    expect(published.filter((id) => counts.get(id) !== 1)).toEqual([]);
    const [{ received }] = await dataSource.query('SELECT count(*)::int AS received FROM inbox_message WHERE consumer_group = $1', [group]);
    expect(received).toBe(published.length);
  });

  it('6. many concurrent transactions write outbox rows while two relay replicas run: no event skipped or doubled', async () => {
    const topic = uniqueTopic('reliability-6');
    const kafka = kafkaAdapter(brokers);
    await kafka.ensureTopics([topic]);
    // Two replicas of the same service, each with its own relay and producer.
    const relays = [kafka, kafkaAdapter(brokers, 'replica-2')].map(
      (adapter) => [adapter, new OutboxRelay(dataSource, adapter, quietLogger, { idleDelayMs: 5, batchSize: 50 })] as const,
    );
    for (const [, relay] of relays) relay.start();
    stoppers.push(async () => {
      for (const [adapter, relay] of relays) {
        await relay.stop();
        await adapter.disconnect();
      }
    });

    const committed: string[] = [];
    const writers = Array.from({ length: 20 }, async (_, writer) => {
      for (let index = 0; index < 15; index += 1) {
        const rollBack = (writer + index) % 7 === 0;
        try {
          const ids = await dataSource.transaction(async (manager) => {
            const [first] = await writeToOutbox(manager, topic, [contactLogged()]);
            // Hold the transaction open a while so that later-started ones commit first.
            await manager.query('SELECT pg_sleep($1)', [((writer * 7 + index * 13) % 40) / 1000]);
            const [second] = await writeToOutbox(manager, topic, [contactLogged()]);
            if (rollBack) throw new Error('rolled back on purpose');
            return [first.id, second.id];
          });
          committed.push(...ids);
        } catch (error) {
          if (!rollBack) throw error;
        }
      }
    });
    await Promise.all(writers);

    await waitFor(async () => {
      const [{ pending }] = await dataSource.query('SELECT count(*)::int AS pending FROM outbox_message WHERE topic = $1 AND published_at IS NULL', [topic]);
      return pending === 0;
    }, 60_000, 'the relay to drain the outbox');
    const published = await readTopic(brokers, topic, committed.length, 30_000);
    const publishedIds = published.map((message) => message.headers.ce_id);
    expect(committed.length).toBeGreaterThan(200);
    expect(new Set(publishedIds).size).toBe(publishedIds.length);
    expect([...publishedIds].sort()).toEqual([...committed].sort());
  });

  it('6b. when the replica that publishes stops, the one standing by takes over within its idle delay', async () => {
    const topic = uniqueTopic('reliability-6b');
    const kafka = kafkaAdapter(brokers);
    await kafka.ensureTopics([topic]);
    stoppers.push(() => kafka.disconnect());
    const startRelay = () => {
      const relay = new OutboxRelay(dataSource, kafka, quietLogger, { idleDelayMs: 50 });
      relay.start();
      stoppers.push(() => relay.stop());
      return relay;
    };
    const written: string[] = [];
    const writeAndWaitForPublication = async () => {
      const events = await dataSource.transaction((manager) => writeToOutbox(manager, topic, [contactLogged(), contactLogged()]));
      written.push(...events.map((event) => event.id));
      await waitFor(async () => {
        const [{ pending }] = await dataSource.query('SELECT count(*)::int AS pending FROM outbox_message WHERE topic = $1 AND published_at IS NULL', [topic]);
        return pending === 0;
      }, 10_000, 'the outbox to drain');
    };

    // Whichever of the two took the lock, stopping each in turn leaves the other to publish.
    const [first, second] = [startRelay(), startRelay()];
    await writeAndWaitForPublication();
    await first.stop();
    await writeAndWaitForPublication();
    const third = startRelay();
    await second.stop();
    await writeAndWaitForPublication();
    await third.stop();

    const published = await readTopic(brokers, topic, written.length, 30_000);
    expect(published.map((message) => message.headers.ce_id).sort()).toEqual([...written].sort());
  });

  it('a commit wakes the idle relay at once, and again after a busy spell (no polling: the idle delay is a minute)', async () => {
    const topic = uniqueTopic('wake-up');
    const kafka = kafkaAdapter(brokers);
    await kafka.ensureTopics([topic]);
    const relay = new OutboxRelay(dataSource, kafka, quietLogger, { idleDelayMs: 60_000 });
    stoppers.push(async () => {
      await relay.stop();
      await kafka.disconnect();
    });
    relay.start();
    const publishedWithin = async (toWrite: ReturnType<typeof contactLogged>[], ms: number) => {
      const events = await dataSource.transaction((manager) => writeToOutbox(manager, topic, toWrite));
      await waitFor(async () => {
        const [{ pending }] = await dataSource.query('SELECT count(*)::int AS pending FROM outbox_message WHERE id = ANY($1) AND published_at IS NULL', [events.map((event) => event.id)]);
        return pending === 0;
      }, ms, 'the relay to publish without waiting for its idle delay');
    };
    await new Promise((resolve) => setTimeout(resolve, 500)); // idle and listening

    await publishedWithin([contactLogged()], 3_000);
    // A busy spell: commits arriving while the relay publishes.
    await Promise.all(Array.from({ length: 20 }, () => publishedWithin([contactLogged()], 5_000)));
    await new Promise((resolve) => setTimeout(resolve, 500)); // idle again
    await publishedWithin([contactLogged()], 3_000);
  });

  it('writes nothing to the outbox outside a transaction', async () => {
    await expect(writeToOutbox(dataSource.manager, Topics.contacts, [contactLogged()])).rejects.toThrow(/inside the transaction/);
  });
});

/** Writes events to the outbox as a service does (OutboxWriter), on a topic of the test's own: the envelopes as written. */
function writeToOutbox(manager: EntityManager, topic: string, events: EventEnvelope[]): Promise<EventEnvelope[]> {
  return new OutboxWriter('/cms/test', () => topic).write(
    manager,
    events.map((event) => ({ type: event.type, subject: event.subject, data: event.data as object })),
  );
}
