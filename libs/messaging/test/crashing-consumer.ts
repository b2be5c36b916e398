/**
 * A consumer process that dies the hard way (process.exit, no clean-up) right after its effect's
 * transaction commits and before the offset commit: the window reliability test 2 is about.
 * Run by messaging-reliability.int-spec.ts as a child process.
 */
import { EventConsumer } from '../src';
import { kafkaAdapter, openTestDataSource, quietLogger } from './messaging-fixtures';

async function main(): Promise<void> {
  const { DATABASE_URL, KAFKA_BROKERS, TOPIC, GROUP } = process.env as Record<string, string>;
  const dataSource = await openTestDataSource(DATABASE_URL);
  const consumer = new EventConsumer(dataSource, kafkaAdapter(KAFKA_BROKERS.split(','), 'crashing-consumer'), quietLogger, {
    groupId: GROUP,
    topics: [TOPIC],
    sessionTimeoutMs: 6_000,
    handle: async (event, manager) => {
      await manager.query('INSERT INTO test_effect (event_id, crn) VALUES ($1, $2)', [event.id, event.subject]);
    },
    afterEffectCommitted: async () => {
      process.stdout.write('effect committed; crashing before the offset commit\n');
      process.exit(137);
    },
  });
  await consumer.start();
}

void main();
