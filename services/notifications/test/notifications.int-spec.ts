// notifications in process, exactly as main.ts runs it, on its own database and the test Kafka broker,
// with real signed access tokens: a ContactLogged published on cms.contacts.v1 reaches its consumer,
// and the contact is shown to the organisations the event names and to nobody else.
import { randomInt } from 'node:crypto';
import pino from 'pino';
import { ContactLoggedV1, createEnvelope, toKafkaHeaders, Topics, type ProblemDetails } from '@cms/contracts';
import { demoOrganisation, type DemoOrganisation } from '@cms/demo-data';
import { KafkaAdapter } from '@cms/messaging';
import { startServiceUnderTest, testKafkaBrokers, TestTokenIssuer, type ServiceUnderTest } from '@cms/testing';
import { notificationsService } from '../src/service';

const ORIGINATOR = demoOrganisation('BWE');
const CDSP = demoOrganisation('CDS');
/** The meter point's transporter, not involved until the contact is referred to it. */
const TRANSPORTER = demoOrganisation('CAD');

/** A CRN no other test uses: the services other tests start number theirs from 1, on the same topic. */
function unusedCrn(): string {
  return `C${randomInt(900_000_000, 1_000_000_000)}`;
}

/** Publishes a ContactLogged as contact-logging's relay would: CloudEvents headers, keyed by CRN. */
async function publishContactLogged(crn: string, organisationIds: string[]): Promise<ContactLoggedV1> {
  const logged: ContactLoggedV1 = {
    crn,
    contactType: 'DTL',
    mprn: '3938424403',
    status: 'LOGGED',
    requestedStatus: 'LI',
    originatorOrganisationId: ORIGINATOR.id,
    loggedByUserId: 'bwe.user',
    transporterOrganisationId: TRANSPORTER.id,
    registeredShipperOrganisationId: ORIGINATOR.id,
    loggedAt: new Date().toISOString(),
    organisationIds,
  };
  const event = createEnvelope({
    type: ContactLoggedV1.type,
    source: '/cms/contact-logging',
    subject: crn,
    data: logged,
  });
  const kafka = new KafkaAdapter({
    clientId: 'notifications-test',
    brokers: testKafkaBrokers(),
    logger: pino({ level: 'silent' }),
  });
  try {
    await kafka.publish([
      { topic: Topics.contacts, key: crn, value: JSON.stringify(logged), headers: toKafkaHeaders(event) },
    ]);
  } finally {
    await kafka.disconnect();
  }
  return logged;
}

describe('notifications service', () => {
  let issuer: TestTokenIssuer;
  let service: ServiceUnderTest;
  const tokens = new Map<DemoOrganisation, string>();

  const getContact = (crn: string, organisation: DemoOrganisation) =>
    service.fetch(`/api/v1/notifications/contacts/${crn}`, {
      headers: { authorization: `Bearer ${tokens.get(organisation)}` },
    });

  /** The contact as `organisation` sees it once the consumer has recorded it (or the last answer after 20 s). */
  async function onceRecorded(crn: string, organisation: DemoOrganisation): Promise<Response> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const response = await getContact(crn, organisation);
      if (response.status !== 404 || Date.now() > deadline) return response;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    issuer = await TestTokenIssuer.start();
    service = await startServiceUnderTest(notificationsService, { env: issuer.env() });
    for (const organisation of [ORIGINATOR, CDSP, TRANSPORTER]) {
      const token = await issuer.tokenFor({
        userId: `${organisation.shortCode.toLowerCase()}.user`,
        organisationId: organisation.id,
        organisationType: organisation.type,
        roles: [],
      });
      tokens.set(organisation, token);
    }
  });

  afterAll(async () => {
    await service?.close();
    await issuer?.stop();
  });

  it('is ready: its database and the broker answer', async () => {
    const response = await service.fetch('/health/ready');

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'up', checks: { database: 'up', kafka: 'up' } });
  });

  it('records a contact logged on cms.contacts.v1 and shows it to the organisations its event names', async () => {
    const crn = unusedCrn();

    const logged = await publishContactLogged(crn, [ORIGINATOR.id, CDSP.id]);

    const response = await onceRecorded(crn, ORIGINATOR);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ crn, contactType: 'DTL', mprn: logged.mprn, loggedAt: logged.loggedAt });
    expect((await getContact(crn, CDSP)).status).toBe(200);
  });

  it('answers 404 to an organisation the contact does not involve, as for a contact never logged', async () => {
    const crn = unusedCrn();
    await publishContactLogged(crn, [ORIGINATOR.id, CDSP.id]);
    expect((await onceRecorded(crn, ORIGINATOR)).status).toBe(200);

    const hidden = (await (await getContact(crn, TRANSPORTER)).json()) as ProblemDetails;
    const neverLogged = (await (await getContact(unusedCrn(), TRANSPORTER)).json()) as ProblemDetails;

    expect(neverLogged).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect(hidden).toMatchObject({ status: 404, code: 'NOT_FOUND', detail: neverLogged.detail });
  });

  it('answers 401 problem details without an access token', async () => {
    const response = await service.fetch(`/api/v1/notifications/contacts/${unusedCrn()}`);

    expect(response.status).toBe(401);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await response.json()).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
  });
});
