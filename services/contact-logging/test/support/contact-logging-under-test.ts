import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { decodeJwt } from 'jose';
import type { Caller } from '@cms/auth';
import type { Clock } from '@cms/service-defaults';
import { startServiceUnderTest, TestTokenIssuer } from '@cms/testing';
import { contactLoggingService } from '../../src/service';

/** The transporter every stand-in meter point belongs to unless a test says otherwise (Cadent). */
export const TRANSPORTER_ID = '383da001-dcc0-4cf5-8481-59b9749b0a6c';

/** A meter point as the stand-in register describes it. */
export interface StandInMeterPoint {
  status: string;
  registeredShipper: string | null;
  transporter?: string;
  /** Its LDZ; NW (England and Wales' calendar) unless a test says otherwise. */
  ldz?: string;
}

/** The stand-in meter point register: what it knows, and how it behaves, changeable by a test. */
export interface StandInRegister {
  points: Map<string, StandInMeterPoint>;
  /** False: every look-up answers 503. */
  available: boolean;
  /** How long each answer is held back. */
  delayMs: number;
}

/** A user as the stand-in user directory knows them today (their token may say otherwise). */
export interface StandInUser {
  organisationId: string;
  roles: string[];
  status: 'ACTIVE' | 'SUSPENDED';
}

/** The stand-in user directory (access-control): its users by id, and how it behaves, changeable by a test. */
export interface StandInDirectory {
  users: Map<string, StandInUser>;
  /** False: every request answers 503. */
  available: boolean;
}

/** The stand-in address look-up (address-lookup): its delivery points by UDPRN, as `GET /api/v1/addresses/{udprn}` gives them. */
export interface StandInAddressLookup {
  addresses: Map<string, Record<string, string>>;
  /** False: every look-up answers 503. */
  available: boolean;
  /** Every UDPRN asked for, in order. */
  asked: string[];
}

