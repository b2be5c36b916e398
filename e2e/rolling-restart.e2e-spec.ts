import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { catalogueEntries } from '@cms/catalogue';
import { DEMO_PASSWORD, demoOrganisations, generateDemoMeterPoints } from '@cms/demo-data';
import { startStack, type Stack } from '@cms/stack';

/**
 * No maintenance window (issue 15, README "No maintenance window"): on a stack of its own with two
 * replicas of every service and of the gateway, every process is stopped (SIGTERM, as an
 * orchestrator rolling out a release does) and started again in turn, while ten clients log,
 * read and withdraw contacts for the whole length of it. Not one request fails, and what they did
 * is in the database exactly once: every contact answered 201 exists once, with one ContactLogged
 * and one ContactWithdrawn event.
 *
 * The clients stand in for the load balancer in front of the gateways: each sends to one gateway
 * and, when it cannot connect (that gateway is restarting), sends the same request to the other.
 * Every command carries an Idempotency-Key, so a repeat is answered as the first was.
 */
const CLIENTS = 10;
const POINTS_PER_CLIENT = 12;
/** Each client's pause between one contact's log-read-withdraw and the next: a steady load, not a flood that starves the restarts of CPU. */
const PAUSE_MS = 150;
const REPLICAS = 2;
// Above any one organisation's fair share, and tokens that outlive the run.
const ENV = {
  RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: '10000000',
  RATE_LIMIT_PER_ORGANISATION_BURST: '100000',
  ACCESS_TOKEN_TTL_SECONDS: '3600',
  SHUTDOWN_DRAIN_DELAY_MS: '500',
  OTEL_SDK_DISABLED: 'true',
};

interface Failure {
  request: string;
  status: number | string;
  body?: unknown;
}

