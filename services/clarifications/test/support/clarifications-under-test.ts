import { randomInt } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { Caller } from '@cms/auth';
import {
  ContactAnonymisedV1,
  ContactLoggedV1,
  ContactParticipantsChangedV1,
  ContactResolvedV1,
  ContactWithdrawnV1,
  createEnvelope,
  toKafkaHeaders,
  Topics,
  type EventEnvelope,
} from '@cms/contracts';
import { demoOrganisation, type DemoOrganisation } from '@cms/demo-data';
import { TimerRunner } from '@cms/service-defaults';
import { startServiceUnderTest, testKafkaBrokers, TestClock, TestTokenIssuer, type ServiceUnderTest } from '@cms/testing';
import { clarificationsService } from '../../src/service';

export const SHIPPER = demoOrganisation('BWE');
export const OTHER_SHIPPER = demoOrganisation('TGS');
export const CDSP = demoOrganisation('CDS');
export const DN = demoOrganisation('CAD');
export const OTHER_DN = demoOrganisation('NGN');
export const IGT = demoOrganisation('MPL');

/** The working role of a person of each organisation type (access-control's roles). */
const WORKING_ROLE: Record<string, string> = { SHIPPER: 'CONTACT_USER', DN: 'TRANSPORTER_USER', IGT: 'TRANSPORTER_USER', CDSP: 'CDSP_AGENT' };

/**
 * The meter point of every contact here: one the demo register does not hold (demoMeterPoints'
 * `notInRegister`), so that a ContactResolved VALID published on the shared test broker changes no
 * meter point of a meter-points suite that reads it later.
 */
const MPRN = '8804621501';

/** A person of the organisation with its working role (or the roles given). */
export function personOf(organisation: DemoOrganisation, roles: string[] = [WORKING_ROLE[organisation.type]]): Caller {
  return { userId: `${organisation.shortCode.toLowerCase()}.user`, organisationId: organisation.id, organisationType: organisation.type, roles };
}

/** A partner system of the organisation, holding the clarification scopes. */
export function partnerOf(organisation: DemoOrganisation, scopes = ['clarifications:read', 'clarifications:write']): Caller {
  return { userId: `client:${organisation.shortCode.toLowerCase()}-system`, organisationId: organisation.id, organisationType: organisation.type, roles: [], scopes };
}

export interface Answer {
  status: number;
  body: any;
  etag: string | null;
}

/**
 * The clarifications service on its own database, the test broker and an injected clock, with
 * what its tests need: calls as any caller, contact events published as contact-logging publishes
 * them, and every event it publishes about this suite's contacts, in order.
 */
