import { join } from 'node:path';
import { fuzzGateway, LOCKOUT_OPERATIONS, PUBLIC_OPERATIONS, STREAMING_OPERATIONS, type FuzzResult } from './fuzz/fuzz-gateway';
import { gatewayUrl, signIn } from './support/api';

/**
 * docs/quality.md, Security: "An OpenAPI fuzzer run against the gateway finds no server error."
 * Schemathesis reads the gateway's merged OpenAPI document and sends every operation generated
 * valid and invalid input, as a shipper and as a CDSP agent (and, for the public routes, as
 * nobody); every answer must be no 5xx and within its documented status codes, content type and
 * schema. Throttled below the gateway's default rate limits (600 a minute per organisation, 60
 * a minute per address on the public routes), which this shared stack keeps for other tests.
 */
const REPORTS = join(process.env.E2E_DATA_DIR ?? 'reports', 'schemathesis');
/** contact-logging's routes, under /api/v1/contacts and its reference data: the first shipper's share. */
const CONTACT_ROUTES = '^/api/v1/(contacts|contact-types|resolution-reasons|rejected-submissions)(/|$)';

function expectClean(result: FuzzResult): void {
  const summary = `${result.command}\n(${result.seconds.toFixed(1)} s, exit ${result.exitCode})\n\n${result.output}`;
  if (result.exitCode !== 0) throw new Error(`schemathesis found failures:\n${summary}`);
  // A run that tested nothing cannot fail: make sure it tested something and says it passed.
  expect(result.output).toMatch(/Tested: [1-9]\d*/);
  expect(result.output).toMatch(/\d+ passed/);
  expect(result.output).not.toMatch(/\bfailures?\b.*\bin [\d.]+s/);
}

describe('OpenAPI fuzzing of the gateway (schemathesis)', () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261124);
  const log = (line: string) => process.stdout.write(`fuzz: ${line}\n`);
  const runs = new Map<string, Promise<FuzzResult>>();

  // The runs draw on separate allowances (three organisations, and the address on the public
  // routes), so they run side by side: the whole file takes as long as the slowest one.
  // The shipper is TGS, not BWE: the documented examples name BWE's showcase meter point, and a
  // contact the fuzzer logged there would stay open and refuse the other tests' contacts on it
  // (OPEN_CONTACT_EXISTS). TGS's attempts on it are rejected (NOT_REGISTERED_SHIPPER).
  // A shipper's coverage phase (every boundary and negative value of every operation) outgrew one
  // organisation's allowance of 600 requests a minute: the contact routes run as TGS, every other
  // route as a second shipper, OAK, whose user logs no contact here (the routes of contacts are TGS's).
  beforeAll(async () => {
    const tokens = { shipper: await signIn('tgs.user'), otherShipper: await signIn('oak.user'), agent: await signIn('cds.agent') };
    const signedIn = {
      excludePaths: [PUBLIC_OPERATIONS, LOCKOUT_OPERATIONS, STREAMING_OPERATIONS],
      maxExamples: 5,
      rateLimit: '9/s',
      seed,
      log,
    };
    runs.set(
      'shipper',
      fuzzGateway({
        ...signedIn,
        includePath: CONTACT_ROUTES,
        gatewayUrl: gatewayUrl(),
        token: tokens.shipper,
        reportDir: join(REPORTS, 'shipper'),
      }),
    );
    runs.set(
      'shipper, other routes',
      fuzzGateway({
        ...signedIn,
        excludePaths: [...signedIn.excludePaths, CONTACT_ROUTES],
        gatewayUrl: gatewayUrl(),
        token: tokens.otherShipper,
        reportDir: join(REPORTS, 'shipper-other-routes'),
      }),
    );
    // The coverage phase (every boundary and negative value, some 1,000 requests) runs once, as the
    // shipper; the agent's run generates examples and random input only, to keep the file near 2½ minutes.
    runs.set(
      'agent',
      fuzzGateway({
        ...signedIn,
        phases: ['examples', 'fuzzing'],
        maxExamples: 10,
        gatewayUrl: gatewayUrl(),
        token: tokens.agent,
        reportDir: join(REPORTS, 'agent'),
      }),
    );
    // The public routes share one allowance per address (60 a minute, burst 60) with every other
    // test's sign-in: examples and random input only (about 60 requests at 1/s), so the allowance
    // is never spent; their coverage phase (some 200 requests) would need a raised
    // RATE_LIMIT_PUBLIC_PER_IP_PER_MINUTE.
    runs.set(
      'public',
      fuzzGateway({
        gatewayUrl: gatewayUrl(),
        includePath: PUBLIC_OPERATIONS,
        phases: ['examples', 'fuzzing'],
        maxExamples: 10,
        rateLimit: '1/s',
        seed,
        log,
        reportDir: join(REPORTS, 'public'),
      }),
    );
    // Keep an unhandled rejection from surfacing before a test awaits it.
    for (const run of runs.values()) run.catch(() => undefined);
  }, 600_000); // the first run on a machine installs schemathesis

  it('finds no server error and no undocumented answer on the contact routes, signed in as a shipper (TGS)', async () => {
    expectClean(await runs.get('shipper')!);
  }, 420_000);

  it('finds no server error and no undocumented answer on every other route, signed in as a shipper (OAK)', async () => {
    expectClean(await runs.get('shipper, other routes')!);
  }, 420_000);

  it('finds no server error and no undocumented answer, signed in as a CDSP agent', async () => {
    expectClean(await runs.get('agent')!);
  }, 420_000);

  it('finds no server error and no undocumented answer on the public routes, signed out', async () => {
    expectClean(await runs.get('public')!);
  }, 420_000);
});
