import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { DEMO_PASSWORD, demoOrganisations, generateDemoMeterPoints } from '@cms/demo-data';
import { startStack, type Stack } from '@cms/stack';

/**
 * Reliability tests 4, 5 and 8 of docs/quality.md, on a stack of their own (they restart its broker,
 * its database and its services). Invariant after each: every acknowledged contact exists once with
 * its history entry and its event; every event in the outbox reached Kafka; nothing is half-written.
 * Tests 4 and 5 run again across the lifecycle: contacts resolved while the broker or the database
 * restarts change their meter point, and show it on their timeline, exactly once.
 */
// These runs measure the system itself, far above any one organisation's fair share: the gateway's
// per-organisation rate limits are raised out of the way.
const UNTHROTTLED = { RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '10000000', RATE_LIMIT_PER_ORGANISATION_BURST: '100000' };
// A stopping process keeps serving this long (not ready) before it closes its port, as in deploy/.
const DRAIN_DELAY_MS = 1_000;

describe('reliability under infrastructure restarts', () => {
  let stack: Stack;
  /** Valid contacts still to log: an ISO to Dead for every Live meter point, by its registered shipper. */
  let jobs: { token: string; mprn: string }[];
  let next = 0;

  beforeAll(async () => {
    stack = await startStack({ dataDir: mkdtempSync(join(tmpdir(), 'cms-reliability-')), fresh: true, ports: 'free', log: () => undefined, env: { ...UNTHROTTLED, SHUTDOWN_DRAIN_DELAY_MS: String(DRAIN_DELAY_MS) } });
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
    return logContactFor(nextJob(), signal);
  }

  function nextJob() {
    const job = jobs[next++];
    if (!job) throw new Error('the demo register has no more Live meter points to use');
    return job;
  }

  function logContactFor(job: { token: string; mprn: string }, signal?: AbortSignal) {
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

  /** The invariant: every accepted contact once, with its history and its event on Kafka; nothing from a refused one. */
  async function expectInvariant(accepted: string[], refusedMprns: string[]) {
    const { rows, orphans } = await contactRows(accepted);
    expect(rows).toHaveLength(accepted.length);
    expect(rows.filter((row) => row.history !== 1 || row.events !== 1)).toEqual([]);
    expect(orphans).toBe(0);
    const seen = await keysOnKafka(new Set(accepted));
    expect(accepted.filter((crn) => !seen.has(crn))).toEqual([]);
    // A refused request logged nothing.
    const client = new Client({ connectionString: stack.databaseUrls['contact-logging'] });
    await client.connect();
    try {
      const { rows: logged } = await client.query('SELECT mprn FROM contact WHERE mprn = ANY($1)', [refusedMprns]);
      expect(logged).toEqual([]);
    } finally {
      await client.end();
    }
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
    await expectInvariant(crns, []);
  });
  /** Logs `count` contacts (ISO to Dead on Live meter points) outside any outage; their CRNs. */
  async function loggedContacts(count: number): Promise<string[]> {
    const crns: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const response = await logContact();
      expect(response.status).toBe(201);
      crns.push(((await response.json()) as { crn: string }).crn);
    }
    return crns;
  }

  async function signInAgent(): Promise<string> {
    const login = await fetch(`${stack.gatewayUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: 'cds.agent', password: DEMO_PASSWORD }),
    });
    return ((await login.json()) as { accessToken: string }).accessToken;
  }

  /**
   * A CDSP agent takes each contact and resolves it VALID, as a person at a screen would: read it,
   * act on the version read, and on a failure (an outage) read it again and carry on from where it
   * stands. Every answer that is not a success must be a clean problem: 503 (or 412/409 when a
   * command that failed for the client had in fact been applied).
   */
  async function resolveEach(token: string, crns: string[], deadline: number): Promise<{ status: number; code?: string }[]> {
    const failures: { status: number; code?: string }[] = [];
    const call = async (method: string, path: string, body?: unknown, version?: number) => {
      const response = await fetch(`${stack.gatewayUrl}/api/v1/contacts/${path}`, {
        method,
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(version ? { 'if-match': `"${version}"` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000),
      }).catch(() => null);
      const answer = response ? { status: response.status, body: (await response.json().catch(() => ({}))) as any } : { status: 0, body: {} };
      if (answer.status >= 300) failures.push({ status: answer.status, code: answer.body.code });
      return answer;
    };
    await Promise.all(
      crns.map(async (crn) => {
        while (Date.now() < deadline) {
          const read = await call('GET', crn);
          if (read.status === 200 && read.body.status === 'RESOLVED') return;
          if (read.status === 200 && read.body.status === 'LOGGED') await call('POST', `${crn}/assign`, {}, read.body.version);
          else if (read.status === 200) await call('POST', `${crn}/resolution`, { outcome: 'VALID', reasonCode: 'ISOLATION_CONFIRMED' }, read.body.version);
          else await new Promise((resolve) => setTimeout(resolve, 250));
        }
        throw new Error(`contact ${crn} was not resolved in time`);
      }),
    );
    return failures;
  }

  /**
   * The lifecycle's invariant: each contact assigned once and resolved once, with one ContactResolved
   * event; the register changed its meter point exactly once, and the contact's timeline holds that
   * change exactly once (both waited for, since they arrive by Kafka).
   */
  async function expectEachResolvedOnce(crns: string[]) {
    const contacts = new Client({ connectionString: stack.databaseUrls['contact-logging'] });
    const register = new Client({ connectionString: stack.databaseUrls['meter-points'] });
    await contacts.connect();
    await register.connect();
    try {
      const deadline = Date.now() + 90_000;
      let rows: { crn: string; status: string; after: string | null; assigned: number; resolved: number; changed: number; events: number }[] = [];
      for (;;) {
        rows = (
          await contacts.query(
            `SELECT c.crn, c.status, c.meter_point_status_after AS after,
                    (SELECT count(*)::int FROM contact_history h WHERE h.crn = c.crn AND h.action = 'ASSIGNED') AS assigned,
                    (SELECT count(*)::int FROM contact_history h WHERE h.crn = c.crn AND h.action = 'RESOLVED') AS resolved,
                    (SELECT count(*)::int FROM contact_history h WHERE h.crn = c.crn AND h.action = 'METER_POINT_STATUS_CHANGED') AS changed,
                    (SELECT count(*)::int FROM outbox_message o
                      WHERE o.message_key = c.crn AND o.headers->>'ce_type' = 'uk.gas.cms.contact.resolved.v1') AS events
               FROM contact c WHERE c.crn = ANY($1) ORDER BY c.crn`,
            [crns],
          )
        ).rows;
        if (rows.every((row) => row.changed > 0) || Date.now() > deadline) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(rows).toHaveLength(crns.length);
      expect(rows.filter((row) => row.status !== 'RESOLVED' || row.after !== 'DE' || row.assigned !== 1 || row.resolved !== 1 || row.changed !== 1 || row.events !== 1)).toEqual([]);
      const { rows: changes } = await register.query(
        `SELECT crn, count(*)::int AS changes FROM meter_point_status_change WHERE crn = ANY($1) GROUP BY crn`,
        [crns],
      );
      expect(changes.filter((row: { changes: number }) => row.changes !== 1)).toEqual([]);
      expect(changes).toHaveLength(crns.length);
    } finally {
      await contacts.end();
      await register.end();
    }
  }

  it('4. across the lifecycle: the broker restarts while agents resolve contacts: each meter point changes once, each timeline shows it once', async () => {
    const crns = await loggedContacts(12);
    const token = await signInAgent();
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await stack.kafka.restart!({ hard: true });
    })();

    // Commands never wait for Kafka: they all succeed while the broker is away.
    const failures = await resolveEach(token, crns, Date.now() + 60_000);
    await restart;

    expect(failures).toEqual([]);
    await expectEachResolvedOnce(crns);
  });

  it('5. across the lifecycle: PostgreSQL restarts while agents resolve contacts: clean 503s, nothing half-written, each change once', async () => {
    const crns = await loggedContacts(12);
    const token = await signInAgent();
    const restart = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await stack.postgres.restart!();
    })();

    const failures = await resolveEach(token, crns, Date.now() + 90_000);
    await restart;

    // Refused during the outage only as a clean problem; a retried command that had in fact been
    // applied meets its own change (412: the version moved on).
    expect(failures.filter((failure) => ![503, 412].includes(failure.status))).toEqual([]);
    await expectEachResolvedOnce(crns);
  });

  /** One client's request: when it started and ended, and what came back (an answer, or the network error's code). */
  interface Attempt {
    mprn: string;
    startedAt: number;
    endedAt: number;
    status?: number;
    body?: any;
    networkError?: string;
  }

  /** Clients logging contacts while `keepGoing()` says so, until `until` resolves; every attempt, failures included. */
  async function attempts(clients: number, until: Promise<unknown>, keepGoing: () => boolean = () => true): Promise<Attempt[]> {
    let done = false;
    void until.finally(() => (done = true));
    const results: Attempt[] = [];
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (!done) {
          if (!keepGoing()) {
            await new Promise((resolve) => setTimeout(resolve, 20));
            continue;
          }
          const job = nextJob();
          const attempt: Attempt = { mprn: job.mprn, startedAt: performance.now(), endedAt: 0 };
          try {
            const response = await logContactFor(job, AbortSignal.timeout(30_000));
            attempt.status = response.status;
            attempt.body = await response.json();
          } catch (error) {
            const cause = (error as { cause?: { code?: string } }).cause;
            attempt.networkError = cause?.code ?? String(error);
          }
          attempt.endedAt = performance.now();
          results.push(attempt);
          // Refused: back off a little, as a real client would, rather than spend the register's meter points.
          if (attempt.status !== 201) await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    return results;
  }

  it('8. SIGTERM to a service under load: requests in flight finish, the gateway answers a clean 503 while it is away, nothing is lost', async () => {
    const service = stack.services.find((candidate) => candidate.name === 'contact-logging')!;
    let signalledAt = Infinity;
    let readinessWhileStopping: { status: number; body: any } | undefined;
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      signalledAt = performance.now();
      const stopped = stack.stopService('contact-logging');
      await new Promise((resolve) => setTimeout(resolve, DRAIN_DELAY_MS / 4));
      const readiness = await fetch(`${service.url}/health/ready`);
      readinessWhileStopping = { status: readiness.status, body: await readiness.json() };
      const exitCode = await stopped;
      await new Promise((resolve) => setTimeout(resolve, 500));
      await stack.startService('contact-logging');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      return exitCode;
    })();

    const results = await attempts(5, outage);

    expect(await outage).toBe(0);
    expect(readinessWhileStopping).toEqual({ status: 503, body: expect.objectContaining({ status: 'draining' }) });
    // No client saw a dropped connection; every answer is a contact or a clean refusal.
    expect(results.filter((attempt) => attempt.networkError !== undefined)).toEqual([]);
    const refused = results.filter((attempt) => attempt.status !== 201);
    for (const attempt of refused) {
      expect({ status: attempt.status, code: attempt.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
    }
    expect(refused.length).toBeGreaterThan(0); // the service really was away
    // Everything sent before the signal, or while the service drained, was logged.
    const inFlight = results.filter((attempt) => attempt.startedAt <= signalledAt);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(inFlight.filter((attempt) => attempt.status !== 201)).toEqual([]);
    expect(results.filter((attempt) => attempt.startedAt > signalledAt && attempt.status === 201).length).toBeGreaterThan(0);
    await expectInvariant(
      results.filter((attempt) => attempt.status === 201).map((attempt) => attempt.body.crn),
      refused.map((attempt) => attempt.mprn),
    );
  });

  it('8. SIGTERM to the gateway under load: callers that stop when it turns not ready lose nothing; each request in flight gets its answer', async () => {
    // The callers stand for a load balancer: they poll readiness and send nothing new once it fails.
    let ready = true;
    const readinessPoll = setInterval(() => {
      fetch(`${stack.gatewayUrl}/health/ready`, { signal: AbortSignal.timeout(1_000) })
        .then((response) => (ready = response.ok))
        .catch(() => (ready = false));
    }, 100);
    let signalledAt = Infinity;
    const outage = (async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      signalledAt = performance.now();
      const exitCode = await stack.stopService('gateway');
      await stack.startService('gateway');
      return exitCode;
    })();

    let results: Attempt[];
    try {
      results = await attempts(5, outage, () => ready);
    } finally {
      clearInterval(readinessPoll);
    }

    expect(await outage).toBe(0);
    expect(results.filter((attempt) => attempt.networkError !== undefined || attempt.status !== 201)).toEqual([]);
    // Requests were in flight when the signal came, and after it, while the gateway drained.
    expect(results.filter((attempt) => attempt.startedAt <= signalledAt && attempt.endedAt > signalledAt).length).toBeGreaterThan(0);
    expect(results.filter((attempt) => attempt.startedAt > signalledAt).length).toBeGreaterThan(0);
    const after = await logContact();
    expect(after.status).toBe(201);
    await expectInvariant(
      results.map((attempt) => attempt.body.crn),
      [],
    );
  });
});
