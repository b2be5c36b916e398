/**
 * `npm run bench`'s live alerts (issue 12: "event → alert in an open SSE stream, p99 ≤ 1 s at 10
 * clients"). Ten users each hold `GET /api/v1/notifications/stream` open through the gateway; each
 * client, one event after another, publishes a contact's ContactLogged and ContactResolved on the
 * stack's broker as contact-logging's outbox relay publishes them (CloudEvents headers, keyed by
 * CRN, acks from every replica), and times the ContactResolved's produce to its alert arriving in
 * the client's stream. Then the same with one client (nothing queued ahead), and the CPU each event
 * costs each process at 10 clients, beside what the rest of the machine used meanwhile.
 *
 * The clients: the demo data has five shipper organisations, not ten, so each shipper's
 * `<code>.user` and `<code>.lso` (a SUPERVISOR, who hears of the organisation's resolved contacts).
 * Every contact is logged by the shipper's `.user`, so each event's alert reaches both of its
 * organisation's streams (the user's own alert, the organisation's alert to the supervisor) and no
 * other client's: each stream carries its colleague's alerts as well as its own.
 *
 * The ContactLogged goes in the same produce request just ahead of its ContactResolved: the
 * notifications service needs no copy of the contact to alert a resolution (alert-rules.ts reads the
 * contact only for an automatic closure's agent), so nothing waits for it to hold the contact. The
 * MPRN is one the register does not hold (demoUnknownMprns) and the outcome INVALID, which the
 * register leaves alone (a VALID one would have it announce a refusal).
 */
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { ContactLoggedV1, ContactResolvedV1, createEnvelope, toKafkaHeaders, Topics, type EventEnvelope } from '@cms/contracts';
import { demoUnknownMprns } from './demo-data/meter-points';
import { demoOrganisation, demoOrganisations } from './demo-data/organisations';
import type { Measure } from './bench-address-lookup';
import { cpuBetween, cpuByGroup, type CpuByGroup } from './process-cpu';
import type { Stack } from './stack';

const WARM_UP = 50;
const EVENTS = 500;
/** The same alone: the latency with nothing queued ahead. */
const EVENTS_AT_ONE_CLIENT = 100;
/** The target for the 99th percentile, in ms. */
const TARGET_P99_MS = 1_000;
/** An alert not in its stream by then is lost, not late: the bench stops. */
const ALERT_TIMEOUT_MS = 30_000;
/** How long the consumers of cms.contacts.v1 may take to finish the earlier sections' events. */
const QUIET_TIMEOUT_MS = 300_000;

/** The bench's `percentile`: the value at `p` % of an ascending list. */
export type Percentile = (sorted: number[], p: number) => number;

interface Client {
  userId: string;
  organisationId: string;
  /** Who logs the client's contacts: the shipper's `.user`. */
  loggedByUserId: string;
}

/** An alert as the stream sends it (`data:` of `event: alert`): the fields the bench reads. */
interface StreamedAlert {
  crn: string;
  createdAt: string;
}

interface Arrival {
  /** Wall-clock time it was read from the stream (ms since the epoch). */
  at: number;
  alert: StreamedAlert;
}

interface AlertStream {
  /** The alert of `crn`, when it arrives; call it before the event is published. */
  alertOf(crn: string): Promise<Arrival>;
  close(): void;
}

