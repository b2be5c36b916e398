// Proves the harness: the PostgreSQL server and the Kafka broker that jest-global-setup.ts
// provides are real and usable the way the services use them.
import { Consumer, Kafka, KafkaMessage, logLevel, Producer } from 'kafkajs';
import { Client } from 'pg';
import {
  createTestDatabase,
  testDatabaseAdminUrl,
  testKafkaBrokers,
  uniqueName,
  uniqueTopic,
} from './infrastructure';

describe('test infrastructure: PostgreSQL', () => {
  const clients: Client[] = [];
  const connect = async (url: string) => {
    const client = new Client({ connectionString: url });
    clients.push(client);
    await client.connect();
    return client;
  };
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end().catch(() => undefined)));
  });

  it('creates a separate database per call, usable with pg', async () => {
    const first = await createTestDatabase('harness-check');
    const second = await createTestDatabase('harness-check');
    expect(first).not.toEqual(second);
    const name = decodeURIComponent(new URL(first).pathname.slice(1));
    expect(name).toMatch(/^harness_check_[a-z0-9]+$/);

    const db = await connect(first);
    const { rows } = await db.query<{ db: string; version: number }>(
      "SELECT current_database() AS db, current_setting('server_version_num')::int AS version",
    );
    expect(rows[0]?.db).toBe(name);
    expect(rows[0]?.version).toBeGreaterThanOrEqual(180000);

    await db.query('CREATE TABLE contact (crn text PRIMARY KEY, state text NOT NULL)');
    await db.query('INSERT INTO contact VALUES ($1, $2)', ['CRN-1', 'LOGGED']);
    const other = await connect(second);
    const { rows: elsewhere } = await other.query("SELECT to_regclass('contact') AS t");
    expect(elsewhere[0]?.t).toBeNull(); // databases are isolated from each other
    const { rows: back } = await db.query('SELECT state FROM contact WHERE crn = $1', ['CRN-1']);
    expect(back).toEqual([{ state: 'LOGGED' }]);
  });

  it('gives superuser access through the admin URL', async () => {
    const admin = await connect(testDatabaseAdminUrl());
    const { rows } = await admin.query<{ su: boolean }>('SELECT rolsuper AS su FROM pg_roles WHERE rolname = current_user');
    expect(rows[0]?.su).toBe(true);
  });
});

describe('test infrastructure: Kafka', () => {
  const kafka = new Kafka({ clientId: uniqueName('harness'), brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  });

  it('creates a topic, produces with acks=all and consumes the message back', async () => {
    const topic = uniqueTopic('cms.harness-check');
    await admin.connect();
    await expect(
      admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true }),
    ).resolves.toBe(true);
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
    expect(metadata.topics[0]?.partitions).toHaveLength(3);

    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    const [sent] = await producer.send({
      topic,
      acks: -1,
      messages: [{ key: 'CRN-1', value: JSON.stringify({ state: 'LOGGED' }), headers: { ce_type: 'harness.check' } }],
    });
    expect(sent?.errorCode).toBe(0);

    consumer = kafka.consumer({ groupId: uniqueName('harness'), allowAutoTopicCreation: false });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<KafkaMessage>((resolve) => {
      void consumer!.run({ eachMessage: async ({ message }) => resolve(message) });
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('no message consumed within 60 s')), 60_000);
    });
    const message = await Promise.race([received, timeout]).finally(() => clearTimeout(timer));

    expect(message.key?.toString()).toBe('CRN-1');
    expect(JSON.parse(message.value?.toString() ?? 'null')).toEqual({ state: 'LOGGED' });
    expect(message.headers?.['ce_type']?.toString()).toBe('harness.check');
  });
});
