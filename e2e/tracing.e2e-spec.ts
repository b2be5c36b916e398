import { randomBytes } from 'node:crypto';
import { catalogueEntries } from '@cms/catalogue';
import { ContactLoggedV1, Topics } from '@cms/contracts';
import { api, apiWaitingOutRateLimits, dtl, expectProblem, signIn } from './support/api';
import { unusedMeterPoints } from './support/meter-points';

/** A span as Zipkin's API answers it (zipkin2 JSON v2). */
interface ZipkinSpan {
  traceId: string;
  id: string;
  parentId?: string;
  name?: string;
  kind?: 'CLIENT' | 'SERVER' | 'PRODUCER' | 'CONSUMER';
  localEndpoint?: { serviceName?: string };
  tags?: Record<string, string>;
}

function zipkinUrl(): string {
  const url = process.env.E2E_ZIPKIN_URL;
  if (!url) throw new Error('E2E_ZIPKIN_URL is not set: the e2e stack runs Zipkin (e2e/global-setup.ts)');
  return url;
}

/**
 * The trace as Zipkin's API has it once it holds what `complete` asks, or as it has it after
 * `timeoutMs` (each service sends its spans in batches, every few seconds), for the assertions to
 * say what is missing.
 */
async function traceInZipkin(traceId: string, complete: (spans: ZipkinSpan[]) => boolean, timeoutMs = 60_000): Promise<ZipkinSpan[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await fetch(`${zipkinUrl()}/api/v2/trace/${traceId}`);
    if (!response.ok && response.status !== 404) throw new Error(`Zipkin answered ${response.status}: ${await response.text()}`);
    const spans = response.ok ? ((await response.json()) as ZipkinSpan[]) : [];
    if (complete(spans) || Date.now() > deadline) return spans;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const serviceOf = (span: ZipkinSpan) => span.localEndpoint?.serviceName;
/** The services that answered a request in the trace. */
const servers = (spans: ZipkinSpan[]) => new Set(spans.filter((span) => span.kind === 'SERVER').map(serviceOf));

/** Every service the catalogue says reads cms.contacts.v1. */
const contactsReaders = catalogueEntries.filter((entry) => (entry.consumes as readonly string[]).includes(Topics.contacts)).map((entry) => entry.name);
/**
 * Those that act on ContactLogged (README, "Who reads what"): meter-points reads the topic for
 * ContactResolved and passes the others over unopened, with no span.
 */
const contactLoggedReaders = ['contact-logging', 'clarifications', 'site-visits', 'notifications'];

/** What one logged contact's trace shows of its way through CMS. */
function pathOf(spans: ZipkinSpan[], callerSpanId: string) {
  const byId = new Map(spans.map((span) => [span.id, span]));
  const ancestors = (span: ZipkinSpan | undefined) => {
    const chain: ZipkinSpan[] = [];
    for (let parent = span?.parentId && byId.get(span.parentId); parent; parent = parent.parentId ? byId.get(parent.parentId) : undefined) chain.push(parent);
    return chain;
  };
  const gateway = spans.find((span) => serviceOf(span) === 'gateway' && span.kind === 'SERVER');
  // The contact-logging relay's span for sending the ContactLogged event.
  const relay = spans.find(
    (span) =>
      serviceOf(span) === 'contact-logging' &&
      span.kind === 'PRODUCER' &&
      span.name === `send ${Topics.contacts}` &&
      span.tags?.['cloudevents.event_type'] === ContactLoggedV1.type,
  );
  // Each consumer's span for the event: a child of the relay's span.
  const consumers = spans.filter((span) => span.kind === 'CONSUMER' && relay !== undefined && span.parentId === relay.id);
  const clarifications = consumers.find((span) => serviceOf(span) === 'clarifications');
  return {
    servedBy: [...servers(spans)].sort(),
    gatewayContinuesTheCaller: gateway?.parentId === callerSpanId,
    relayUnderTheGateway: ancestors(relay).includes(gateway!),
    consumedBy: [...new Set(consumers.map(serviceOf))].sort(),
    consumedAs: [...new Set(consumers.map((span) => span.name))],
    // The consumer's own work (its inbox and its copy of the contact) is inside its span.
    clarificationsWorkUnderItsSpan: clarifications !== undefined && spans.some((span) => span.parentId === clarifications.id),
  };
}

/**
 * Traces a support team can open (issue 15): the stack runs Zipkin as `npm start` does, and every
 * service sends it its spans. A logged contact is one trace, from the gateway through
 * contact-logging and its look-up in meter-points, the outbox relay and Kafka, to every service
 * that reads the event; an error's `traceId` opens its trace.
 */
describe('Traces in Zipkin', () => {
  // KGP's Dead meter points on an IGT network: no other file's (address-lookup takes KGP's on a DN's).
  const [point] = unusedMeterPoints(__filename, { shipper: 'KGP', status: 'DE', network: 'IGT', count: 1 });

  it('holds one trace for a logged contact: the gateway, contact-logging, meter-points, the relay and every consumer of its event', async () => {
    const token = await signIn('kgp.user');
    // A partner system that traces its own calls: CMS continues its trace.
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');

    const logged = await apiWaitingOutRateLimits('POST', '/api/v1/contacts', {
      token,
      json: dtl(point.mprn),
      headers: { traceparent: `00-${traceId}-${callerSpanId}-01` },
    });

    expect(logged.status).toBe(201);
    const spans = await traceInZipkin(traceId, (found) => {
      const path = pathOf(found, callerSpanId);
      return contactLoggedReaders.every((name) => path.consumedBy.includes(name)) && path.clarificationsWorkUnderItsSpan;
    });
    const path = pathOf(spans, callerSpanId);
    expect(path).toEqual({
      servedBy: expect.arrayContaining(['gateway', 'contact-logging', 'meter-points']),
      gatewayContinuesTheCaller: true,
      relayUnderTheGateway: true,
      consumedBy: expect.arrayContaining(contactLoggedReaders),
      consumedAs: [`process ${Topics.contacts}`],
      clarificationsWorkUnderItsSpan: true,
    });
    expect(contactsReaders).toEqual(expect.arrayContaining(path.consumedBy));
  });

  it("opens an error's trace from the traceId of its problem details, as support does from a screenshot", async () => {
    const token = await signIn('kgp.user');

    const missing = await api('GET', '/api/v1/contacts/C999999999', { token });

    expectProblem(missing, 404, 'NOT_FOUND');
    const spans = await traceInZipkin(missing.body.traceId, (found) => servers(found).has('gateway') && servers(found).has('contact-logging'));
    expect([...servers(spans)]).toEqual(expect.arrayContaining(['gateway', 'contact-logging']));
  });
});
