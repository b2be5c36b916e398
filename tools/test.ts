/**
 * `npm test`: every check, in order of cost, stopping at the first that fails:
 *   typecheck → lint (module boundaries included) → unit → integration (real PostgreSQL and Kafka)
 *   → end to end (the whole stack as `npm start` runs it, driven through the gateway).
 * Extra arguments go to every Jest run (e.g. a path filter).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const node = process.execPath;
const jest = resolve(ROOT, 'node_modules/jest/bin/jest.js');
const extra = process.argv.slice(2);

interface Step {
  name: string;
  args: string[];
  env?: Record<string, string>;
  /** Jest's JSON report of this step, for the closing count. */
  report?: string;
  /** Show only what it writes to stderr. */
  quiet?: boolean;
}

const REPORTS = resolve(ROOT, 'reports');
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });
const jestStep = (name: string, project: string, ...flags: string[]): Step => {
  const report = resolve(REPORTS, `${project}.json`);
  return { name, report, args: [jest, '--selectProjects', project, '--ci', ...flags, '--json', `--outputFile=${report}`, ...extra] };
};

const steps: Step[] = [
  { name: 'typecheck', args: [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  // The web app has its own settings (the browser's DOM, JSX, bundler resolution): web/tsconfig.json.
  { name: 'typecheck web', args: [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-b', 'web'] },
  // The module-boundary rule reads Nx's project graph; computing it first makes the rule run.
  { name: 'project graph', args: [resolve(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' }, quiet: true },
  { name: 'lint', args: [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--max-warnings=0', '.'], env: { NX_DAEMON: 'false' } },
  jestStep('unit tests', 'unit'),
  // In band, every suite runs in Jest's own process: a client a failing suite leaves open (a Kafka
  // client retrying a broker the teardown stopped) would keep it alive for ever after the last
  // result, so it exits when the run is over. `jest --detectOpenHandles <suite>` finds such a leak.
  jestStep('integration tests', 'integration', '--runInBand', '--forceExit'),
  jestStep('end-to-end tests', 'e2e', '--runInBand', '--forceExit'),
];

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
  console.log(`\n── ${step.name} ─────────────────────────────────────────`);
  const started = Date.now();
  const run = spawnSync(node, step.args, {
    cwd: ROOT,
    stdio: step.quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    env: { ...process.env, ...step.env },
  });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) break;
}

console.log('\n── summary ─────────────────────────────────────────────');
for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.name.padEnd(20)} ${result.seconds.toFixed(1)} s`);
let passed = 0;
let failedTests = 0;
for (const step of steps) {
  if (!step.report || !existsSync(step.report)) continue;
  const report = JSON.parse(readFileSync(step.report, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  passed += report.numPassedTests;
  failedTests += report.numFailedTests;
}
const failed = results.some((result) => !result.ok) || results.length < steps.length;
// The closing count CI reads; a step that failed without a test failing (typecheck, lint) counts as one.
console.log(`\n${passed} passed, ${failedTests + (failed && failedTests === 0 ? 1 : 0)} failed`);
process.exit(failed ? 1 : 0);
