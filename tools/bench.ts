/**
 * `npm run bench`: a benchmark, not a timed test. Starts the full local stack (fresh data, free
 * ports), then measures, each beside its floor from the same run:
 *   - log-contact latency through the gateway at 1, 10 and 50 concurrent clients (p50/p95/p99,
 *     throughput), beside a bare `INSERT … COMMIT` of the same row through `pg`;
 *   - time from a contact's 201 to its ContactLogged event reaching an outside Kafka consumer,
 *     beside a bare produce → consume round trip;
 *   - resident memory per service at rest and after the load;
 *   - a ContactResolved event → its alert in an open SSE stream at 10 clients (bench-alert-stream.ts);
 *   - the postcode look-up at 10 clients with 10,000 and 1,000,000 addresses loaded (bench-address-lookup.ts).
 * `BENCH_ONLY=alerts npm run bench` measures the alerts only; `BENCH_ONLY=addresses`, the look-up only.
 * Prints a Markdown table (paste it into docs/benchmarks.md).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { applyKafkaJsIdleTimerFix } from '@cms/messaging';
import { Client } from 'pg';
import { generateDemoMeterPoints } from './demo-data/meter-points';
import { demoOrganisations } from './demo-data/organisations';
import { DEMO_PASSWORD } from './demo-data/users';
import { benchAddressLookup } from './bench-address-lookup';
import { benchAlertStream } from './bench-alert-stream';
import { startBareHops } from './bench-bare-hops';
import { cpuBetween, cpuByGroup, type CpuByGroup } from './process-cpu';
import { startStack, type Stack } from './stack';

// These runs measure the system itself, far above any one organisation's fair share: the gateway's
// per-organisation rate limits are raised out of the way.
// The bench's own Kafka clients must not spin kafkajs's idle timer on the cores being measured.
applyKafkaJsIdleTimerFix();

// Likewise address-lookup's daily quota per user.
const UNTHROTTLED = {
  RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_ORGANISATION_BURST: '100000',
  ADDRESS_LOOKUPS_PER_USER_PER_DAY: '10000000',
};

const ALL_LEVELS = [
  { clients: 1, requests: 200 },
  { clients: 10, requests: 1000 },
  { clients: 50, requests: 2000 },
];
// `BENCH_CLIENTS=10 npm run bench` measures one level only (a quicker loop while tuning).
const LEVELS = process.env.BENCH_CLIENTS ? ALL_LEVELS.filter((level) => String(level.clients) === process.env.BENCH_CLIENTS) : ALL_LEVELS;
// Enough requests for the JIT compilers (V8's and the broker's JVM) to settle before anything is
// timed: the figures are meant to describe services that have been running a while.
const WARM_UP = 1000;

interface Job {
  userId: string;
  body: Record<string, unknown>;
}

function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

/** Every valid contact the demo register allows: a DTL per Dead point, an ISO to Dead per Live point. */
function validJobs(): Job[] {
  const shippers = demoOrganisations().filter((organisation) => organisation.type === 'SHIPPER');
  const userOf = new Map(shippers.map((organisation) => [organisation.id, `${organisation.shortCode.toLowerCase()}.user`]));
  const jobs: Job[] = [];
  let unregistered = 0;
  for (const point of generateDemoMeterPoints()) {
    const userId = point.registeredShipperId ? userOf.get(point.registeredShipperId) : `${shippers[unregistered++ % shippers.length].shortCode.toLowerCase()}.user`;
    if (!userId) continue;
    const common = { mprn: point.mprn, originatorContact: { name: 'Bench Mark', telephone: '0161 496 0000' }, description: 'Benchmark contact.' };
    if (point.status === 'DE') {
      jobs.push({ userId, body: { ...common, type: 'DTL', dtlEvidence: { meterRead: { value: '01234', readDate: daysAgo(1) }, meterSerialNumber: 'BENCH-1' } } });
    } else if (point.status === 'LI') {
      jobs.push({ userId, body: { ...common, type: 'ISO', requestedStatus: 'DE', isolation: { workDate: daysAgo(5), workType: 'SERVICE_REMOVED' } } });
    }
  }
  return jobs;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

interface Measured {
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
  count: number;
}

/** Runs `work` `total` times with `clients` concurrent callers; latencies in ms. */
async function measure(clients: number, total: number, work: (client: number) => Promise<void>): Promise<Measured> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, client) => {
      while (next < total) {
        next += 1;
        const begin = performance.now();
        await work(client);
        latencies.push(performance.now() - begin);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), throughput: total / seconds, count: total };
}