/** Runs the measurement and gives the Markdown table. `signIn`: a demo user's access token. */
export async function benchAlertStream(
  stack: Stack,
  signIn: (userId: string) => Promise<string>,
  measure: Measure,
  percentile: Percentile,
  log: (line: string) => void,
): Promise<string> {
  const clients: Client[] = demoOrganisations()
    .filter((organisation) => organisation.type === 'SHIPPER')
    .flatMap((organisation) => {
      const code = organisation.shortCode.toLowerCase();
      return ['user', 'lso'].map((name) => ({ userId: `${code}.${name}`, organisationId: organisation.id, loggedByUserId: `${code}.user` }));
    });
  const kafka = new Kafka({ clientId: 'bench-alerts', brokers: stack.kafka.brokers, logLevel: logLevel.NOTHING });
  log('alerts: waiting for the consumers of cms.contacts.v1 to finish the earlier events');
  await untilConsumersCaughtUp(kafka, Topics.contacts, log);

  const streams: AlertStream[] = [];
  // As contact-logging's outbox relay publishes (libs/messaging kafka-adapter.ts).
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
  try {
    await producer.connect();
    for (const client of clients) streams.push(await openAlertStream(`${stack.gatewayUrl}/api/v1/notifications/stream`, await signIn(client.userId)));

    // A block of CRNs far above those contact-logging hands out (from C000000001 up).
    let nextCrn = randomInt(900_000_000, 990_000_000);
    let toConsumer: number[] = [];
    let toStream: number[] = [];
    const resolveOne = async (index: number) => {
      const client = clients[index];
      const crn = `C${nextCrn++}`;
      const arrived = streams[index].alertOf(crn);
      const producedAt = Date.now();
      await producer.send({ topic: Topics.contacts, acks: -1, messages: contactLoggedAndResolved(crn, client).map(kafkaMessage) });
      const { at, alert } = await arrived;
      const transactionBegan = Date.parse(alert.createdAt);
      toConsumer.push(transactionBegan - producedAt);
      toStream.push(at - transactionBegan);
    };

    log(`alerts: warming up (${WARM_UP} events, ${clients.length} clients)`);
    await measure(clients.length, WARM_UP, resolveOne);
    const rows: string[] = [];
    let cpuPerEvent = '';
    for (const level of [{ clients: 1, events: EVENTS_AT_ONE_CLIENT }, { clients: clients.length, events: EVENTS }]) {
      log(`alerts: ${level.events} events, ${level.clients} client${level.clients === 1 ? '' : 's'}`);
      toConsumer = [];
      toStream = [];
      const processGroups = stackProcesses(stack);
      const cpuBefore = cpuByGroup(processGroups);
      const machineBefore = machineCpuSeconds();
      const measured = await measure(level.clients, level.events, resolveOne);
      const ours = new Set(processGroups.values());
      const spent = new Map([...cpuBetween(cpuBefore, cpuByGroup(processGroups))].filter(([group]) => ours.has(group)));
      const machine = machineCpuSeconds() - machineBefore;
      const met = level.clients === clients.length ? `p99 ≤ ${TARGET_P99_MS}: ${measured.p99 <= TARGET_P99_MS ? 'met' : '**not met**'}` : '';
      rows.push(
        `| ${level.clients} | produce → alert in the stream | ${level.events} | ${measured.p50.toFixed(0)} | ${measured.p95.toFixed(0)} | ${measured.p99.toFixed(0)} | ${measured.throughput.toFixed(1)} | ${met} |`,
        breakdownRow(level.clients, "of which: produce → notifications' consumer transaction began (alert createdAt)", toConsumer, percentile),
        breakdownRow(level.clients, 'of which: transaction began → alert read from the stream', toStream, percentile),
      );
      if (level.clients === clients.length) cpuPerEvent = cpuTable(spent, machine, level.events, level.events / measured.throughput);
    }
    return `
### ContactResolved → its alert in an open SSE stream through the gateway (ms)

| clients | measure | events | p50 | p95 | p99 | alerts/s | target |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}

The breakdown compares the bench's clock with PostgreSQL's (the same machine), to the millisecond.

### CPU per event at ${clients.length} clients, by process (ms; from /proc, 10 ms clock ticks)

${cpuPerEvent}
`;
  } finally {
    for (const stream of streams) stream.close();
    await producer.disconnect();
  }
}

function breakdownRow(clients: number, name: string, values: number[], percentile: Percentile): string {
  const sorted = [...values].sort((a, b) => a - b);
  return `| ${clients} | ${name} | ${sorted.length} | ${percentile(sorted, 50).toFixed(0)} | ${percentile(sorted, 95).toFixed(0)} | ${percentile(sorted, 99).toFixed(0)} | | |`;
}

