import { randomBytes, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { createEnvelope, PartnerSiteVisitCancelledV1, partnerGroupPrefix, partnerReferralsTopic, toKafkaHeaders } from '@cms/contracts';
import { testKafkaBrokers, testKafkaPartnerBrokers } from '@cms/testing';
import { PartnerFeedAccess } from '../src';
import { kafkaAdapter } from './messaging-fixtures';

/**
 * The broker enforces the referral feed (README "The referral feed"): on the partner listener a
 * transporter's credentials read its own topic, in its own consumer groups, and nothing else;
 * revoked, they no longer authenticate. Against the test broker's real SCRAM listener and ACLs.
 */
describe('partner feed access on the broker', () => {
  const internal = kafkaAdapter(testKafkaBrokers(), 'partner-access-test');
  const access = new PartnerFeedAccess(internal, 'partner-access-test');
  const consumers: Consumer[] = [];

  afterAll(async () => {
    await Promise.all(consumers.map((consumer) => consumer.disconnect().catch(() => undefined)));
    await internal.disconnect();
  });

  /** What kafkajs logged while refusing: it reports a refused group only in its debug log (see below). */
  const logged: string[] = [];

  function partnerClient(username: string, password: string): Kafka {
    return new Kafka({
      clientId: `partner-${username}`,
      brokers: testKafkaPartnerBrokers(),
      sasl: { mechanism: 'scram-sha-512', username, password },
      connectionTimeout: 3_000,
      // A new group's coordinator may be loading for a moment: allowed refusals are not retried anyway.
      retry: { initialRetryTime: 100, retries: 5 },
      logLevel: logLevel.DEBUG,
      logCreator: () => (entry) => void logged.push(JSON.stringify(entry.log)),
    });
  }

  const transporter = () => ({ clientId: randomUUID(), clientSecret: randomBytes(32).toString('base64url'), organisationId: randomUUID() });

  it('lets a transporter read its own topic in its own group, answering with its topic and group prefix', async () => {
    const own = transporter();
    const credentials = await access.grant(own);
    expect(credentials).toEqual({
      mechanism: 'scram-sha-512',
      username: own.clientId,
      topic: partnerReferralsTopic(own.organisationId),
      groupPrefix: partnerGroupPrefix(own.organisationId),
    });
    // A partner event as the feed writes it (the topic carries nothing else).
    const cancelled = createEnvelope({
      type: PartnerSiteVisitCancelledV1.type,
      source: '/cms/test',
      subject: 'C000000001',
      data: { organisationId: own.organisationId, crn: 'C000000001', siteVisitId: randomUUID(), cause: 'CONTACT_RESOLVED', cancelledAt: new Date().toISOString() },
    });
    await internal.publish([{ topic: credentials.topic, key: cancelled.subject, value: JSON.stringify(cancelled.data), headers: toKafkaHeaders(cancelled) }]);

    const consumer = partnerClient(own.clientId, own.clientSecret).consumer({ groupId: `${credentials.groupPrefix}wms` });
    consumers.push(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics: [credentials.topic], fromBeginning: true });
    const received = new Promise<string>((resolve) => void consumer.run({ eachMessage: async ({ message }) => resolve(message.value!.toString()) }));
    await expect(received).resolves.toBe(JSON.stringify(cancelled.data));
  });

  it("refuses another organisation's topic, and a group outside its prefix, with authorisation errors", async () => {
    const own = transporter();
    const other = transporter();
    await access.grant(own);
    await access.grant(other);
    const kafka = partnerClient(own.clientId, own.clientSecret);

    const stranger = kafka.consumer({ groupId: `${partnerGroupPrefix(own.organisationId)}wms` });
    consumers.push(stranger);
    await stranger.connect();
    await expect(stranger.subscribe({ topics: [partnerReferralsTopic(other.organisationId)], fromBeginning: true })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });

    // kafkajs answers a refused FindCoordinator as "no coordinator found" and logs the broker's
    // reason at debug level: the broker's answer there is the authorisation error.
    const outsideGroup = kafka.consumer({ groupId: `${partnerGroupPrefix(other.organisationId)}wms`, retry: { retries: 0 } });
    consumers.push(outsideGroup);
    await outsideGroup.connect();
    await outsideGroup.subscribe({ topics: [partnerReferralsTopic(own.organisationId)] });
    logged.length = 0;
    const crashed = new Promise<Error>((resolve) => outsideGroup.on(outsideGroup.events.CRASH, ({ payload }) => resolve(payload.error)));
    void outsideGroup.run({ eachMessage: async () => undefined });
    await expect(crashed).resolves.toMatchObject({ name: 'KafkaJSGroupCoordinatorNotFound' });
    expect(logged.some((line) => line.includes('GROUP_AUTHORIZATION_FAILED') || line.includes('Not authorized to access group'))).toBe(true);
  });

  it('refuses the internal topics to a transporter', async () => {
    const own = transporter();
    await access.grant(own);
    await internal.ensureTopics(['cms.site-visits.v1']);
    const consumer = partnerClient(own.clientId, own.clientSecret).consumer({ groupId: `${partnerGroupPrefix(own.organisationId)}wms` });
    consumers.push(consumer);
    await consumer.connect();
    await expect(consumer.subscribe({ topics: ['cms.site-visits.v1'] })).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
  });

  it('refuses a wrong secret, and revoked credentials, at authentication', async () => {
    const own = transporter();
    await access.grant(own);
    const wrong = partnerClient(own.clientId, 'not-the-secret').admin();
    await expect(wrong.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });

    const before = partnerClient(own.clientId, own.clientSecret).admin();
    await before.connect();
    await before.disconnect();

    await access.revoke(own.clientId);
    const after = partnerClient(own.clientId, own.clientSecret).admin();
    await expect(after.connect()).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    // Revoking again changes nothing and does not fail.
    await expect(access.revoke(own.clientId)).resolves.toBeUndefined();
  });
});
