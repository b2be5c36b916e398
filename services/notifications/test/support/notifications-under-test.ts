import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Caller } from '@cms/auth';
import {
  ClarificationMessagePostedV1,
  ClarificationRaisedV1,
  ContactLoggedV1,
  ContactResolvedV1,
  createEnvelope,
  toKafkaHeaders,
  uuidv7,
  type EventEnvelope,
  type TopicName,
} from '@cms/contracts';
import { demoOrganisation, type DemoOrganisation } from '@cms/demo-data';
import { startServiceUnderTest, testKafkaBrokers, TestClock, TestTokenIssuer, type ServiceUnderTest } from '@cms/testing';
import { notificationsService } from '../../src/service';

/**
 * This suite's organisations: demo organisations under a fresh id and short code of this test file's
 * own. Other suites publish their contacts' events on the same test broker, naming the demo
 * organisations and their people (`bwe.user`); an alert or a webhook delivery made for one of those
 * would land among this suite's. Named afresh, nothing but this suite's own events reaches them.
 */
const SUITE = randomBytes(3).toString('hex');
function suiteOrganisation(shortCode: string): DemoOrganisation {
  return { ...demoOrganisation(shortCode), id: randomUUID(), shortCode: `${shortCode}-${SUITE}` };
}

export const SHIPPER = suiteOrganisation('BWE');
export const OTHER_SHIPPER = suiteOrganisation('TGS');
export const CDSP = suiteOrganisation('CDS');
export const DN = suiteOrganisation('CAD');

/** The working role of a person of each organisation type (access-control's roles). */
const WORKING_ROLE: Record<string, string> = { SHIPPER: 'CONTACT_USER', DN: 'TRANSPORTER_USER', IGT: 'TRANSPORTER_USER', CDSP: 'CDSP_AGENT' };

/** A person of the organisation (`<code>.<name>`) with its working role (or the roles given). */
export function personOf(organisation: DemoOrganisation, name = 'user', roles: string[] = [WORKING_ROLE[organisation.type]]): Caller {
  return { userId: `${organisation.shortCode.toLowerCase()}.${name}`, organisationId: organisation.id, organisationType: organisation.type, roles };
}

export interface Answer {
  status: number;
  body: any;
}

/**
 * The notifications service on its own database, the test broker and an injected clock, with
 * what its tests need: calls as any caller, the lifecycle's events published as their services
 * publish them (CloudEvents headers, keyed by CRN), on a random block of CRNs of this suite's own.
 */
