/**
 * One schemathesis run against the gateway's merged OpenAPI document (`/api/docs-json`) with every
 * check schemathesis has (docs/api.md: "The OpenAPI document states every constraint the service
 * enforces; an undeclared method is 405"): no server error; every answer within its documented
 * status codes, content types, headers and schema; schema-valid requests accepted and
 * schema-violating ones refused; a missing required header refused; an undeclared method 405 with
 * `Allow`; authentication enforced; and, over the document's links, a created resource readable at
 * once, a deleted one gone, and another organisation's object never shown. Bounded so that a run
 * stays within a few minutes on two cores, and throttled below the gateway's rate limits.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../..');

/**
 * The pinned schemathesis executable, provisioned by tools/fuzz/schemathesis.ts (a virtualenv
 * under .cache/, created on first use). Run as its own process: the e2e project does not import
 * the tools project's files.
 */
export function schemathesisExecutable(log: (line: string) => void = () => undefined): {
  executable: string;
  version: string;
} {
  const provision = spawnSync(
    process.execPath,
    ['-r', '@swc-node/register', join(ROOT, 'tools/fuzz/schemathesis.ts')],
    {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 15 * 60_000,
    },
  );
  for (const line of (provision.stderr ?? '').split('\n').filter(Boolean)) log(line);
  const lines = (provision.stdout ?? '').trim().split('\n');
  if (provision.status !== 0 || !lines.at(-1)) {
    throw new Error(
      `could not provision schemathesis (exit ${provision.status}): ${provision.error?.message ?? ''}\n${provision.stderr ?? ''}`,
    );
  }
  const [executable, version] = lines.at(-1)!.split('\t');
  return { executable, version };
}

/**
 * Every check of schemathesis 4: `--checks all`, none left out. What each expects of an answer is
 * schemathesis' default, except for the statuses added below, each with its reason.
 */
export const FUZZ_CHECKS = 'all';

/**
 * What a schema-valid request may be answered besides schemathesis' defaults (2xx, 3xx, 401, 403,
 * 404, 409, 429, 5xx), each a refusal that no schema can state, with a stable code:
 * - 412 STALE_VERSION: an `If-Match` of the documented shape naming a version the resource is no
 *   longer at (state, as 409 is);
 * - 422: a well-formed request that a rule beyond its shape refuses: a meter point the register
 *   does not hold (CONTACT_REJECTED, MPRN_NOT_FOUND), an assignee who is not a user of the
 *   organisation (UNKNOWN_ASSIGNEE), a reason not of that outcome's reference list, a cursor of the
 *   documented shape that this API did not return (INVALID_CURSOR), a password reset token that
 *   opens no reset (INVALID_RESET_TOKEN), a webhook URL whose host does not resolve or is private
 *   (WEBHOOK_ADDRESS_REFUSED), an `Idempotency-Key` used before with another body
 *   (IDEMPOTENCY_KEY_REUSED).
 * Not 400: a 400 is this API's answer to a request outside its document (VALIDATION_FAILED and the
 * other codes of malformed input), so a schema-valid request answered 400 is the document being
 * looser than the service, which this run is here to catch.
 */
export const POSITIVE_DATA_ALSO_REFUSED_WITH = ['412', '422'];

/**
 * What else a schema-violating request may be answered: 413, a body over the size limit, refused
 * before it is read (a value far past its maxLength can make one). Any 4xx but these is a refusal
 * schemathesis already expects.
 */
export const NEGATIVE_DATA_ALSO_REFUSED_WITH = ['413'];

/**
 * What a request without a required header may be answered besides schemathesis' defaults (400,
 * 401, 403, 406, 415, 422): 428 Precondition Required, the status for a missing `If-Match` (RFC
 * 6585 §3), which every state change of a contact, thread or visit requires.
 */
export const MISSING_HEADER_ALSO_REFUSED_WITH = ['428'];

/**
 * Operations whose public, unauthenticated use shares one allowance per client address (60 a
 * minute): fuzzed on their own, slowly, so the other end-to-end tests can still sign in.
 */
export const PUBLIC_OPERATIONS =
  '^/api/v1/auth/(refresh|logout|token|jwks\\.json|password-reset/complete)$|^/api/v1/users/[^/]+/password-reset$';

/**
 * Never fuzzed against a shared stack: a wrong password counts towards the sign-in lockout, so
 * fuzzing these (the documented example of sign-in is a real demo user) would lock the demo
 * accounts that every other end-to-end test signs in with.
 */
export const LOCKOUT_OPERATIONS = '^/api/v1/auth/(login|password)$';

/**
 * Never fuzzed: a stream that stays open by design (server-sent events). Every valid request the
 * fuzzer sends it is held until its 15 s request timeout, some 100–200 s of each signed-in run for
 * nothing it can check; the stream is tested as its clients read it, through the gateway
 * (e2e/notifications) and on the service (its integration test: heartbeats, 401, Last-Event-ID).
 */
export const STREAMING_OPERATIONS = '^/api/v1/notifications/stream$';

/**
 * Never fuzzed: signing out everywhere ends every session of the fuzzer's user, and with them
 * its own token, so the rest of its run would meet 401 only (and another file's tokens of the
 * same user too). Tested by access-control's integration test and e2e/web-ui-administration.
 */
export const SESSION_ENDING_OPERATIONS = '^/api/v1/me/sessions$';