export interface ClarificationsUnderTest {
  service: ServiceUnderTest;
  clock: TestClock;
  call(caller: Caller, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** A contact logged (its ContactLogged published) on the transporter given, waited for until the service holds it. */
  logContact(options?: { transporter?: DemoOrganisation; ldz?: string }): Promise<string>;
  /** Publishes events on cms.contacts.v1 as contact-logging does (CloudEvents headers, keyed by CRN). */
  publish(...events: EventEnvelope[]): Promise<void>;
  resolved(crn: string): EventEnvelope<ContactResolvedV1>;
  withdrawn(crn: string): EventEnvelope<ContactWithdrawnV1>;
  /** Its retention period passed, as contact-logging announces it (`endedAt` the contact's end). */
  anonymised(crn: string, endedAt: Date): EventEnvelope<ContactAnonymisedV1>;
  participantsChanged(crn: string, organisationIds: string[], transporter?: DemoOrganisation): EventEnvelope<ContactParticipantsChangedV1>;
  /** The events published on cms.clarifications.v1 about `crn` once there are at least `count` (or 20 s). */
  eventsOf(crn: string, count: number): Promise<{ type: string; data: any }[]>;
  fireDue(): Promise<{ fired: number; failed: number }>;
  /** Waits until `check` holds (the consumer is asynchronous), or fails after 20 s. */
  until<T>(what: string, read: () => Promise<T>, check: (value: T) => boolean): Promise<T>;
  close(): Promise<void>;
}

export async function startClarifications(options: { databaseName: string; env?: Record<string, string>; clock?: TestClock }): Promise<ClarificationsUnderTest> {
  const clock = options.clock ?? new TestClock(new Date());
  const issuer = await TestTokenIssuer.start();
  const service = await startServiceUnderTest(clarificationsService, { databaseName: options.databaseName, env: { ...issuer.env(), ...options.env }, clock });
  const kafka = new Kafka({ clientId: `${options.databaseName}-test`, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING });
  const producer: Producer = kafka.producer();
  await producer.connect();

  // This suite's contacts: a random block of CRNs, so that suites sharing the broker never meet.
  const firstCrn = randomInt(100_000_000, 900_000_000);
  let nextCrn = 0;
  const startedAt = Date.now();
  const published = new Map<string, { type: string; data: any }[]>();
  const consumer: Consumer = kafka.consumer({ groupId: `${options.databaseName}-test-${startedAt}` });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.clarifications, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const crn = message.key?.toString();
      if (!crn || Number(message.timestamp) < startedAt) return;
      const events = published.get(crn) ?? [];
      events.push({ type: message.headers!.ce_type!.toString(), data: JSON.parse(message.value!.toString()) });
      published.set(crn, events);
    },
  });
  const logged = new Map<string, ContactLoggedV1>();

  const call: ClarificationsUnderTest['call'] = async (caller, method, path, body, headers = {}) => {
    const response = await service.fetch(path, { method, body, headers: { authorization: `Bearer ${await issuer.tokenFor(caller)}`, ...headers } });
    const text = await response.text();
    return { status: response.status, body: text === '' ? null : JSON.parse(text), etag: response.headers.get('etag') };
  };

  const until: ClarificationsUnderTest['until'] = async (what, read, check) => {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (check(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: never came (last: ${JSON.stringify(value)})`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  const publish: ClarificationsUnderTest['publish'] = async (...events) => {
    await producer.send({
      topic: Topics.contacts,
      messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })),
    });
  };
  const envelope = <T>(type: string, crn: string, data: T) => createEnvelope({ type, source: '/cms/contact-logging', subject: crn, data });

  return {
    service,
    clock,
    call,
    publish,
    until,
    async logContact({ transporter = DN, ldz = 'NW' } = {}) {
      const crn = `C${firstCrn + nextCrn++}`;
      const data: ContactLoggedV1 = {
        crn,
        contactType: 'DTL',
        mprn: MPRN,
        status: 'LOGGED',
        requestedStatus: 'LI',
        originatorOrganisationId: SHIPPER.id,
        loggedByUserId: 'bwe.user',
        transporterOrganisationId: transporter.id,
        registeredShipperOrganisationId: SHIPPER.id,
        ldz,
        loggedAt: clock.now().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      };
      logged.set(crn, data);
      await publish(envelope(ContactLoggedV1.type, crn, data));
      await until(`contact ${crn} recorded`, () => service.sql('SELECT 1 FROM involved_contact WHERE crn = $1', [crn]), (rows) => rows.length === 1);
      return crn;
    },
    resolved(crn) {
      return envelope<ContactResolvedV1>(ContactResolvedV1.type, crn, {
        crn,
        contactType: 'DTL',
        mprn: MPRN,
        outcome: 'VALID',
        reasonCode: 'SITE_VISIT_CONFIRMED',
        reason: 'Site visit confirmed gas is flowing',
        automatic: false,
        requestedStatus: 'LI',
        meterPointStatusAtLogging: 'DE',
        originatorOrganisationId: SHIPPER.id,
        loggedByUserId: 'bwe.user',
        resolvedByUserId: 'cds.user',
        resolvedAt: clock.now().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      });
    },
    withdrawn(crn) {
      return envelope<ContactWithdrawnV1>(ContactWithdrawnV1.type, crn, {
        crn,
        mprn: MPRN,
        reason: 'Logged in error.',
        withdrawnByUserId: 'bwe.user',
        withdrawnByOrganisationId: SHIPPER.id,
        withdrawnAt: clock.now().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      });
    },
    anonymised(crn, endedAt) {
      return envelope<ContactAnonymisedV1>(ContactAnonymisedV1.type, crn, {
        crn,
        contactType: 'DTL',
        endedAt: endedAt.toISOString(),
        anonymisedAt: clock.now().toISOString(),
        organisationIds: [SHIPPER.id, CDSP.id],
      });
    },
    participantsChanged(crn, organisationIds, transporter = DN) {
      return envelope<ContactParticipantsChangedV1>(ContactParticipantsChangedV1.type, crn, {
        crn,
        mprn: MPRN,
        contactType: 'DTL',
        originatorOrganisationId: SHIPPER.id,
        transporterOrganisationId: transporter.id,
        added: organisationIds.filter((id) => !logged.get(crn)?.organisationIds.includes(id)),
        changedAt: clock.now().toISOString(),
        organisationIds,
      });
    },
    async eventsOf(crn, count) {
      return until(`${count} events of ${crn}`, async () => [...(published.get(crn) ?? [])], (events) => events.length >= count);
    },
    fireDue: () => service.app.get(TimerRunner).fireDue(),
    async close() {
      await consumer.disconnect();
      await producer.disconnect();
      await service.close();
      await issuer.stop();
    },
  };
}
