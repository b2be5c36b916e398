// A transporter's referral feed access, given and taken with its API client (README "The referral
// feed"): the LSO registers a client with `referral-feed:read` and gets, with its one-time secret,
// the SCRAM credentials and topic of its organisation's feed on the broker's partner listener;
// revoking the client takes them away. Against the test broker's real partner listener and ACLs.
import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import { partnerGroupPrefix, partnerReferralsTopic } from '@cms/contracts';
import { demoOrganisations } from '@cms/demo-data';
import { testKafkaPartnerBrokers } from '@cms/testing';
import { startAccessControl, type AccessControlUnderTest } from './support/access-control-under-test';

let service: AccessControlUnderTest;
const opened: (Consumer | Admin)[] = [];
const organisationId = (shortCode: string) => demoOrganisations().find((o) => o.shortCode === shortCode)!.id;

interface Registered {
  clientId: string;
  clientSecret: string;
  referralFeed?: { mechanism: string; username: string; topic: string; groupPrefix: string };
}

async function register(lso: string, scopes: string[]): Promise<Registered> {
  const response = await service.call('POST', '/api/v1/api-clients', await service.tokenOf(lso), { name: 'Work management', scopes });
  expect(response.status).toBe(201);
  return (await response.json()) as Registered;
}

function partnerKafka(username: string, password: string): Kafka {
  return new Kafka({
    clientId: 'work-management',
    brokers: testKafkaPartnerBrokers(),
    sasl: { mechanism: 'scram-sha-512', username, password },
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 100, retries: 5 },
    logLevel: logLevel.NOTHING,
  });
}

async function connectedAdmin(username: string, password: string): Promise<Admin> {
  const admin = partnerKafka(username, password).admin();
  opened.push(admin);
  await admin.connect();
  return admin;
}

beforeAll(async () => {
  service = await startAccessControl({ databaseName: 'access_control_referral_feed' });
});

afterAll(async () => {
  await Promise.all(opened.map((client) => client.disconnect().catch(() => undefined)));
  await service?.close();
});

describe("a transporter's referral feed access", () => {
  it('comes with a client holding referral-feed:read: its id and secret read its own topic, and no other', async () => {
    const cadent = organisationId('CAD');
    const client = await register('cad.lso', ['site-visits:read', 'site-visits:write', 'referral-feed:read']);
    expect(client.referralFeed).toEqual({
      mechanism: 'scram-sha-512',
      username: client.clientId,
      topic: partnerReferralsTopic(cadent),
      groupPrefix: partnerGroupPrefix(cadent),
    });

    const consumer = partnerKafka(client.clientId, client.clientSecret).consumer({ groupId: `${client.referralFeed!.groupPrefix}wms` });
    opened.push(consumer);
    await consumer.connect();
    await expect(consumer.subscribe({ topics: [client.referralFeed!.topic], fromBeginning: true })).resolves.toBeUndefined();
    await expect(consumer.subscribe({ topics: [partnerReferralsTopic(organisationId('NGN'))] })).rejects.toMatchObject({
      type: 'TOPIC_AUTHORIZATION_FAILED',
    });
  });

  it('is not given without the scope: the secret does not authenticate on the broker', async () => {
    const client = await register('cad.lso', ['site-visits:read']);
    expect(client.referralFeed).toBeUndefined();
    await expect(connectedAdmin(client.clientId, client.clientSecret)).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
  });

  it('is refused to an organisation that is not a transporter', async () => {
    const response = await service.call('POST', '/api/v1/api-clients', await service.tokenOf('bwe.lso'), { name: 'Billing', scopes: ['referral-feed:read'] });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'SCOPE_NOT_ALLOWED' });
  });

  it('takes the new secret as its password when the secret is rotated, and refuses the old one', async () => {
    const client = await register('wwu.lso', ['referral-feed:read']);
    const response = await service.call('POST', `/api/v1/api-clients/${client.clientId}/secret-rotation`, await service.tokenOf('wwu.lso'));
    expect(response.status).toBe(200);
    const rotated = (await response.json()) as Registered;
    expect(rotated.referralFeed).toEqual(client.referralFeed);

    await expect(connectedAdmin(client.clientId, client.clientSecret)).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
    const admin = await connectedAdmin(client.clientId, rotated.clientSecret);
    await admin.disconnect();
  });

  it('is taken away when the client is revoked: the same credentials are refused by the broker', async () => {
    const client = await register('ngn.lso', ['referral-feed:read']);
    const admin = await connectedAdmin(client.clientId, client.clientSecret);
    await admin.disconnect();

    const revoked = await service.call('DELETE', `/api/v1/api-clients/${client.clientId}`, await service.tokenOf('ngn.lso'));
    expect(revoked.status).toBe(204);
    await expect(connectedAdmin(client.clientId, client.clientSecret)).rejects.toMatchObject({ name: 'KafkaJSSASLAuthenticationError' });
  });
});
