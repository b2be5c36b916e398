import { join } from 'node:path';
import { LOCKOUT_OPERATIONS, PUBLIC_OPERATIONS, SESSION_ENDING_OPERATIONS, STREAMING_OPERATIONS, type FuzzIdentity, type FuzzRun } from './fuzz-gateway';

/** contact-logging's routes, under /api/v1/contacts and its reference data: the first shipper's share. */
export const CONTACT_ROUTES = '^/api/v1/(contacts|contact-types|resolution-reasons|rejected-submissions)(/|$)';

/** The administration an LSO does: users, partner systems, webhooks, the audit trails. */
export const ADMINISTRATION_ROUTES = '^/api/v1/(users|api-clients|webhooks|audit|organisations|signing-keys)(/|$)';

/**
 * The demo users the fuzzer signs in as, one organisation each (every run draws on its own
 * organisation's allowance of 600 requests a minute), chosen so that what the fuzzer changes
 * touches no user or contact another end-to-end test works with:
 * - shippers: TGS on the contact routes (the documented examples name BWE's showcase meter point;
 *   TGS's attempts on it are refused NOT_REGISTERED_SHIPPER, so no contact the fuzzer logs stays
 *   open there to refuse the other tests' with OPEN_CONTACT_EXISTS), and OAK on every other route
 *   (a shipper's coverage phase outgrew one organisation's allowance);
 * - a DN, Wales & West Utilities, whose user no other test signs in as;
 * - the CDSP's agent, who sees and works every contact;
 * - an LSO of an IGT no other test administers, Riverside Utilities: users it creates, suspends or
 *   deletes are its own (the LSO's `DELETE /users/{userId}` reaches only users the run created,
 *   through the document's links).
 * Each run's peers are users of other organisations of the same kind: what the run's user reads
 * of its own, schemathesis reads again as each of them, and it must be 404 to them.
 */
export const FUZZ_USERS = {
  shipper: 'tgs.user',
  otherShipper: 'oak.user',
  dn: 'wwu.user',
  otherDn: 'sgn.user',
  agent: 'cds.agent',
  lso: 'rvu.lso',
  otherLso: 'hen.lso',
} as const;

export type FuzzUsers = Record<keyof typeof FUZZ_USERS, FuzzIdentity>;

export interface FuzzRunsOptions {
  gatewayUrl: string;
  users: FuzzUsers;
  reportDir: string;
  seed: number;
  log: (line: string) => void;
}

/**
 * The runs of the fuzz test, by name. They draw on separate allowances (five organisations, and
 * the address on the public routes), so they run side by side: the whole file takes as long as
 * the slowest one. The coverage phase (every boundary and negative value of every operation, some
 * 1,000 requests) runs once for each route, as a shipper (the contact routes and the rest) and as
 * the LSO (administration); the other identities generate examples, random input and stateful
 * sequences over the document's links.
 */
export function fuzzRuns({ gatewayUrl, users, reportDir, seed, log }: FuzzRunsOptions): Map<string, FuzzRun> {
  /** Never fuzzed signed in: the public routes run on their own, the lockout, stream and sign-out-everywhere ones never (fuzz-gateway.ts). */
  const notSignedIn = [PUBLIC_OPERATIONS, LOCKOUT_OPERATIONS, STREAMING_OPERATIONS, SESSION_ENDING_OPERATIONS];
  /** A signed-in run: examples, random input and stateful sequences, unless it says otherwise. */
  const signedIn = (reportName: string, run: Pick<FuzzRun, 'identity'> & Partial<FuzzRun>): FuzzRun => ({
    gatewayUrl,
    excludePaths: notSignedIn,
    rateLimit: '9/s',
    seed,
    log,
    phases: ['examples', 'fuzzing', 'stateful'],
    maxExamples: 5,
    statefulScenarios: 30,
    reportDir: join(reportDir, reportName),
    ...run,
  });
  const withCoverage: FuzzRun['phases'] = ['examples', 'coverage', 'fuzzing', 'stateful'];
  return new Map<string, FuzzRun>([
    [
      'a shipper (TGS), on the contact routes',
      signedIn('shipper', { identity: users.shipper, peers: [users.otherShipper], includePath: CONTACT_ROUTES, phases: withCoverage }),
    ],
    [
      'a shipper (OAK), on every other route',
      signedIn('shipper-other-routes', {
        identity: users.otherShipper,
        peers: [users.shipper],
        excludePaths: [...notSignedIn, CONTACT_ROUTES, ADMINISTRATION_ROUTES],
        phases: withCoverage,
      }),
    ],
    // Without a coverage phase, the DN's and the agent's runs have time for more sequences over the
    // links (the contacts, threads and visits other tests left): still within the slowest run's time.
    ['a DN (WWU)', signedIn('dn', { identity: users.dn, peers: [users.otherDn], statefulScenarios: 80 })],
    ['a CDSP agent', signedIn('agent', { identity: users.agent, maxExamples: 8, statefulScenarios: 120 })],
    [
      'an LSO (RVU), on the administration routes',
      signedIn('lso', { identity: users.lso, peers: [users.otherLso], includePath: ADMINISTRATION_ROUTES, phases: withCoverage }),
    ],
    // The public routes share one allowance per address (60 a minute, burst 60) with every other
    // test's sign-in: examples and random input only (about 60 requests at 1/s), so the allowance
    // is never spent; their coverage phase (some 200 requests) would need a raised
    // RATE_LIMIT_PUBLIC_PER_IP_PER_MINUTE.
    [
      'nobody, on the public routes',
      {
        gatewayUrl,
        includePath: PUBLIC_OPERATIONS,
        phases: ['examples', 'fuzzing'],
        maxExamples: 10,
        rateLimit: '1/s',
        seed,
        log,
        reportDir: join(reportDir, 'public'),
      },
    ],
  ]);
}