async function signIn(stack: Stack, userId: string): Promise<string> {
  const response = await fetch(`${stack.gatewayUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId, password: DEMO_PASSWORD }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

function rssMb(pid: number | undefined): number {
  if (!pid) return NaN;
  const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return match ? Number(match[1]) / 1024 : NaN;
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-bench-'));
  // The build, as in production (docs/benchmarks.md).
  const stack: Stack = await startStack({ dataDir, fresh: true, ports: 'free', runtime: 'compiled', log, env: UNTHROTTLED });
  try {
    const only = process.env.BENCH_ONLY;
    if (!only) await run(stack, log);
    if (!only || only === 'alerts') console.log(await benchAlertStream(stack, (userId) => signIn(stack, userId), measure, percentile, log));
    if (!only || only === 'addresses') console.log(await benchAddressLookup(stack, dataDir, await signIn(stack, 'bwe.user'), measure, log));
  } finally {
    await stack.stop();
  }
}

async function run(stack: Stack, log: (line: string) => void): Promise<void> {
  const memoryAtRest = Object.fromEntries(stack.services.map((service) => [service.name, rssMb(service.child.pid)]));

  // Tokens for every shipper user.
  const tokens = new Map<string, string>();
  for (const organisation of demoOrganisations().filter((candidate) => candidate.type === 'SHIPPER')) {
    const userId = `${organisation.shortCode.toLowerCase()}.user`;
    tokens.set(userId, await signIn(stack, userId));
  }

  // An outside consumer timing each event's arrival.
  const kafka = new Kafka({ clientId: 'bench', brokers: stack.kafka.brokers, logLevel: logLevel.NOTHING });
  const arrivals = new Map<string, number>();
  const consumer = kafka.consumer({ groupId: `bench-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic: 'cms.contacts.v1', fromBeginning: false });
  await consumer.run({ eachMessage: async ({ message }) => void arrivals.set(message.key!.toString(), performance.now()) });
  await new Promise((resolve) => setTimeout(resolve, 3_000)); // let the group settle

  const jobs = validJobs();
  let cursor = 0;
  const created = new Map<string, number>();
  // The clients use node:http with kept-alive connections, as a partner system would: lighter on the
  // shared two cores than fetch, so that the load generator takes less from the system it measures.
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const contactsUrl = new URL('/api/v1/contacts', stack.gatewayUrl);
  const post = (body: string, token: string, url = contactsUrl) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const outgoing = request(
        url,
        { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), authorization: `Bearer ${token}` } },
        (incoming) => {
          const chunks: Buffer[] = [];
          incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
          incoming.on('end', () => resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
          incoming.on('error', reject);
        },
      );
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const logContact = async () => {
    const job = jobs[cursor++];
    if (!job) throw new Error('ran out of valid demo meter points');
    const answer = await post(JSON.stringify(job.body), tokens.get(job.userId)!);
    if (answer.status !== 201) throw new Error(`log contact answered ${answer.status}: ${answer.body}`);
    created.set((JSON.parse(answer.body) as { crn: string }).crn, performance.now());
  };

  // The floor: the same row inserted and committed through pg, nothing else.
  const floorClients = await Promise.all(
    Array.from({ length: 50 }, async () => {
      const client = new Client({ connectionString: stack.databaseUrls['contact-logging'] });
      await client.connect();
      return client;
    }),
  );
  await floorClients[0].query('CREATE TABLE IF NOT EXISTS bench_floor (LIKE contact INCLUDING DEFAULTS)');
  let floorSequence = 0;
  const insertFloor = (client: Client) => async () => {
    const crn = `F${String(floorSequence++).padStart(9, '0')}`;
    await client.query(
      `INSERT INTO bench_floor (crn, contact_type, mprn, status, requested_status, originator_organisation_id, originator_user_id,
         transporter_organisation_id, registered_shipper_organisation_id, visible_to, details, logged_at, updated_at)
       VALUES ($1, 'DTL', '3938424403', 'LOGGED', 'LI', $2, 'bench', $2, NULL, ARRAY[$2::uuid], $3, now(), now())`,
      [crn, demoOrganisations()[0].id, { description: 'Benchmark contact.' }],
    );
  };

  log(`warming up (${WARM_UP} contacts)`);
  await measure(10, WARM_UP, logContact);

  // The hops floor: the same client, through three bare node:http processes.
  const bareHops = await startBareHops();
  const bareContactsUrl = new URL('/api/v1/contacts', bareHops.url);
  const sampleJob = jobs[0];
  const postThroughBareHops = async () => {
    const answer = await post(JSON.stringify(sampleJob.body), tokens.get(sampleJob.userId)!, bareContactsUrl);
    if (answer.status !== 201) throw new Error(`bare hops answered ${answer.status}`);
  };
  await measure(10, WARM_UP, postThroughBareHops);
  const hopRows: string[] = [];

  const rows: string[] = [];
  const processGroups = new Map<number, string>([[process.pid, 'bench (the clients)'], ...stack.services.map((service) => [service.child.pid!, service.name] as const)]);
  const cpuPerContact: { clients: number; spent: CpuByGroup; requests: number }[] = [];
  for (const level of LEVELS) {
    log(`${level.clients} concurrent: floor`);
    const floor = await measure(level.clients, level.requests, (client) => insertFloor(floorClients[client])());
    log(`${level.clients} concurrent: bare hops`);
    const hops = await measure(level.clients, level.requests, postThroughBareHops);
    hopRows.push(`| ${level.clients} | ${hops.p50.toFixed(1)} | ${hops.p95.toFixed(1)} | ${hops.p99.toFixed(1)} | ${hops.throughput.toFixed(0)} |`);
    log(`${level.clients} concurrent: log contact through the gateway`);
    const cpuBefore = cpuByGroup(processGroups);
    const gateway = await measure(level.clients, level.requests, logContact);
    cpuPerContact.push({ clients: level.clients, spent: cpuBetween(cpuBefore, cpuByGroup(processGroups)), requests: level.requests });
    rows.push(
      `| ${level.clients} | ${level.requests} | ${gateway.p50.toFixed(1)} | ${gateway.p95.toFixed(1)} | ${gateway.p99.toFixed(1)} | ${gateway.throughput.toFixed(0)} | ${floor.p50.toFixed(2)} | ${floor.p95.toFixed(2)} | ${floor.p99.toFixed(2)} | ${floor.throughput.toFixed(0)} | ${(gateway.p50 / floor.p50).toFixed(1)}× |`,
    );
  }
  const memoryUnderLoad = Object.fromEntries(stack.services.map((service) => [service.name, rssMb(service.child.pid)]));

  // 201 → event at the outside consumer.
  const deadline = Date.now() + 30_000;
  while ([...created.keys()].some((crn) => !arrivals.has(crn)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  const eventDelays = [...created].filter(([crn]) => arrivals.has(crn)).map(([crn, at]) => arrivals.get(crn)! - at).sort((a, b) => a - b);
  const missing = created.size - eventDelays.length;
  await consumer.disconnect();

  // Floor: a bare produce → consume round trip.
  const roundTrip = await kafkaRoundTrip(kafka, 200);

  for (const client of floorClients) await client.end();
  agent.destroy();
  bareHops.stop();

  console.log(`
### Log a contact through the gateway (ms), beside a bare INSERT … COMMIT of the same row

| clients | requests | p50 | p95 | p99 | req/s | floor p50 | floor p95 | floor p99 | floor rows/s | p50 ÷ floor p50 |
|---|---|---|---|---|---|---|---|---|---|---|
${rows.join('\n')}

### The same path with nothing in it (ms): three bare node:http processes, gateway → service → register

| clients | p50 | p95 | p99 | req/s |
|---|---|---|---|---|
${hopRows.join('\n')}

### 201 → ContactLogged at an outside Kafka consumer (ms), beside a bare produce → consume round trip

| measure | count | p50 | p95 | p99 |
|---|---|---|---|---|
| 201 → event | ${eventDelays.length} (${missing} missing) | ${percentile(eventDelays, 50).toFixed(1)} | ${percentile(eventDelays, 95).toFixed(1)} | ${percentile(eventDelays, 99).toFixed(1)} |
| floor: produce → consume | ${roundTrip.length} | ${percentile(roundTrip, 50).toFixed(1)} | ${percentile(roundTrip, 95).toFixed(1)} | ${percentile(roundTrip, 99).toFixed(1)} |

### CPU per logged contact, by process (ms; from /proc, 10 ms clock ticks)

| process | ${cpuPerContact.map((level) => `${level.clients} client${level.clients === 1 ? '' : 's'}`).join(' | ')} |
|---|${cpuPerContact.map(() => '---').join('|')}|
${cpuTable(cpuPerContact)}

### Resident memory per service (MiB)

| service | at rest | after the load |
|---|---|---|
${stack.services.map((service) => `| ${service.name} | ${memoryAtRest[service.name].toFixed(0)} | ${memoryUnderLoad[service.name].toFixed(0)} |`).join('\n')}
`);
}

function cpuTable(levels: { spent: CpuByGroup; requests: number }[]): string {
  const groups = [...new Set(levels.flatMap((level) => [...level.spent.keys()]))].sort();
  const perContact = (level: { spent: CpuByGroup; requests: number }, group?: string) =>
    ((group ? (level.spent.get(group) ?? 0) : [...level.spent.values()].reduce((sum, seconds) => sum + seconds, 0)) * 1000) / level.requests;
  return [
    ...groups.map((group) => `| ${group} | ${levels.map((level) => perContact(level, group).toFixed(2)).join(' | ')} |`),
    `| **total** | ${levels.map((level) => perContact(level).toFixed(2)).join(' | ')} |`,
  ].join('\n');
}

async function kafkaRoundTrip(kafka: Kafka, count: number): Promise<number[]> {
  const topic = `bench-round-trip-${Date.now()}`;
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  const consumer = kafka.consumer({ groupId: `${topic}-group`, maxWaitTimeInMs: 100 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const sentAt = new Map<string, number>();
  const delays: number[] = [];
  let waiting: (() => void) | undefined;
  await consumer.run({
    eachMessage: async ({ message }) => {
      delays.push(performance.now() - sentAt.get(message.key!.toString())!);
      waiting?.();
    },
  });
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  for (let index = 0; index < count; index += 1) {
    const arrived = new Promise<void>((resolve) => (waiting = resolve));
    sentAt.set(String(index), performance.now());
    await producer.send({ topic, acks: -1, messages: [{ key: String(index), value: 'x' }] });
    await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  }
  await producer.disconnect();
  await consumer.disconnect();
  return delays.sort((a, b) => a - b);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
