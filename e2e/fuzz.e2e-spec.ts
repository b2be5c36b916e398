import { join } from 'node:path';
import { fuzzGateway, type FuzzResult } from './fuzz/fuzz-gateway';
import { FUZZ_USERS, fuzzRuns, type FuzzUsers } from './fuzz/fuzz-runs';
import { gatewayUrl, signIn } from './support/api';

/**
 * docs/quality.md, Security: "An OpenAPI fuzzer run against the gateway finds no server error";
 * docs/api.md: "The OpenAPI document states every constraint the service enforces; an undeclared
 * method is 405". Schemathesis reads the gateway's merged OpenAPI document and runs every check it
 * has (e2e/fuzz/fuzz-gateway.ts) as a shipper, a DN, a CDSP agent and an LSO, and as nobody on the
 * public routes: generated valid and invalid input, every boundary of every constraint, and
 * sequences over the document's links (a logged contact read, a user created then changed and
 * deleted…). Throttled below the gateway's default rate limits (600 a minute per organisation, 60
 * a minute per address on the public routes), which this shared stack keeps for other tests.
 * Other files run before it in any order and leave contacts, threads and visits it reads.
 */
const REPORTS = join(process.env.E2E_DATA_DIR ?? 'reports', 'schemathesis');

/** The run's figures, for the log: how long, how many operations and test cases, how many links followed. */
function figures(result: FuzzResult): string {
  const tested = /Tested: (\d+)/.exec(result.output)?.[1] ?? '?';
  const cases = /(\d+) generated/.exec(result.output)?.[1] ?? '?';
  const links = /API Links:\s+(\d+) covered \/ (\d+)/.exec(result.output);
  return `${result.seconds.toFixed(0)} s, ${tested} operations, ${cases} test cases, links followed ${links ? `${links[1]} of ${links[2]}` : 'none'}`;
}

function expectClean(result: FuzzResult): void {
  const summary = `${result.command}\n(${result.seconds.toFixed(1)} s, exit ${result.exitCode})\n\n${result.output}`;
  if (result.exitCode !== 0) throw new Error(`schemathesis found failures:\n${summary}`);
  // A run that tested nothing cannot fail: make sure it tested something and says it passed.
  expect(result.output).toMatch(/Tested: [1-9]\d*/);
  expect(result.output).toMatch(/\d+ passed/);
  expect(result.output).not.toMatch(/\bfailures?\b.*\bin [\d.]+s/);
}

describe('OpenAPI fuzzing of the gateway (schemathesis, every check)', () => {
  const seed = Number(process.env.FUZZ_SEED ?? 20261124);
  const log = (line: string) => process.stdout.write(`fuzz: ${line}\n`);
  let runs = new Map<string, Promise<FuzzResult>>();

  beforeAll(async () => {
    const users = {} as FuzzUsers;
    for (const [role, userId] of Object.entries(FUZZ_USERS)) {
      users[role as keyof FuzzUsers] = { userId, accessToken: await signIn(userId) };
    }
    runs = new Map(
      [...fuzzRuns({ gatewayUrl: gatewayUrl(), users, reportDir: REPORTS, seed, log })].map(([name, run]) => [name, fuzzGateway(run)]),
    );
    // Keep an unhandled rejection from surfacing before a test awaits it.
    for (const run of runs.values()) run.catch(() => undefined);
  }, 600_000); // the first run on a machine installs schemathesis

  it.each([
    'a shipper (TGS), on the contact routes',
    'a shipper (OAK), on every other route',
    'a DN (WWU)',
    'a CDSP agent',
    'an LSO (RVU), on the administration routes',
    'nobody, on the public routes',
  ])('finds no failure of any check, as %s', async (name) => {
    const run = runs.get(name);
    if (!run) throw new Error(`no fuzz run named ${name}`);
    const result = await run;
    log(`${name}: ${figures(result)}`);
    expectClean(result);
  }, 480_000);
});
