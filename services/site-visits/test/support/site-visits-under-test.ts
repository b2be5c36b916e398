import { randomInt } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import type { Caller } from '@cms/auth';
import {
  ContactLoggedV1,
  ContactParticipantsChangedV1,
  ContactResolvedV1,
  ContactWithdrawnV1,
  createEnvelope,
  toKafkaHeaders,
  Topics,
  type EventEnvelope,
} from '@cms/contracts';
import { demoOrganisation } from '@cms/demo-data';
import type { Clock } from '@cms/service-defaults';
import { startServiceUnderTest, testKafkaBrokers, TestTokenIssuer, type ServiceUnderTest } from '@cms/testing';
import { siteVisitsService } from '../../src/service';

export const SHIPPER = demoOrganisation('BWE');
export const OTHER_SHIPPER = demoOrganisation('TGS');
export const CDSP = demoOrganisation('CDS');
export const CADENT = demoOrganisation('CAD');
export const NGN = demoOrganisation('NGN');
export const IGT = demoOrganisation('MPL');

const person = (organisation: { id: string; type: Caller['organisationType']; shortCode: string }, roles: string[], name = 'user'): Caller => ({
  userId: `${organisation.shortCode.toLowerCase()}.${name}`,
  organisationId: organisation.id,
  organisationType: organisation.type,
  roles,
});

export const callers = {
  agent: person(CDSP, ['CDSP_AGENT'], 'agent'),
  cdspAdmin: person(CDSP, ['CDSP_ADMIN'], 'admin'),
  shipper: person(SHIPPER, ['CONTACT_USER']),
  otherShipper: person(OTHER_SHIPPER, ['CONTACT_USER']),
  cadent: person(CADENT, ['TRANSPORTER_USER']),
  cadentLso: person(CADENT, ['LSO'], 'lso'),
  ngn: person(NGN, ['TRANSPORTER_USER']),
  igt: person(IGT, ['TRANSPORTER_USER']),
  /** Cadent's partner system (OAuth 2 client credentials): scopes, no roles. */
  cadentSystem: { userId: 'client:cad-wms', organisationId: CADENT.id, organisationType: 'DN', roles: [], scopes: ['site-visits:read', 'site-visits:write'] } as Caller,
} satisfies Record<string, Caller>;

/** What the stand-ins for contact-logging and the meter point register answer, and who asked them. */
export interface StandIns {
  /** False: every request answers 503. */
  available: boolean;
  /** The Authorization header of each request, by path. */
  asked: { path: string; authorization: string | undefined }[];
  /** A contact's details, where a test gives its own (else the ones below). */
  contactDetails: Map<string, Record<string, unknown>>;
  /** A meter point's supply address, where a test gives its own (else SUPPLY_ADDRESS). */
  supplyAddresses: Map<string, Record<string, string>>;
}

export const SUPPLY_ADDRESS = { buildingNumber: '12', thoroughfare: 'Mill Lane', postTown: 'SALFORD', postcode: 'M5 4WT' };
export const ALTERNATIVE_ADDRESS = { buildingName: 'Mill Cottage', thoroughfare: 'Mill Lane', postTown: 'SALFORD', postcode: 'M5 4WU' };
export const ORIGINATOR_CONTACT = { name: 'Amelia Hart', telephone: '0161 496 0000', email: null };
export const DTL_EVIDENCE = { meterRead: { value: '04521', readDate: '2026-11-30' }, meterSerialNumber: 'G4A-1' };

