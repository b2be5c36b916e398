// The DN/IGT referral feed (README "The referral feed"), end to end on the real broker: site-visits
// in process reads the internal topics as the other services publish them, and each transporter
// reads its own partner topic on the broker's partner listener (SASL/SCRAM, ACLs) with the
// credentials access-control issues (libs/messaging PartnerFeedAccess, as its API-client
// administration does: services/access-control/test/referral-feed.int-spec.ts drives that by HTTP).
import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import pino from 'pino';
import {
  ClarificationRaisedV1,
  ContactResolvedV1,
  ContactWithdrawnV1,
  createEnvelope,
  partnerGroupPrefix,
  partnerReferralsTopic,
  PartnerClarificationRaisedV1,
  PartnerContactResolvedV1,
  PartnerContactWithdrawnV1,
  PartnerSiteVisitCancelledV1,
  PartnerSiteVisitReferredV1,
  SiteVisitCancelledV1,
  SiteVisitReferredV1,
  toKafkaHeaders,
  Topics,
  type EventEnvelope,
} from '@cms/contracts';
import { demoOrganisation, demoOrganisations } from '@cms/demo-data';
import { KafkaAdapter, PartnerFeedAccess } from '@cms/messaging';
import { startServiceUnderTest, testKafkaBrokers, testKafkaPartnerBrokers, type ServiceUnderTest } from '@cms/testing';
import { siteVisitsService } from '../src/service';

const logger = pino({ level: 'silent' });
const SHIPPER = demoOrganisation('BWE');
const CDSP = demoOrganisation('CDS');
const CADENT = demoOrganisation('CAD');
const NGN = demoOrganisation('NGN');

/** CRNs of this file only (the broker is shared with every integration test). */
const run = randomBytes(2).readUInt16BE() % 1000;
let crnSequence = 0;
const nextCrn = () => `C8${String(run).padStart(3, '0')}${String(++crnSequence).padStart(5, '0')}`;

/** One message as the transporter's system receives it. */
interface Received {
  at: number;
  topic: string;
  headers: Record<string, string>;
  data: Record<string, unknown>;
}

const headersOf = (headers: IHeaders | undefined) =>
  Object.fromEntries(Object.entries(headers ?? {}).map(([name, value]) => [name, String(value)]));