/**
 * This stack's processes by group: each service, and the PostgreSQL server and Kafka broker this
 * process started (its children). cpuByGroup puts any other stack's on the machine under `postgres`
 * and `kafka`: those are left out (see cpuTable).
 */
function stackProcesses(stack: Stack): Map<number, string> {
  const named = new Map<number, string>([[process.pid, 'bench (the clients)'], ...stack.services.map((service) => [service.child.pid!, service.name] as const)]);
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) !== process.pid) continue;
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/(^|\/)postgres\0/.test(command)) named.set(Number(entry), 'PostgreSQL');
      else if (command.includes('kafka.Kafka')) named.set(Number(entry), 'Kafka');
    } catch {
      // The process ended while we read it.
    }
  }
  return named;
}

/** CPU seconds the machine's cores have spent on work, whoever's (/proc/stat: user, nice, system, irq, softirq). */
function machineCpuSeconds(): number {
  const [user, nice, system, , , irq, softirq] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (user + nice + system + irq + softirq) / 100;
}

/** CPU per event by group, the stack's total, the rest of the machine (other work on it), and how busy its cores were. */
function cpuTable(spent: CpuByGroup, machineSeconds: number, events: number, wallSeconds: number): string {
  const stackSeconds = [...spent.values()].reduce((sum, seconds) => sum + seconds, 0);
  const line = (name: string, seconds: number) => `| ${name} | ${((seconds * 1000) / events).toFixed(1)} | ${(seconds / wallSeconds).toFixed(2)} |`;
  return [
    '| process | CPU ms per event | cores busy |',
    '|---|---|---|',
    ...[...spent].sort(([a], [b]) => a.localeCompare(b)).map(([group, seconds]) => line(group, seconds)),
    line('**this stack and the bench**', stackSeconds),
    line('everything else on the machine', Math.max(0, machineSeconds - stackSeconds)),
    `| **the machine** | | ${(machineSeconds / wallSeconds).toFixed(2)} of ${availableParallelism()} |`,
  ].join('\n');
}

/** The client's contact logged, then resolved INVALID by a CDSP agent: one alert to the `.user`, one to its organisation. */
function contactLoggedAndResolved(crn: string, client: Client): EventEnvelope[] {
  const mprn = demoUnknownMprns().notInRegister;
  const organisationIds = [client.organisationId, demoOrganisation('CDS').id];
  const source = '/cms/contact-logging';
  const logged: ContactLoggedV1 = {
    crn,
    contactType: 'DTL',
    mprn,
    status: 'LOGGED',
    requestedStatus: 'LI',
    originatorOrganisationId: client.organisationId,
    loggedByUserId: client.loggedByUserId,
    transporterOrganisationId: demoOrganisation('CAD').id,
    registeredShipperOrganisationId: client.organisationId,
    ldz: 'NW',
    loggedAt: new Date().toISOString(),
    organisationIds,
  };
  const resolved: ContactResolvedV1 = {
    crn,
    contactType: 'DTL',
    mprn,
    outcome: 'INVALID',
    reasonCode: 'INSUFFICIENT_EVIDENCE',
    reason: 'Insufficient evidence',
    automatic: false,
    requestedStatus: 'LI',
    meterPointStatusAtLogging: 'DE',
    originatorOrganisationId: client.organisationId,
    loggedByUserId: client.loggedByUserId,
    resolvedByUserId: 'cds.agent',
    resolvedAt: new Date().toISOString(),
    organisationIds,
  };
  return [
    createEnvelope({ type: ContactLoggedV1.type, source, subject: crn, data: logged }),
    createEnvelope({ type: ContactResolvedV1.type, source, subject: crn, data: resolved }),
  ];
}