export interface ContactLoggingUnderTest {
  app: NestExpressApplication;
  baseUrl: string;
  databaseUrl: string;
  issuer: TestTokenIssuer;
  register: StandInRegister;
  directory: StandInDirectory;
  addressLookup: StandInAddressLookup;
  /** POST /api/v1/contacts as `caller`. */
  post(caller: Caller, body: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** A request as `caller`, JSON in and out. */
  call(caller: Caller, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any }>;
  /** A statement on the service's database, as its superuser. */
  sql<T = any>(text: string, values?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/**
 * contact-logging in this process, as its integration tests need it: its own fresh database on the
 * test PostgreSQL, the test Kafka broker, real signed tokens from a test issuer, and stand-ins for
 * the other services it reaches over HTTP: the meter point register, which knows `meterPoints`, and
 * access-control's user directory, which knows `users`, and the address look-up, which knows `addresses`.
 */
export async function startContactLogging(options: {
  databaseName: string;
  meterPoints: Record<string, StandInMeterPoint>;
  /** The service's time (a TestClock); default: the system clock. */
  clock?: Clock;
  /** Settings beside the test infrastructure's, e.g. AUTO_CLOSE_UNANSWERED_DC. */
  env?: Record<string, string>;
  users?: Record<string, StandInUser>;
  /** The address look-up's delivery points, by UDPRN. */
  addresses?: Record<string, Record<string, string>>;
}): Promise<ContactLoggingUnderTest> {
  const register: StandInRegister = { points: new Map(Object.entries(options.meterPoints)), available: true, delayMs: 0 };
  const directory: StandInDirectory = { users: new Map(Object.entries(options.users ?? {})), available: true };
  const issuer = await TestTokenIssuer.start();
  const meterPoints = await startStandInRegister(register);
  const accessControl = await startStandInDirectory(directory);
  const addressLookup: StandInAddressLookup = { addresses: new Map(Object.entries(options.addresses ?? {})), available: true, asked: [] };
  const addresses = await startStandInAddressLookup(addressLookup);
  const service = await startServiceUnderTest(contactLoggingService, {
    databaseName: options.databaseName,
    env: {
      ...issuer.env(),
      METER_POINTS_URL: `http://127.0.0.1:${(meterPoints.address() as AddressInfo).port}`,
      ACCESS_CONTROL_URL: `http://127.0.0.1:${(accessControl.address() as AddressInfo).port}`,
      ADDRESS_LOOKUP_URL: `http://127.0.0.1:${(addresses.address() as AddressInfo).port}`,
      ...options.env,
    },
    clock: options.clock,
  });
  const { app, baseUrl, databaseUrl } = service;
  // Every suite's fresh database would hand out C000000001 onwards onto the one test broker, where
  // another suite's service (same consumer groups) may read them: start this one's CRNs at a block
  // of its own, so an event of another suite never names a contact of this one.
  const firstCrn = 1 + 50 * (1 + Math.floor(Math.random() * 19_000_000));
  await service.sql(`SELECT setval('contact_crn_seq', $1, false)`, [firstCrn]);

  const call = async (caller: Caller, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await issuer.tokenFor(caller)}`, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };

  return {
    app,
    baseUrl,
    databaseUrl,
    issuer,
    register,
    directory,
    addressLookup,
    post: (caller, body, headers) => call(caller, 'POST', '/api/v1/contacts', body, headers),
    call,
    sql: service.sql,
    async close() {
      await service.close();
      await new Promise((resolve) => meterPoints.close(resolve));
      await new Promise((resolve) => accessControl.close(resolve));
      await new Promise((resolve) => addresses.close(resolve));
      await issuer.stop();
    },
  };
}

async function startStandInRegister(register: StandInRegister): Promise<Server> {
  const server = createServer((request, response) => {
    if (!register.available) return void response.writeHead(503).end();
    const mprn = /^\/api\/v1\/meter-points\/(\d+)$/.exec(request.url ?? '')?.[1];
    const point = mprn ? register.points.get(mprn) : undefined;
    if (!point) return void response.writeHead(404, { 'content-type': 'application/json' }).end('{}');
    setTimeout(() => {
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          mprn,
          status: { code: point.status, name: point.status },
          transporter: { organisationId: point.transporter ?? TRANSPORTER_ID },
          registeredShipper: point.registeredShipper ? { organisationId: point.registeredShipper } : null,
          ldz: point.ldz ?? 'NW',
        }),
      );
    }, register.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/**
 * access-control's `GET /api/v1/users/{userId}` as a SUPERVISOR meets it, on the forwarded token:
 * the caller as the directory knows them now (401 unknown or suspended, 403 neither LSO nor
 * SUPERVISOR), then the user, 404 when missing or of another organisation, else a colleague.
 */
async function startStandInDirectory(directory: StandInDirectory): Promise<Server> {
  const server = createServer((request, response) => {
    if (!directory.available) return void response.writeHead(503).end();
    const answer = (status: number, body: unknown = {}) => void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    const token = /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];
    const caller = token ? directory.users.get(decodeJwt(token).sub ?? '') : undefined;
    if (!caller || caller.status !== 'ACTIVE') return answer(401);
    if (!caller.roles.includes('LSO') && !caller.roles.includes('SUPERVISOR')) return answer(403);
    const userId = decodeURIComponent(/^\/api\/v1\/users\/([^/?]+)$/.exec(request.url ?? '')?.[1] ?? '');
    const user = directory.users.get(userId);
    if (!user || user.organisationId !== caller.organisationId) return answer(404);
    answer(200, { userId, organisationId: user.organisationId, displayName: userId, roles: user.roles, status: user.status });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** address-lookup's `GET /api/v1/addresses/{udprn}`: the delivery point with `source`, 404 for one it does not know. */
async function startStandInAddressLookup(lookup: StandInAddressLookup): Promise<Server> {
  const server = createServer((request, response) => {
    if (!lookup.available) return void response.writeHead(503).end();
    const udprn = /^\/api\/v1\/addresses\/(\d+)$/.exec(request.url ?? '')?.[1];
    if (udprn) lookup.asked.push(udprn);
    const address = udprn ? lookup.addresses.get(udprn) : undefined;
    const answer = (status: number, body: unknown) => void response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    if (!address) return answer(404, { status: 404, code: 'NOT_FOUND' });
    answer(200, { ...address, udprn, source: 'PAF_TABLE' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** A valid DTL submission for `mprn`: a meter read from the day before `today` (default: yesterday). */
export function dtl(mprn: string, description = 'Gas in use at the property.', today: Date = new Date()) {
  return {
    type: 'DTL',
    mprn,
    originatorContact: { name: 'Amelia Hart', telephone: '0161 496 0000' },
    description,
    dtlEvidence: { meterRead: { value: '04521', readDate: new Date(today.getTime() - 86_400_000).toISOString().slice(0, 10) }, meterSerialNumber: 'G4A-1' },
  };
}