describe('a rolling restart of every service under load', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack({ dataDir: mkdtempSync(join(tmpdir(), 'cms-rolling-')), fresh: true, ports: 'free', replicas: REPLICAS, log: () => undefined, env: ENV });
  }, 600_000);

  afterAll(async () => {
    await stack?.stop();
  });

  async function signIn(userId: string): Promise<string> {
    const response = await fetch(`${stack.gatewayUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId, password: DEMO_PASSWORD }),
    });
    expect(response.status).toBe(200);
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  it('answers every request, and keeps each contact and event exactly once, while each replica of each service restarts in turn', async () => {
    const shippers = demoOrganisations().filter((organisation) => organisation.type === 'SHIPPER');
    const tokens = new Map(await Promise.all(shippers.map(async (shipper) => [shipper.id, await signIn(`${shipper.shortCode.toLowerCase()}.user`)] as const)));
    // ISO to Dead on Live meter points, each client its own; a withdrawn contact frees its meter point for the next round.
    const points = generateDemoMeterPoints()
      .filter((point) => point.status === 'LI' && point.registeredShipperId !== null)
      .slice(0, CLIENTS * POINTS_PER_CLIENT)
      .map((point) => ({ mprn: point.mprn, token: tokens.get(point.registeredShipperId!)! }));

    const failures: Failure[] = [];
    const logged: string[] = [];
    let withdrawn = 0;
    let requests = 0;
    let loadRunning = true;

    /** One request through the gateways: first this client's own, the other when it cannot connect (a load balancer's failover). */
    const send = async (client: number, method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) => {
      requests += 1;
      const gateways = [...stack.gatewayUrls.slice(client % REPLICAS), ...stack.gatewayUrls.slice(0, client % REPLICAS)];
      let lastError: unknown;
      for (let attempt = 0; attempt < 6; attempt += 1) {
        const gateway = gateways[attempt % gateways.length];
        try {
          const response = await fetch(`${gateway}${path}`, {
            method,
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
            body: body === undefined ? undefined : JSON.stringify(body),
            signal: AbortSignal.timeout(30_000),
          });
          return { status: response.status, body: (await response.json().catch(() => null)) as any };
        } catch (error) {
          lastError = error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      return { status: `no answer: ${String((lastError as { cause?: unknown })?.cause ?? lastError)}` as const, body: null };
    };

    const client = async (index: number) => {
      const mine = points.slice(index * POINTS_PER_CLIENT, (index + 1) * POINTS_PER_CLIENT);
      for (let round = 0; loadRunning; round += 1) {
        const { mprn, token } = mine[round % mine.length];
        const key = `rolling-${index}-${round}`;
        const workDate = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
        const created = await send(index, 'POST', '/api/v1/contacts', token, {
          type: 'ISO',
          mprn,
          requestedStatus: 'DE',
          originatorContact: { name: 'Ruby Clarke', telephone: '0161 496 0000' },
          description: 'Service removed.',
          isolation: { workDate, workType: 'SERVICE_REMOVED' },
        }, { 'idempotency-key': key });
        if (created.status !== 201) {
          failures.push({ request: `POST /contacts (${mprn})`, status: created.status, body: created.body });
          return; // its meter point may now hold an open contact: this client stops rather than pile up refusals
        }
        const crn = created.body.crn as string;
        logged.push(crn);
        const read = await send(index, 'GET', `/api/v1/contacts/${crn}`, token);
        if (read.status !== 200) failures.push({ request: `GET /contacts/${crn}`, status: read.status, body: read.body });
        const version = read.status === 200 ? read.body.version : created.body.version;
        const ended = await send(index, 'POST', `/api/v1/contacts/${crn}/withdrawal`, token, { reason: 'Logged in error.' }, { 'if-match': `"${version}"`, 'idempotency-key': `${key}-withdrawal` });
        if (ended.status !== 200) {
          failures.push({ request: `POST /contacts/${crn}/withdrawal`, status: ended.status, body: ended.body });
          return;
        }
        withdrawn += 1;
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      }
    };

    const load = Promise.all(Array.from({ length: CLIENTS }, (_, index) => client(index)));
    // Every replica of every process, in catalogue order (the gateway's first), one at a time.
    const restarts: { service: string; replica: number; exitCode: number | null; requestsSoFar: number }[] = [];
    try {
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      for (const { name } of catalogueEntries) {
        for (let replica = 0; replica < REPLICAS; replica += 1) {
          const exitCode = await stack.stopService(name, replica);
          await stack.startService(name, replica);
          restarts.push({ service: name, replica, exitCode, requestsSoFar: requests });
        }
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
    } finally {
      loadRunning = false;
      await load;
    }

    // Every process stopped cleanly and came back, under load all along.
    expect(restarts.map(({ service, replica, exitCode }) => [service, replica, exitCode])).toEqual(
      catalogueEntries.flatMap(({ name }) => Array.from({ length: REPLICAS }, (_, replica) => [name, replica, 0])),
    );
    expect(restarts.every((restart, index) => index === 0 || restart.requestsSoFar > restarts[index - 1].requestsSoFar)).toBe(true);
    expect(failures).toEqual([]);
    expect(withdrawn).toBe(logged.length);
    process.stdout.write(`rolling restart: ${restarts.length} restarts, ${requests} requests, ${logged.length} contacts logged and withdrawn, 0 failed\n`);

    // Nothing lost, nothing doubled: each contact once, withdrawn, with one event of each.
    const database = new Client({ connectionString: stack.databaseUrls['contact-logging'] });
    await database.connect();
    try {
      const { rows } = await database.query<{ crn: string; status: string; logged_events: number; withdrawn_events: number }>(
        `SELECT c.crn, c.status,
                (SELECT count(*)::int FROM outbox_message o WHERE o.message_key = c.crn AND o.headers->>'ce_type' = 'uk.gas.cms.contact.logged.v1') AS logged_events,
                (SELECT count(*)::int FROM outbox_message o WHERE o.message_key = c.crn AND o.headers->>'ce_type' = 'uk.gas.cms.contact.withdrawn.v1') AS withdrawn_events
           FROM contact c ORDER BY c.crn`,
      );
      expect(rows.map((row) => row.crn)).toEqual([...logged].sort());
      expect(rows.filter((row) => row.status !== 'WITHDRAWN' || row.logged_events !== 1 || row.withdrawn_events !== 1)).toEqual([]);
    } finally {
      await database.end();
    }
  }, 1_200_000);
});
