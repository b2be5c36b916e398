import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DEMO_PASSWORD, demoOrganisations, generateDemoMeterPoints } from '@cms/demo-data';
import { startStack, type Stack } from '@cms/stack';

/**
 * Reliability tests 4 and 5 of docs/quality.md, on a stack of their own (they restart its broker
 * and its database). Invariant after each: every acknowledged contact exists once with its history
 * entry and its event; every event in the outbox reached Kafka; nothing is half-written.
 */
// These runs measure the system itself, far above any one organisation's fair share: the gateway's
// per-organisation rate limits are raised out of the way.
const UNTHROTTLED = { RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '10000000', RATE_LIMIT_PER_ORGANISATION_BURST: '100000' };

describe('reliability under infrastructure restarts', () => {
  let stack: Stack;
  /** Valid contacts still to log: an ISO to Dead for every Live meter point, by its registered shipper. */
  let jobs: { token: string; mprn: string }[];
  let next = 0;

  beforeAll(async () => {
    stack = await startStack({ dataDir: mkdtempSync(join(tmpdir(), 'cms-reliability-')), fresh: true, ports: 'free', log: () => undefined, env: UNTHROTTLED });
    const tokens = new Map<string, string>();
    for (const shipper of demoOrganisations().filter((organisation) => organisation.type === 'SHIPPER')) {
      const login = await fetch(`${stack.gatewayUrl}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId: `${shipper.shortCode.toLowerCase()}.user`, password: DEMO_PASSWORD }),
      });
      tokens.set(shipper.id, ((await login.json()) as { accessToken: string }).accessToken);
    }
    jobs = generateDemoMeterPoints()
      .filter((point) => point.status === 'LI' && point.registeredShipperId !== null)
      .map((point) => ({ token: tokens.get(point.registeredShipperId!)!, mprn: point.mprn }));
  });

  function logContact(signal?: AbortSignal) {
    const job = jobs[next++];
    if (!job) throw new Error('the demo register has no more Live meter points to use');
    return fetch(`${stack.gatewayUrl}/api/v1/contacts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${job.token}` },
      body: JSON.stringify(isoToDead(job.mprn)),
      signal,
    });
  }

  afterAll(async () => {
    await stack?.stop();
  });

  function isoToDead(mprn: string) {
    return {
      type: 'ISO',
      mprn,
      requestedStatus: 'DE',
      originatorContact: { name: 'Ruby Clarke', telephone: '0161 496 0000' },
      description: 'Service removed.',
      isolation: { workDate: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), workType: 'SERVICE_REMOVED' },
    };
  }

  /** Clients logging contacts until `until` resolves; returns every answer. */
  async function load(clients: number, until: Promise<unknown>): Promise<{ status: number; body: any }[]> {
    let done = false;
    void until.finally(() => (done = true));
    const answers: { status: number; body: any }[] = [];
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (!done) {
          const response = await logContact(AbortSignal.timeout(30_000));
          answers.push({ status: response.status, body: await response.json() });
        }
      }),
    );
    return answers;
  }

  async function contactRows(crns: string[]) {
    const client = new Client({ connectionString: stack.databaseUrls['contact-logging'] });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT c.crn,
                (SELECT count(*)::int FROM contact_history h WHERE h.crn = c.crn) AS history,
                (SELECT count(*)::int FROM outbox_message o WHERE o.message_key = c.crn) AS events,
                (SELECT count(*)::int FROM outbox_message o WHERE o.message_key = c.crn AND o.published_at IS NULL) AS unpublished
           FROM contact c WHERE c.crn = ANY($1)`,
        [crns],
      );
      const [{ orphans }] = (
        await client.query(
          `SELECT count(*)::int AS orphans FROM outbox_message o WHERE NOT EXISTS (SELECT 1 FROM contact c WHERE c.crn = o.message_key)`,
        )
      ).rows;
      return { rows, orphans };
    } finally {
      await client.end();
    }
  }

  async function keysOnKafka(expected: Set<string>, timeoutMs = 60_000): Promise<Set<string>> {
    const kafka = new Kafka({ clientId: 'reliability-reader', brokers: stack.kafka.brokers, logLevel: logLevel.NOTHING });
    const consumer = kafka.consumer({ groupId: `reliability-${Date.now()}` });
    const seen = new Set<string>();
    await consumer.connect();
    await consumer.subscribe({ topic: 'cms.contacts.v1', fromBeginning: true });
    await consumer.run({ eachMessage: async ({ message }) => void seen.add(message.key!.toString()) });
    const deadline = Date.now() + timeoutMs;
    while ([...expected].some((crn) => !seen.has(crn)) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    await consumer.disconnect();
    return seen;
  }

  it('4. the Kafka broker restarts during load: no contact lost, every event reaches Kafka once the broker is back', async () => {
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await stack.kafka.restart!({ hard: true });
      await new Promise((resolve) => setTimeout(resolve, 1_500));
    })();

    const answers = await load(5, restart);

    // Logging never waits for Kafka: every request during the outage is still accepted.
    expect(answers.filter((answer) => answer.status !== 201)).toEqual([]);
    const crns = answers.map((answer) => answer.body.crn as string);
    expect(crns.length).toBeGreaterThan(20);
    const seen = await keysOnKafka(new Set(crns));
    expect(crns.filter((crn) => !seen.has(crn))).toEqual([]);
    const { rows, orphans } = await contactRows(crns);
    expect(rows).toHaveLength(crns.length);
    expect(rows.filter((row) => row.history !== 1 || row.events !== 1 || row.unpublished !== 0)).toEqual([]);
    expect(orphans).toBe(0);
  });

  it('5. PostgreSQL restarts during load: requests fail cleanly with 503 problem details, nothing half-written, then work again', async () => {
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      await stack.postgres.restart!();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    })();

    const answers = await load(5, restart);

    const failures = answers.filter((answer) => answer.status !== 201);
    expect(failures.length).toBeGreaterThan(0); // the outage was hit
    for (const failure of failures) {
      expect({ status: failure.status, code: failure.body.code, traceId: typeof failure.body.traceId }).toEqual({
        status: 503,
        code: expect.stringMatching(/^(SERVICE_UNAVAILABLE|METER_POINT_REGISTER_UNAVAILABLE)$/),
        traceId: 'string',
      });
    }
    const after = await logContact();
    expect(after.status).toBe(201);
    const crns = answers.filter((answer) => answer.status === 201).map((answer) => answer.body.crn as string);
    const { rows, orphans } = await contactRows(crns);
    expect(rows).toHaveLength(crns.length);
    expect(rows.filter((row) => row.history !== 1 || row.events !== 1)).toEqual([]);
    expect(orphans).toBe(0);
    const seen = await keysOnKafka(new Set(crns));
    expect(crns.filter((crn) => !seen.has(crn))).toEqual([]);
  });
});
