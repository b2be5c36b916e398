/**
 * `npm test`: every check, in order of cost, stopping at the first that fails:
 *   typecheck → lint (module boundaries included) → unit → integration (real PostgreSQL and Kafka)
 *   → end to end (the whole stack as `npm start` runs it, driven through the gateway).
 * Extra arguments go to every Jest run (e.g. a path filter).
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
const node = process.execPath;
const jest = resolve(ROOT, 'node_modules/jest/bin/jest.js');
const extra = process.argv.slice(2);

interface Step {
  name: string;
  args: string[];
  env?: Record<string, string>;
}

const steps: Step[] = [
  { name: 'typecheck', args: [resolve(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json', '--noEmit'] },
  // The module-boundary rule reads Nx's project graph; computing it first makes the rule run.
  { name: 'project graph', args: [resolve(ROOT, 'node_modules/nx/dist/bin/nx.js'), 'show', 'projects'], env: { NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  { name: 'lint', args: [resolve(ROOT, 'node_modules/eslint/bin/eslint.js'), '--max-warnings=0', '.'], env: { NX_DAEMON: 'false' } },
  { name: 'unit tests', args: [jest, '--selectProjects', 'unit', '--ci', ...extra] },
  { name: 'integration tests', args: [jest, '--selectProjects', 'integration', '--ci', '--runInBand', ...extra] },
  { name: 'end-to-end tests', args: [jest, '--selectProjects', 'e2e', '--ci', '--runInBand', ...extra] },
];

const results: { name: string; ok: boolean; seconds: number }[] = [];
for (const step of steps) {
  console.log(`\n── ${step.name} ─────────────────────────────────────────`);
  const started = Date.now();
  const run = spawnSync(node, step.args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...step.env } });
  const ok = run.status === 0;
  results.push({ name: step.name, ok, seconds: (Date.now() - started) / 1000 });
  if (!ok) break;
}

console.log('\n── summary ─────────────────────────────────────────────');
for (const result of results) console.log(`${result.ok ? 'ok  ' : 'FAIL'}  ${result.name.padEnd(20)} ${result.seconds.toFixed(1)} s`);
const failed = results.some((result) => !result.ok);
process.exit(failed ? 1 : 0);