/** A signed-in demo user the fuzzer sends requests as. */
export interface FuzzIdentity {
  userId: string;
  accessToken: string;
}

export type FuzzPhase = 'examples' | 'coverage' | 'fuzzing' | 'stateful';

export interface FuzzRun {
  gatewayUrl: string;
  /** Whom every request is sent as; nobody (no token) when absent. */
  identity?: FuzzIdentity;
  /**
   * Users of other organisations who must not see what `identity` reads of its own (schemathesis'
   * object-level authorization check replays each of its successful reads as each of them).
   */
  peers?: FuzzIdentity[];
  /** Only these operations (a path regex); default every one. */
  includePath?: string;
  /** Never these (path regexes). */
  excludePaths?: string[];
  /** Test cases per operation and phase (schemathesis `--max-examples`). */
  maxExamples: number;
  /** Sequences over the document's links in the stateful phase, each of at most 6 calls; default maxExamples. */
  statefulScenarios?: number;
  /** Throttle, `<n>/<s|m>`. */
  rateLimit: string;
  seed?: number;
  phases: FuzzPhase[];
  /** Where the JUnit report, the configuration and the identities file go. */
  reportDir: string;
  log?: (line: string) => void;
}

export interface FuzzResult {
  exitCode: number | null;
  output: string;
  seconds: number;
  command: string;
}

export function schemathesisArgs(run: FuzzRun): string[] {
  const args = [
    'run',
    `${run.gatewayUrl}/api/docs-json`,
    '--checks',
    FUZZ_CHECKS,
    '--phases',
    run.phases.join(','),
    '--max-examples',
    String(run.maxExamples),
    '--workers',
    '1',
    '--request-timeout',
    '15',
    '--rate-limit',
    run.rateLimit,
    '--generation-database',
    'none',
    '--no-color',
    '--output-truncate',
    'false',
    '--report',
    'junit',
    '--report-dir',
    run.reportDir,
  ];
  if (run.seed !== undefined) args.push('--seed', String(run.seed));
  if (run.includePath) args.push('--include-path-regex', run.includePath);
  // Schemathesis keeps only the last of repeated --exclude-path-regex options: one alternation.
  if (run.excludePaths?.length)
    args.push('--exclude-path-regex', run.excludePaths.map((path) => `(?:${path})`).join('|'));
  return args;
}

/**
 * The run's configuration file (TOML). The identities are a Web Fuzzing Commons authentication
 * file beside it (schemathesis `[auth.wfc]`): the run's own user, pinned, and its peers, loaded
 * only for the object-level probes.
 */
export function schemathesisConfig(run: FuzzRun, identitiesFile: string): string {
  const statuses = (list: string[]) => `expected-statuses = [${list.map((status) => `"${status}"`).join(', ')}]`;
  const lines = [
    '[checks.positive_data_acceptance]',
    statuses(['2xx', '3xx', '401', '403', '404', '409', ...POSITIVE_DATA_ALSO_REFUSED_WITH, '429', '5xx']),
    '',
    '[checks.negative_data_rejection]',
    statuses(['400', '401', '403', '404', '405', '406', '409', ...NEGATIVE_DATA_ALSO_REFUSED_WITH, '415', '422', '428', '429', '5xx']),
    '',
    '[checks.missing_required_header]',
    statuses(['400', '401', '403', '406', '415', '422', ...MISSING_HEADER_ALSO_REFUSED_WITH]),
    '',
    // Only the links the document declares: inferred ones (from a listing's ids, say) could send an
    // LSO's PATCH or DELETE to a demo user that other tests sign in as.
    '[phases.stateful.inference]',
    'algorithms = []',
  ];
  if (run.statefulScenarios !== undefined) lines.push('', '[phases.stateful.generation]', `max-examples = ${run.statefulScenarios}`);
  if (run.identity) {
    const users = [run.identity, ...(run.peers ?? [])];
    lines.push('', '[auth.wfc]', `path = ${JSON.stringify(identitiesFile)}`, `user = ${JSON.stringify(run.identity.userId)}`);
    if (run.peers?.length) lines.push(`peers = [${users.map((user) => JSON.stringify(user.userId)).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** The Web Fuzzing Commons authentication document of a run's users: each sends its bearer token. */
function identitiesDocument(run: FuzzRun): string {
  const users = run.identity ? [run.identity, ...(run.peers ?? [])] : [];
  return JSON.stringify({
    schemaVersion: '1.0',
    auth: users.map((user) => ({ name: user.userId, fixedHeaders: [{ name: 'Authorization', value: `Bearer ${user.accessToken}` }] })),
  });
}

export async function fuzzGateway(run: FuzzRun): Promise<FuzzResult> {
  const { executable, version } = schemathesisExecutable(run.log);
  mkdirSync(run.reportDir, { recursive: true });
  // The tokens go in a file only this user may read, never on a command line.
  const identitiesFile = join(run.reportDir, 'identities.json');
  writeFileSync(identitiesFile, identitiesDocument(run), { mode: 0o600 });
  const configFile = join(run.reportDir, 'schemathesis.toml');
  writeFileSync(configFile, schemathesisConfig(run, identitiesFile));
  const args = ['--config-file', configFile, ...schemathesisArgs(run)];
  const command = [`schemathesis@${version}`, ...args.map((arg) => (/[\s|$^(]/.test(arg) ? `'${arg}'` : arg))].join(
    ' ',
  );
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, output, seconds: (Date.now() - started) / 1000, command }));
  });
}