describe('the DN/IGT referral feed', () => {
  let service: ServiceUnderTest;
  let internal: KafkaAdapter;
  let access: PartnerFeedAccess;
  const partnerConsumers: Consumer[] = [];
  /** Everything Cadent's and Northern Gas Networks' systems received on their topics. */
  const cadentReceived: Received[] = [];
  const ngnReceived: Received[] = [];
  const credentials = new Map<string, { clientId: string; clientSecret: string }>();

  function partnerKafka(clientId: string, clientSecret: string): Kafka {
    return new Kafka({
      clientId: `work-management-${clientId.slice(0, 8)}`,
      brokers: testKafkaPartnerBrokers(),
      sasl: { mechanism: 'scram-sha-512', username: clientId, password: clientSecret },
      connectionTimeout: 3_000,
      retry: { initialRetryTime: 100, retries: 5 },
      logLevel: logLevel.NOTHING,
    });
  }

  /** A partner system of the organisation: credentials issued as access-control issues them. */
  async function issueCredentials(organisationId: string): Promise<{ clientId: string; clientSecret: string }> {
    const client = { clientId: randomUUID(), clientSecret: randomBytes(32).toString('base64url') };
    await access.grant({ ...client, organisationId });
    return client;
  }

  /** The transporter's system reading its own topic, as the README's example consumer does. */
  async function readFeed(organisationId: string, into: Received[]): Promise<void> {
    const { clientId, clientSecret } = credentials.get(organisationId)!;
    const consumer = partnerKafka(clientId, clientSecret).consumer({ groupId: `${partnerGroupPrefix(organisationId)}test-${randomUUID()}` });
    partnerConsumers.push(consumer);
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.connect();
    await consumer.subscribe({ topics: [partnerReferralsTopic(organisationId)], fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ topic, message }) =>
        void into.push({ at: Date.now(), topic, headers: headersOf(message.headers), data: JSON.parse(message.value!.toString()) as Record<string, unknown> }),
    });
    await joined;
  }

  const publish = async (topic: string, ...events: EventEnvelope[]) => {
    await internal.publish(events.map((event) => ({ topic, key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })));
  };

  const referral = (crn: string, transporter = CADENT.id): EventEnvelope<SiteVisitReferredV1> =>
    createEnvelope({
      type: SiteVisitReferredV1.type,
      source: '/cms/site-visits',
      subject: crn,
      data: {
        siteVisitId: randomUUID(),
        crn,
        mprn: '8804621501',
        contactType: 'DTL',
        transporterOrganisationId: transporter,
        confirmStatus: 'LI',
        instructions: 'Confirm the meter is live.',
        referredByUserId: 'cds.agent',
        dueOn: '2026-12-15',
        referredAt: new Date().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id, transporter],
      },
    });

  const clarification = (crn: string, addressedTo: 'STAKEHOLDER' | 'ORIGINATOR', organisationId: string): EventEnvelope<ClarificationRaisedV1> =>
    createEnvelope({
      type: ClarificationRaisedV1.type,
      source: '/cms/clarifications',
      subject: crn,
      data: {
        clarificationId: randomUUID(),
        crn,
        kind: 'DC',
        organisationIds: [SHIPPER.id, CDSP.id, organisationId],
        addressedTo,
        addressedToOrganisationId: organisationId,
        raisedByUserId: 'cds.agent',
        raisedByOrganisationId: CDSP.id,
        messageId: randomUUID(),
        question: 'Is there a meter on site?',
        dueOn: '2026-12-08',
        raisedAt: new Date().toISOString(),
      },
    });

  const resolved = (crn: string, organisationIds: string[]): EventEnvelope<ContactResolvedV1> =>
    createEnvelope({
      type: ContactResolvedV1.type,
      source: '/cms/contact-logging',
      subject: crn,
      data: {
        crn,
        contactType: 'DTL',
        mprn: '8804621501',
        outcome: 'VALID',
        reasonCode: 'SITE_VISIT_CONFIRMED',
        reason: 'The transporter confirmed it on site.',
        automatic: false,
        requestedStatus: 'LI',
        meterPointStatusAtLogging: 'DE',
        originatorOrganisationId: SHIPPER.id,
        loggedByUserId: 'bwe.user',
        resolvedByUserId: 'cds.agent',
        resolvedAt: new Date().toISOString(),
        organisationIds,
      },
    });

  const withdrawn = (crn: string, organisationIds: string[]): EventEnvelope<ContactWithdrawnV1> =>
    createEnvelope({
      type: ContactWithdrawnV1.type,
      source: '/cms/contact-logging',
      subject: crn,
      data: {
        crn,
        mprn: '8804621501',
        reason: 'Logged in error.',
        withdrawnByUserId: 'bwe.user',
        withdrawnByOrganisationId: SHIPPER.id,
        withdrawnAt: new Date().toISOString(),
        organisationIds,
      },
    });

  const about = (received: Received[], crn: string) => received.filter((message) => message.data['crn'] === crn);
  const typesAbout = (received: Received[], crn: string) => about(received, crn).map((message) => message.headers['ce_type']);

  /** Until `condition` holds (the feed works asynchronously); fails after 20 s. */
  async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (await condition()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  /** Until the feed has taken the event: its id is in its consumer group's inbox, committed with its partner events. */
  const processed = (event: EventEnvelope, timeoutMs?: number) =>
    until(
      async () => (await service.sql('SELECT 1 FROM inbox_message WHERE consumer_group = $1 AND event_id = $2', ['site-visits.partner-feed', event.id])).length === 1,
      `event ${event.id} processed`,
      timeoutMs,
    );

  /**
   * The feed's consumer group has joined and reads each of its topics: on a fresh broker the first
   * group waits for the offsets topic to load, which can take longer than any test should.
   */
  async function feedReading(): Promise<void> {
    const crn = nextCrn();
    const warmUps = [
      { topic: Topics.contacts, event: withdrawn(crn, [SHIPPER.id, CDSP.id]) },
      { topic: Topics.clarifications, event: clarification(crn, 'ORIGINATOR', SHIPPER.id) },
      { topic: Topics.siteVisits, event: referral(crn, NGN.id) },
    ];
    for (const { topic, event } of warmUps) await publish(topic, event);
    for (const { event } of warmUps) await processed(event, 90_000);
  }

  beforeAll(async () => {
    internal = new KafkaAdapter({ clientId: 'partner-feed-test', brokers: testKafkaBrokers(), logger });
    await internal.ensureTopics([Topics.siteVisits, Topics.clarifications, Topics.contacts]);
    access = new PartnerFeedAccess(internal, 'partner-feed-test');
    for (const organisation of [CADENT, NGN]) credentials.set(organisation.id, await issueCredentials(organisation.id));
    service = await startServiceUnderTest(siteVisitsService, { databaseName: 'site_visits_partner_feed' });
    await feedReading();
    await readFeed(CADENT.id, cadentReceived);
    await readFeed(NGN.id, ngnReceived);
  });

  afterAll(async () => {
    await Promise.all(partnerConsumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
    await service?.close();
    await internal?.disconnect();
  });

  it("delivers Cadent's referral to Cadent's system within a second of the referral event", async () => {
    for (let i = 0; i < 3; i += 1) {
      const event = referral(nextCrn());
      const sent = Date.now();
      await publish(Topics.siteVisits, event);
      await until(() => about(cadentReceived, event.data.crn).length === 1, `referral ${event.data.crn} at Cadent`, 5_000);
      const [message] = about(cadentReceived, event.data.crn);
      expect(message.at - sent).toBeLessThan(1_000);
      expect(message.topic).toBe(partnerReferralsTopic(CADENT.id));
      expect(message.headers).toMatchObject({
        ce_specversion: '1.0',
        ce_type: PartnerSiteVisitReferredV1.type,
        ce_source: '/cms/site-visits',
        ce_subject: event.data.crn,
        'content-type': 'application/json',
      });
      expect(message.data).toEqual({
        organisationId: CADENT.id,
        crn: event.data.crn,
        siteVisitId: event.data.siteVisitId,
        mprn: event.data.mprn,
        contactType: 'DTL',
        confirmStatus: 'LI',
        instructions: 'Confirm the meter is live.',
        dueOn: '2026-12-15',
        referredAt: event.data.referredAt,
      });
    }
  });

  it("refuses Cadent's credentials Northern Gas Networks' topic: an authorisation error from the broker", async () => {
    const { clientId, clientSecret } = credentials.get(CADENT.id)!;
    const consumer = partnerKafka(clientId, clientSecret).consumer({ groupId: `${partnerGroupPrefix(CADENT.id)}test-${randomUUID()}` });
    partnerConsumers.push(consumer);
    await consumer.connect();
    const started = Date.now();
    await expect(consumer.subscribe({ topics: [partnerReferralsTopic(NGN.id)], fromBeginning: true })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
    expect(Date.now() - started).toBeLessThan(2_000); // refused, not timed out
  });

  it('refuses revoked credentials: the open session at once, and any new one at authentication', async () => {
    const client = await issueCredentials(CADENT.id);
    const open = partnerKafka(client.clientId, client.clientSecret).consumer({ groupId: `${partnerGroupPrefix(CADENT.id)}test-${randomUUID()}`, retry: { retries: 0 } });
    partnerConsumers.push(open);
    const joined = new Promise<void>((resolve) => open.on(open.events.GROUP_JOIN, () => resolve()));
    const crashed = new Promise<Error>((resolve) => open.on(open.events.CRASH, ({ payload }) => resolve(payload.error)));
    await open.connect();
    await open.subscribe({ topics: [partnerReferralsTopic(CADENT.id)], fromBeginning: false });
    await open.run({ eachMessage: async () => undefined });
    await joined;

    await access.revoke(client.clientId);
    await publish(Topics.siteVisits, referral(nextCrn())); // gives the open session something to fetch
    const error = await crashed;
    expect(`${error.name} ${(error as { type?: string }).type ?? ''} ${error.message}`).toMatch(/AUTHORIZATION_FAILED|Not authorized/);

    const fresh = partnerKafka(client.clientId, client.clientSecret).admin();
    await expect(fresh.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
  });

  it('tells each transporter what concerns it: its referrals, questions to it, and the outcome of contacts it is involved in', async () => {
    const referredToCadent = nextCrn();
    const askedOfNgn = nextCrn();
    const cadentReferral = referral(referredToCadent);
    await publish(Topics.siteVisits, cadentReferral);
    await publish(Topics.clarifications, clarification(referredToCadent, 'ORIGINATOR', SHIPPER.id), clarification(askedOfNgn, 'STAKEHOLDER', NGN.id));
    await until(() => about(cadentReceived, referredToCadent).length === 1 && about(ngnReceived, askedOfNgn).length === 1, 'the referral and the question');

    await publish(Topics.contacts, resolved(referredToCadent, [SHIPPER.id, CDSP.id, CADENT.id]), withdrawn(askedOfNgn, [SHIPPER.id, CDSP.id, NGN.id]));
    const cancellation = createEnvelope<SiteVisitCancelledV1>({
      type: SiteVisitCancelledV1.type,
      source: '/cms/site-visits',
      subject: referredToCadent,
      data: {
        siteVisitId: cadentReferral.data.siteVisitId,
        crn: referredToCadent,
        transporterOrganisationId: CADENT.id,
        organisationIds: [SHIPPER.id, CDSP.id, CADENT.id],
        cause: 'CONTACT_RESOLVED',
        cancelledAt: new Date().toISOString(),
      },
    });
    await publish(Topics.siteVisits, cancellation);
    await until(() => about(cadentReceived, referredToCadent).length === 3 && about(ngnReceived, askedOfNgn).length === 2, 'the outcomes');

    expect(typesAbout(cadentReceived, referredToCadent).sort()).toEqual(
      [PartnerSiteVisitReferredV1.type, PartnerContactResolvedV1.type, PartnerSiteVisitCancelledV1.type].sort(),
    );
    expect(typesAbout(ngnReceived, askedOfNgn)).toEqual([PartnerClarificationRaisedV1.type, PartnerContactWithdrawnV1.type]);
    expect(about(ngnReceived, askedOfNgn)[0].data).toMatchObject({ question: 'Is there a meter on site?', organisationId: NGN.id });
    // Neither hears of the other's contact, nor of the question to the originator.
    expect(about(ngnReceived, referredToCadent)).toEqual([]);
    expect(about(cadentReceived, askedOfNgn)).toEqual([]);
  });

  it('tells a transporter involved after the contact ended its outcome, once', async () => {
    const crn = nextCrn();
    const ended = withdrawn(crn, [SHIPPER.id, CDSP.id]);
    await publish(Topics.contacts, ended);
    await processed(ended);
    await publish(Topics.clarifications, clarification(crn, 'STAKEHOLDER', NGN.id));
    await until(() => about(ngnReceived, crn).length === 2, 'the question and the outcome');
    expect(typesAbout(ngnReceived, crn)).toEqual([PartnerClarificationRaisedV1.type, PartnerContactWithdrawnV1.type]);
  });

  /** Each referral reached Cadent exactly once, and the outbox holds exactly one partner event for each. */
  async function expectEachOnce(referrals: EventEnvelope<SiteVisitReferredV1>[]): Promise<void> {
    await until(() => referrals.every((event) => about(cadentReceived, event.data.crn).length >= 1), 'every referral at Cadent');
    await new Promise((resolve) => setTimeout(resolve, 500)); // a duplicate would arrive close behind
    const counts = referrals.map((event) => ({ crn: event.data.crn, received: about(cadentReceived, event.data.crn).length }));
    expect(counts.filter((count) => count.received !== 1)).toEqual([]);
    const rows = await service.sql<{ crn: string; rows: number }>(
      `SELECT payload::jsonb ->> 'crn' AS crn, count(*)::int AS rows FROM outbox_message
        WHERE topic = $1 AND payload::jsonb ->> 'crn' = ANY($2) GROUP BY 1`,
      [partnerReferralsTopic(CADENT.id), referrals.map((event) => event.data.crn)],
    );
    expect(rows).toHaveLength(referrals.length);
    expect(rows.filter((row) => row.rows !== 1)).toEqual([]);
  }

  it('4. the publisher stops mid-stream and starts again: nothing lost, nothing doubled', async () => {
    const referrals = Array.from({ length: 60 }, () => referral(nextCrn()));
    await publish(Topics.siteVisits, ...referrals.slice(0, 30));
    await processed(referrals[5]);
    await service.close(); // stops while the rest of the batch is in flight
    await publish(Topics.siteVisits, ...referrals.slice(30, 45));
    service = await startServiceUnderTest(siteVisitsService, { databaseUrl: service.databaseUrl });
    await publish(Topics.siteVisits, ...referrals.slice(45));
    await expectEachOnce(referrals);
  });

  it('7. a second replica joins the consumer group mid-stream and leaves again: nothing lost, nothing doubled', async () => {
    const referrals = Array.from({ length: 60 }, () => referral(nextCrn()));
    await publish(Topics.siteVisits, ...referrals.slice(0, 20));
    const second = await startServiceUnderTest(siteVisitsService, { databaseUrl: service.databaseUrl });
    await publish(Topics.siteVisits, ...referrals.slice(20, 40));
    await processed(referrals[25]);
    await second.close(); // leaves mid-stream: its partitions go back to the first replica
    await publish(Topics.siteVisits, ...referrals.slice(40));
    await expectEachOnce(referrals);
  });

  it('names on every partner topic no organisation but the one the topic belongs to', async () => {
    const everyOrganisation = demoOrganisations().map((organisation) => organisation.id);
    const topics = (await listPartnerTopics(internal)).filter((topic) => topic.startsWith('cms.partner.'));
    expect(topics).toEqual(expect.arrayContaining([partnerReferralsTopic(CADENT.id), partnerReferralsTopic(NGN.id)]));
    const messages = await readWhole(testKafkaBrokers(), topics);
    expect(messages.length).toBeGreaterThanOrEqual(cadentReceived.length + ngnReceived.length);
    for (const message of messages) {
      const owner = message.topic.split('.')[2];
      expect({ topic: message.topic, addressee: message.data['organisationId'] }).toEqual({ topic: message.topic, addressee: owner });
      const text = JSON.stringify([message.headers, message.data]);
      const named = everyOrganisation.filter((id) => id !== owner && text.includes(id));
      expect({ topic: message.topic, crn: message.data['crn'], named }).toEqual({ topic: message.topic, crn: message.data['crn'], named: [] });
    }
  });
});

async function listPartnerTopics(kafka: KafkaAdapter): Promise<string[]> {
  const admin = new Kafka({ clientId: 'partner-feed-test-admin', brokers: [...kafka.brokers], logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    return await admin.listTopics();
  } finally {
    await admin.disconnect();
  }
}

/** Every message the topics hold now, read through the internal listener (a super user). */
async function readWhole(brokers: string[], topics: string[]): Promise<Received[]> {
  const kafka = new Kafka({ clientId: 'partner-feed-test-reader', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const remaining = new Map<string, bigint>();
  for (const topic of topics) {
    for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(high) > BigInt(low)) remaining.set(`${topic}/${partition}`, BigInt(high) - 1n);
    }
  }
  await admin.disconnect();
  const messages: Received[] = [];
  if (remaining.size === 0) return messages;
  const consumer = kafka.consumer({ groupId: `partner-feed-test-reader-${randomUUID()}` });
  await consumer.connect();
  await consumer.subscribe({ topics, fromBeginning: true });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        messages.push({ at: Date.now(), topic, headers: headersOf(message.headers), data: JSON.parse(message.value!.toString()) as Record<string, unknown> });
        const key = `${topic}/${partition}`;
        const last = remaining.get(key);
        if (last !== undefined && BigInt(message.offset) >= last) remaining.delete(key);
        if (remaining.size === 0) resolve();
      },
    });
  });
  await done;
  await consumer.disconnect();
  return messages;
}