function kafkaMessage(envelope: EventEnvelope): { key: string; value: string; headers: Record<string, string> } {
  return { key: envelope.subject, value: JSON.stringify(envelope.data), headers: toKafkaHeaders(envelope) };
}

/**
 * The user's stream of alerts through the gateway, read as the HTML standard's event stream format
 * (no EventSource client is installed): blocks split at a blank line, `data:` lines joined. It
 * starts after alert 0 (`Last-Event-ID: 0`), so an alert committed before the service has set up
 * the stream is still sent; on the bench's fresh data there are none before.
 */
async function openAlertStream(url: string, token: string): Promise<AlertStream> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream', 'last-event-id': '0' }, signal: abort.signal });
  if (response.status !== 200 || !response.headers.get('content-type')?.startsWith('text/event-stream') || !response.body) {
    throw new Error(`the alert stream answered ${response.status} ${response.headers.get('content-type')}: ${await response.text()}`);
  }
  const waiting = new Map<string, { arrived: (arrival: Arrival) => void; lost: (error: Error) => void }>();
  let ended: Error | undefined;
  const body = response.body;
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of body) {
        buffer += decoder.decode(chunk, { stream: true });
        for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((line) => line.startsWith('data:'));
          // The `retry:` advice and the heartbeats (comments) carry no data.
          if (data.length === 0) continue;
          const alert = JSON.parse(data.map((line) => line.slice(line.startsWith('data: ') ? 6 : 5)).join('\n')) as StreamedAlert;
          waiting.get(alert.crn)?.arrived({ at: Date.now(), alert });
          waiting.delete(alert.crn);
        }
      }
      ended = new Error('the alert stream ended');
    } catch (error) {
      ended = error instanceof Error ? error : new Error(String(error));
    }
    for (const waiter of waiting.values()) waiter.lost(ended);
    waiting.clear();
  })();
  return {
    alertOf: (crn) =>
      new Promise<Arrival>((resolve, reject) => {
        if (ended) return reject(ended);
        const timer = setTimeout(() => {
          waiting.delete(crn);
          reject(new Error(`the alert of ${crn} did not reach its stream within ${ALERT_TIMEOUT_MS} ms`));
        }, ALERT_TIMEOUT_MS);
        const settle = () => clearTimeout(timer);
        waiting.set(crn, {
          arrived: (arrival) => (settle(), resolve(arrival)),
          lost: (error) => (settle(), reject(error)),
        });
      }),
    close: () => abort.abort(),
  };
}

/**
 * Waits until every active consumer group of `topic` has consumed all of it: the earlier sections
 * log thousands of contacts, and the services' consumers (notifications' among them) must not be
 * still working through them while the alerts are timed.
 */
async function untilConsumersCaughtUp(kafka: Kafka, topic: string, log: (line: string) => void): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const deadline = Date.now() + QUIET_TIMEOUT_MS;
    for (;;) {
      const high = new Map((await admin.fetchTopicOffsets(topic)).map(({ partition, high: offset }) => [partition, BigInt(offset)]));
      const { groups } = await admin.describeGroups((await admin.listGroups()).groups.map((group) => group.groupId));
      let behind = 0n;
      for (const group of groups.filter((candidate) => candidate.state === 'Stable')) {
        const [committed] = await admin.fetchOffsets({ groupId: group.groupId, topics: [topic] });
        // A group that has committed nothing on the topic does not read it.
        if (!committed || committed.partitions.every((partition) => partition.offset === '-1')) continue;
        for (const { partition, offset } of committed.partitions) behind += (high.get(partition) ?? 0n) - (offset === '-1' ? 0n : BigInt(offset));
      }
      if (behind === 0n) return;
      if (Date.now() > deadline) throw new Error(`the consumers of ${topic} are still ${behind} events behind after ${QUIET_TIMEOUT_MS / 1000} s`);
      log(`alerts: the consumers of ${topic} are ${behind} events behind`);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
    }
  } finally {
    await admin.disconnect();
  }
}