export interface SiteVisitsUnderTest {
  service: ServiceUnderTest;
  standIns: StandIns;
  /** A request as `caller`, JSON in and out. */
  call(caller: Caller, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** A CRN of a block of this suite's own: suites sharing the broker never name each other's contacts. */
  nextCrn(): string;
  publish(...events: EventEnvelope[]): Promise<void>;
  close(): Promise<void>;
}

/**
 * site-visits in this process, exactly as main.ts runs it (startServiceUnderTest), on its own fresh
 * database and the test Kafka broker, with real signed tokens, and stand-ins for the services it asks
 * at referral: contact-logging's contact (its details) and the register's meter point (its address).
 */
export async function startSiteVisits(options: { databaseName: string; env?: Record<string, string>; clock?: Clock }): Promise<SiteVisitsUnderTest> {
  const issuer = await TestTokenIssuer.start();
  const standIns: StandIns = { available: true, asked: [], contactDetails: new Map(), supplyAddresses: new Map() };
  const server = await startStandIns(standIns);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const service = await startServiceUnderTest(siteVisitsService, {
    databaseName: options.databaseName,
    env: { ...issuer.env(), CONTACT_LOGGING_URL: url, METER_POINTS_URL: url, ...options.env },
    clock: options.clock,
  });
  const producer: Producer = new Kafka({ clientId: `${options.databaseName}-test`, brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  // Services started by other suites number their contacts from C000000001 onwards, on the same topic.
  let crn = randomInt(100_000_000, 900_000_000);

  const call = async (caller: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await service.fetch(path, {
      method,
      body,
      headers: { authorization: `Bearer ${await issuer.tokenFor(caller)}`, ...headers },
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  return {
    service,
    standIns,
    call,
    nextCrn: () => `C${++crn}`,
    async publish(...events) {
      await producer.send({
        topic: Topics.contacts,
        messages: events.map((event) => ({ key: event.subject, value: JSON.stringify(event.data), headers: toKafkaHeaders(event) })),
      });
    },
    async close() {
      await producer.disconnect();
      await service.close();
      await new Promise((resolve) => server.close(resolve));
      await issuer.stop();
    },
  };
}

async function startStandIns(standIns: StandIns): Promise<Server> {
  const server = createServer((request, response) => {
    const path = request.url ?? '';
    standIns.asked.push({ path, authorization: request.headers.authorization });
    if (!standIns.available) return void response.writeHead(503).end();
    const answer = (body: unknown) => void response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const crn = /^\/api\/v1\/contacts\/(C\d{9})$/.exec(path)?.[1];
    if (crn) {
      return answer({
        crn,
        details: standIns.contactDetails.get(crn) ?? {
          originatorContact: ORIGINATOR_CONTACT,
          description: 'Gas in use at the property.',
          dtlEvidence: DTL_EVIDENCE,
          alternativeAddress: ALTERNATIVE_ADDRESS,
        },
      });
    }
    const mprn = /^\/api\/v1\/meter-points\/(\d{1,10})$/.exec(path)?.[1];
    if (mprn) return answer({ mprn, address: standIns.supplyAddresses.get(mprn) ?? SUPPLY_ADDRESS, addressLabel: '12 Mill Lane, SALFORD, M5 4WT' });
    response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** contact-logging's events of a contact, as its relay publishes them (CloudEvents headers, keyed by CRN). */
export const contactEvents = {
  logged(crn: string, overrides: Partial<ContactLoggedV1> = {}, time = new Date()): EventEnvelope<ContactLoggedV1> {
    return envelope(ContactLoggedV1.type, crn, time, {
      crn,
      contactType: 'DTL',
      mprn: '8804621501',
      status: 'LOGGED',
      requestedStatus: 'LI',
      originatorOrganisationId: SHIPPER.id,
      loggedByUserId: 'bwe.user',
      transporterOrganisationId: CADENT.id,
      registeredShipperOrganisationId: SHIPPER.id,
      ldz: 'NW',
      loggedAt: time.toISOString(),
      organisationIds: [SHIPPER.id],
      ...overrides,
    });
  },
  resolved(crn: string, organisationIds: string[], time = new Date()): EventEnvelope<ContactResolvedV1> {
    return envelope(ContactResolvedV1.type, crn, time, {
      crn,
      contactType: 'DTL',
      mprn: '8804621501',
      outcome: 'VALID',
      reasonCode: 'CONFIRMED_ON_SITE',
      reason: 'Confirmed on site',
      automatic: false,
      requestedStatus: 'LI',
      meterPointStatusAtLogging: 'DE',
      originatorOrganisationId: SHIPPER.id,
      loggedByUserId: 'bwe.user',
      resolvedByUserId: 'cds.agent',
      resolvedAt: time.toISOString(),
      organisationIds,
    });
  },
  withdrawn(crn: string, organisationIds: string[], time = new Date()): EventEnvelope<ContactWithdrawnV1> {
    return envelope(ContactWithdrawnV1.type, crn, time, {
      crn,
      mprn: '8804621501',
      reason: 'Raised in error.',
      withdrawnByUserId: 'bwe.user',
      withdrawnByOrganisationId: SHIPPER.id,
      withdrawnAt: time.toISOString(),
      organisationIds,
    });
  },
  participantsChanged(crn: string, organisationIds: string[], added: string[], time = new Date()): EventEnvelope<ContactParticipantsChangedV1> {
    return envelope(ContactParticipantsChangedV1.type, crn, time, {
      crn,
      mprn: '8804621501',
      contactType: 'DTL',
      originatorOrganisationId: SHIPPER.id,
      transporterOrganisationId: CADENT.id,
      added,
      changedAt: time.toISOString(),
      organisationIds,
    });
  },
};

function envelope<T>(type: string, crn: string, time: Date, data: T): EventEnvelope<T> {
  return createEnvelope<T>({ type, source: '/cms/contact-logging', subject: crn, time, data });
}

/** Polls `read` until `done` holds (the consumer has caught up), or fails after 20 s with the last value. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`never got there: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
