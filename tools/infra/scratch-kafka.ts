import { startLocalKafka } from './local-kafka';
import { Kafka, logLevel } from 'kafkajs';
(async () => {
  const t = Date.now();
  const k = await startLocalKafka({ dataDir: process.argv[2]!, log: (l) => console.log(`[${Date.now() - t}ms] ${l}`), fresh: process.argv[3] === 'fresh' });
  console.log('ready', Date.now() - t, k.brokers);
  const kafka = new Kafka({ brokers: k.brokers, logLevel: logLevel.WARN });
  const admin = kafka.admin(); await admin.connect();
  const topic = 't' + Date.now();
  await admin.createTopics({ topics: [{ topic, numPartitions: 3 }], waitForLeaders: true });
  const p = kafka.producer({ idempotent: true }); await p.connect();
  await p.send({ topic, acks: -1, messages: [{ key: 'k', value: 'hello' }] });
  console.log('produced', Date.now() - t);
  if (process.argv[4] === 'restart') { const r = Date.now(); await k.restart!({ hard: process.argv[5] === 'hard' }); console.log('restarted in', Date.now() - r); await p.send({ topic, acks: -1, messages: [{ key: 'k', value: 'after' }] }); console.log('produced after restart'); }
  const c = kafka.consumer({ groupId: 'g' + Date.now() }); await c.connect();
  await c.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((res) => c.run({ eachMessage: async ({ message }) => { console.log('consumed', message.value?.toString(), Date.now() - t); res(); } }));
  await c.disconnect(); await p.disconnect(); await admin.disconnect();
  if (process.argv[4] === 'crash') { console.log('crashing'); process.kill(process.pid, 'SIGKILL'); }
  const s = Date.now();
  await k.stop();
  console.log(`stopped in ${Date.now() - s}ms; total ${Date.now() - t}ms`);
})().catch((e) => { console.error(e.name === 'InfraError' ? e.message : e); process.exit(1); });
