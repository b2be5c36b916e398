import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { DataSource, EntityManager } from 'typeorm';
import { deadLetterTopic, toKafkaHeaders, type EventEnvelope } from '@cms/contracts';
import { EventConsumer, UnprocessableEventError, type KafkaAdapter } from '@cms/messaging';
import { createTestDatabase, testKafkaBrokers, uniqueName, uniqueTopic } from '@cms/testing';
import {
  contactLogged,
  kafkaAdapter,
  openTestDataSource,
  quietLogger,
  waitFor,
} from '../libs/messaging/test/messaging-fixtures';

const ROOT = resolve(__dirname, '..');

/** Runs `npm run dlt -- <args>` as cms.sh does, against the given broker. */
function dlt(args: string[], brokers: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', resolve(ROOT, 'tools/dlt.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, KAFKA_BROKERS: brokers } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

/**
 * The dead-letter command on the real broker, with the one consumer runner (EventConsumer): a
 * handler refuses events, they land in the dead-letter topic, `list` and `show` tell what failed
 * and why, and once the handler is fixed a replay has each processed exactly once, however often
 * it is replayed.
 */
describe('npm run dlt', () => {
  const brokers = testKafkaBrokers();
  const topic = uniqueTopic('dlt-command');
  const dlt_topic = deadLetterTopic(topic);
  const group = uniqueName('dlt_command');
  const notInRegister = 'meter point 8804621501 is not in the register';
  let dataSource: DataSource;
  let kafka: KafkaAdapter;
  let consumer: EventConsumer;
  /** The events the handler refuses (the bug the operator fixes), and why. */
  const refused = new Map<string, Error>();

  const unregistered = [contactLogged('C200000001'), contactLogged('C200000002')];
  const readOnly = contactLogged('C200000003');

  beforeAll(async () => {
    dataSource = await openTestDataSource(await createTestDatabase('dlt_command'));
    kafka = kafkaAdapter(brokers, 'dlt-command-test');
    await kafka.ensureTopics([topic]);
    for (const event of unregistered) refused.set(event.id, new UnprocessableEventError(notInRegister));
    refused.set(readOnly.id, new Error('cannot execute INSERT in a read-only transaction'));
    consumer = new EventConsumer(dataSource, kafkaAdapter(brokers, 'dlt-command-consumer'), quietLogger, {
      groupId: group,
      topics: [topic],
      maxAttempts: 2,
      backoffMs: 50,
      sessionTimeoutMs: 6_000,
      handle: async (event: EventEnvelope, manager: EntityManager) => {
        const refusal = refused.get(event.id);
        if (refusal) throw refusal;
        await manager.query('INSERT INTO test_effect (event_id, crn) VALUES ($1, $2)', [event.id, event.subject]);
      },
    });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await kafka?.disconnect();
    await dataSource?.destroy();
  });

  async function publish(events: EventEnvelope[]): Promise<void> {
    await kafka.publish(
      events.map((event) => ({
        topic,
        key: event.subject,
        value: JSON.stringify(event.data),
        headers: toKafkaHeaders(event),
      })),
    );
  }

  async function effects(event: EventEnvelope): Promise<number> {
    const [{ count }] = await dataSource.query('SELECT count(*)::int AS count FROM test_effect WHERE event_id = $1', [
      event.id,
    ]);
    return count;
  }

  const run = (...args: string[]) => dlt(args, brokers.join(','));

  it('lists and shows what failed and why, and replays each letter once the handler is fixed, exactly once', async () => {
    await publish([...unregistered, readOnly]);
    await waitFor(async () => (await kafka.readTopics([dlt_topic])).length === 3, 60_000, 'three dead letters');

    const listed = await run('list', topic);
    expect(listed).toEqual({
      code: 0,
      stdout: expect.stringContaining('3 dead letters waiting in 1 dead-letter topic:'),
      stderr: '',
    });
    expect(listed.stdout).toContain(`${topic}, consumer group ${group}: 3 waiting\n`);
    expect(listed.stdout).toContain(
      `\n        2  UnprocessableEventError: ${notInRegister}\n        1  Error: cannot execute INSERT in a read-only transaction\n`,
    );
    const idOf = (event: EventEnvelope) => {
      const line = listed.stdout.split('\n').find((text) => text.includes(` ${event.subject} `));
      const id = line?.trim().split(/\s+/)[0];
      expect(id).toMatch(new RegExp(`^${dlt_topic.replace(/\./g, '\\.')}:[0-2]:\\d+$`));
      return id!;
    };
    const [first, second] = unregistered.map(idOf);
    expect(idOf(readOnly)).not.toBe(first);

    const shown = await run('show', first);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toMatch(
      new RegExp(
        `^Dead letter ${first}: waiting\\n  from             ${topic}, partition \\d, offset \\d+\\n  consumer group   ${group}\\n`,
      ),
    );
    expect(shown.stdout).toContain(`, after 1 attempt\n`);
    expect(shown.stdout).toContain(`  error            UnprocessableEventError: ${notInRegister}\n`);
    expect(shown.stdout).toContain(`  ce_id: ${unregistered[0].id}\n`);
    expect(shown.stdout).toContain(`payload:\n{\n  "crn": "C200000001",\n`);
    expect((await run('show', unregistered[1].id)).stdout).toContain(`Dead letter ${second}: waiting`);
    expect((await run('show', idOf(readOnly))).stdout).toContain(', after 2 attempts\n');

    // The fix: the handler now applies them.
    refused.clear();
    const replayed = await run('replay', unregistered[0].id);
    expect(replayed).toEqual({
      code: 0,
      stdout: expect.stringContaining(`Replayed event ${unregistered[0].id}: back on ${topic}`),
      stderr: '',
    });
    await waitFor(async () => (await effects(unregistered[0])) === 1, 30_000, 'the replayed event applied');
    expect((await run('list', topic)).stdout).toContain(
      `2 dead letters waiting in 1 dead-letter topic (1 letter replayed already, not listed):`,
    );
    expect((await run('show', first)).stdout).toMatch(new RegExp(`^Dead letter ${first}: replayed at \\d{4}-`));

    const all = await run('replay', '--all', topic);
    expect(all).toEqual({
      code: 0,
      stdout: expect.stringContaining(
        `Replayed 2 events from ${dlt_topic} back onto ${topic}, settling 2 dead letters`,
      ),
      stderr: '',
    });
    await waitFor(
      async () => (await effects(unregistered[1])) === 1 && (await effects(readOnly)) === 1,
      30_000,
      'the events replayed with --all applied',
    );
    expect(await run('list', topic)).toEqual({
      code: 0,
      stdout: 'No dead letters waiting in 1 dead-letter topic (3 letters replayed already, not listed).\n',
      stderr: '',
    });
    expect((await run('replay', '--all', dlt_topic)).stdout).toBe(
      `No dead letters waiting on ${dlt_topic}: nothing to replay.\n`,
    );

    // A second replay puts the event back once more; the group applied it, and ignores it by its id.
    const again = await run('replay', first);
    expect(again).toEqual({
      code: 0,
      stdout: expect.stringContaining(`${first} was replayed already at `),
      stderr: '',
    });
    // An event of the same key comes after the replayed one on its partition: once it is applied, the replay was read.
    const behind = contactLogged(unregistered[0].subject);
    await publish([behind]);
    await waitFor(async () => (await effects(behind)) === 1, 30_000, 'the event behind the second replay applied');
    expect(await Promise.all([...unregistered, readOnly].map(effects))).toEqual([1, 1, 1]);
    expect((await kafka.readTopics([dlt_topic])).length).toBe(3);
    // The topic holds the event three times: as published, and replayed twice, each replay marked so.
    const copies = (await kafka.readTopics([topic])).filter((message) => message.headers.ce_id === unregistered[0].id);
    expect(
      copies.map((message) => [
        message.key,
        message.value,
        message.headers.cms_replay_count,
        message.headers.cms_replay_of,
      ]),
    ).toEqual([
      [unregistered[0].subject, JSON.stringify(unregistered[0].data), undefined, undefined],
      [unregistered[0].subject, JSON.stringify(unregistered[0].data), '1', first],
      [unregistered[0].subject, JSON.stringify(unregistered[0].data), '2', first],
    ]);
    expect(copies[2].headers).toEqual(expect.objectContaining(toKafkaHeaders(unregistered[0])));
    expect(Object.keys(copies[2].headers).filter((name) => name.startsWith('cms_dlt_'))).toEqual([]);
  });

  it('says clearly when the id, the topic or the broker is unknown', async () => {
    expect(await run('show', `${dlt_topic}:0:999999`)).toEqual({
      code: 1,
      stdout: '',
      stderr: `No dead letter ${dlt_topic}:0:999999: \`npm run dlt -- list\` lists them.\n`,
    });
    expect(await run('replay', '0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7b')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'No dead letter of event 0193a6f2-7c1e-7d3a-9b1f-2c3d4e5f6a7b: `npm run dlt -- list` lists them.\n',
    });
    const unknownTopic = await run('replay', '--all', `${topic}-unknown`);
    expect(unknownTopic).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining(`dlt: No dead-letter topic ${topic}-unknown.dlt on this broker (there are `),
    });
    expect(unknownTopic.stderr).toContain(dlt_topic);

    const usage = await run('replay', 'C200000001');
    expect(usage).toEqual({
      code: 64,
      stdout: '',
      stderr: expect.stringContaining('"C200000001" is not a dead letter id'),
    });

    expect(await dlt(['list'], '127.0.0.1:1')).toEqual({
      code: 1,
      stdout: '',
      stderr: 'dlt: Could not reach Kafka at 127.0.0.1:1. Is KAFKA_BROKERS right, and the broker up?\n',
    });
  });
});
