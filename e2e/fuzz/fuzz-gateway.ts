/**
 * One schemathesis run against the gateway's merged OpenAPI document (`/api/docs-json`), with the
 * checks the quality bar asks for: no server error, and every answer within its documented status
 * codes, content types and response schema. Bounded so that a run stays well under a minute or
 * two on two cores, and throttled below the gateway's rate limits.
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

export const FUZZ_CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];

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

export interface FuzzRun {
  gatewayUrl: string;
  /** A bearer token to send with every request, if any. */
  token?: string;
  /** Only these operations (a path regex); default every one. */
  includePath?: string;
  /** Never these (a path regex). */
  excludePaths?: string[];
  /** Test cases per operation and phase (schemathesis `--max-examples`). */
  maxExamples: number;
  /** Throttle, `<n>/<s|m>`. */
  rateLimit: string;
  seed?: number;
  /** Schemathesis phases; default examples, coverage (boundary and negative values) and fuzzing. */
  phases?: Array<'examples' | 'coverage' | 'fuzzing'>;
  /** Where the JUnit report goes. */
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
    FUZZ_CHECKS.join(','),
    '--phases',
    (run.phases ?? ['examples', 'coverage', 'fuzzing']).join(','),
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

export async function fuzzGateway(run: FuzzRun): Promise<FuzzResult> {
  const { executable, version } = schemathesisExecutable(run.log);
  mkdirSync(run.reportDir, { recursive: true });
  // The token goes in through the environment (a config file refers to it), never on a command line.
  const configFile = join(run.reportDir, 'schemathesis.toml');
  writeFileSync(configFile, run.token ? 'headers = { Authorization = "Bearer ${CMS_FUZZ_TOKEN}" }\n' : '');
  const args = ['--config-file', configFile, ...schemathesisArgs(run)];
  const command = [`schemathesis@${version}`, ...args.map((arg) => (/[\s|$^(]/.test(arg) ? `'${arg}'` : arg))].join(
    ' ',
  );
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(executable, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, CMS_FUZZ_TOKEN: run.token ?? '', NO_COLOR: '1' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (exitCode) => resolve({ exitCode, output, seconds: (Date.now() - started) / 1000, command }));
  });
}