export interface NotificationsUnderTest {
  /** The service now (restart() starts another on the same database). */
  readonly service: ServiceUnderTest;
  issuer: TestTokenIssuer;
  clock: TestClock;
  call(caller: Caller, method: string, path: string, body?: unknown): Promise<Answer>;
  publish(topic: TopicName, ...events: EventEnvelope[]): Promise<void>;
  envelope<T>(type: string, source: string, crn: string, data: T): EventEnvelope<T>;
  /** A contact of this suite's block, logged by the shipper's `user` (its ContactLogged published), waited for until the service holds it. */
  logContact(): Promise<string>;
  resolved(crn: string, options?: { automatic?: boolean }): EventEnvelope<ContactResolvedV1>;
  dcToOriginator(crn: string): EventEnvelope<ClarificationRaisedV1>;
  answered(raised: EventEnvelope<ClarificationRaisedV1>): EventEnvelope<ClarificationMessagePostedV1>;
  /** The caller's alerts (every page), newest first. */
  alertsOf(caller: Caller): Promise<any[]>;
  /** Waits until `check` holds (the consumer is asynchronous), or fails after 20 s. */
  until<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean): Promise<T>;
  /** Stops the service, runs `whileDown`, and starts it again on its database (the same consumer groups). */
  restart(whileDown: () => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export async function startNotifications(options: { databaseName: string; env?: Record<string, string>; clock?: TestClock }): Promise<NotificationsUnderTest> {
  const clock = options.clock ?? new TestClock(new Date());
  const issuer = await TestTokenIssuer.start();
  const env = { ...issuer.env(), ...options.env };
  let service = await startServiceUnderTest(notificationsService, { databaseName: options.databaseName, env, clock });
  const producer: Producer = new Kafka({ clientId: `${options.databaseName}-test`, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();

  // This suite's contacts: a random block of CRNs, so that suites sharing the broker never meet.
  const firstCrn = randomInt(100_000_000, 900_000_000);
  let nextCrn = 0;

  const call: NotificationsUnderTest['call'] = async (caller, method, path, body) => {
    const response = await service.fetch(path, { method, body, headers: { authorization: `Bearer ${await issuer.tokenFor(caller)}` } });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text) };
  };

  const until: NotificationsUnderTest['until'] = async (what, read, check) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (check(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: never came (last: ${JSON.stringify(value)})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const publish: NotificationsUnderTest['publish'] = async (topic, ...events) => {
    await producer.send({ topic, messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })) });
  };
  const envelope: NotificationsUnderTest['envelope'] = (type, source, crn, data) => createEnvelope({ type, source, subject: crn, data });

  return {
    get service() {
      return service;
    },
    issuer,
    clock,
    call,
    publish,
    envelope,
    until,
    async logContact() {
      const crn = `C${firstCrn + nextCrn++}`;
      const data: ContactLoggedV1 = {
        crn,
        contactType: 'DTL',
        mprn: '8804621501',
        status: 'LOGGED',
        requestedStatus: 'LI',
        originatorOrganisationId: SHIPPER.id,
        loggedByUserId: personOf(SHIPPER).userId,
        transporterOrganisationId: DN.id,
        registeredShipperOrganisationId: SHIPPER.id,
        ldz: 'NW',
        loggedAt: clock.now().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      };
      await publish(ContactLoggedV1.topic, envelope(ContactLoggedV1.type, '/cms/contact-logging', crn, data));
      await until(`contact ${crn} recorded`, () => service.sql('SELECT 1 FROM involved_contact WHERE crn = $1', [crn]), (rows) => rows.length === 1);
      return crn;
    },
    resolved(crn, { automatic = false } = {}) {
      return envelope<ContactResolvedV1>(ContactResolvedV1.type, '/cms/contact-logging', crn, {
        crn,
        contactType: 'DTL',
        mprn: '8804621501',
        outcome: automatic ? 'INVALID' : 'VALID',
        reasonCode: automatic ? 'NO_RESPONSE_TO_DC' : 'SITE_VISIT_CONFIRMED',
        reason: automatic ? 'No response to the DC' : 'Site visit confirmed gas is flowing',
        automatic,
        requestedStatus: 'LI',
        meterPointStatusAtLogging: 'DE',
        originatorOrganisationId: SHIPPER.id,
        loggedByUserId: personOf(SHIPPER).userId,
        resolvedByUserId: automatic ? null : personOf(CDSP).userId,
        resolvedAt: clock.now().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      });
    },
    dcToOriginator(crn) {
      const clarificationId = uuidv7();
      return envelope<ClarificationRaisedV1>(ClarificationRaisedV1.type, '/cms/clarifications', crn, {
        clarificationId,
        crn,
        kind: 'DC',
        organisationIds: [SHIPPER.id, CDSP.id],
        addressedTo: 'ORIGINATOR',
        addressedToOrganisationId: SHIPPER.id,
        raisedByUserId: personOf(CDSP).userId,
        raisedByOrganisationId: CDSP.id,
        messageId: uuidv7(),
        question: 'Please send a photo of the meter.',
        dueOn: '2026-12-08',
        raisedAt: clock.now().toISOString(),
      });
    },
    answered(raised) {
      return envelope<ClarificationMessagePostedV1>(ClarificationMessagePostedV1.type, '/cms/clarifications', raised.data.crn, {
        clarificationId: raised.data.clarificationId,
        crn: raised.data.crn,
        kind: 'DC',
        organisationIds: raised.data.organisationIds,
        messageId: uuidv7(),
        postedByUserId: personOf(SHIPPER).userId,
        postedByOrganisationId: SHIPPER.id,
        text: 'Photo sent.',
        waitingOnOrganisationId: CDSP.id,
        dueOn: '2026-12-10',
        postedAt: clock.now().toISOString(),
      });
    },
    async alertsOf(caller) {
      const alerts: any[] = [];
      let cursor: string | null = null;
      do {
        const page: Answer = await call(caller, 'GET', `/api/v1/notifications?limit=100${cursor ? `&cursor=${cursor}` : ''}`);
        if (page.status !== 200) throw new Error(`GET /notifications: ${page.status} ${JSON.stringify(page.body)}`);
        alerts.push(...page.body.items);
        cursor = page.body.nextCursor;
      } while (cursor);
      return alerts;
    },
    async restart(whileDown) {
      await service.close();
      await whileDown();
      service = await startServiceUnderTest(notificationsService, { databaseUrl: service.databaseUrl, env, clock });
    },
    async close() {
      await producer.disconnect();
      await service.close();
      await issuer.stop();
    },
  };
}
