/**
 * Schemathesis (an OpenAPI fuzzer, a Python tool) in a virtualenv of its own under `.cache/`
 * (git-ignored): created on first use with a pinned version, reused while it holds that version.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SCHEMATHESIS_VERSION = '4.32.5';

const ROOT = resolve(__dirname, '../..');
export const SCHEMATHESIS_VENV = join(ROOT, '.cache', 'schemathesis-venv');
const STAMP = join(SCHEMATHESIS_VENV, '.cms-schemathesis-version');

export class SchemathesisUnavailable extends Error {}

function run(command: string, args: string[], what: string, timeoutMs: number): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutMs, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-20).join('\n');
    throw new SchemathesisUnavailable(
      `${what} failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`,
    );
  }
  return result.stdout;
}

function findPython(): string {
  for (const candidate of [process.env.PYTHON, 'python3', 'python'].filter((name): name is string => Boolean(name))) {
    const probe = spawnSync(candidate, ['-c', 'import sys, venv; print(sys.version_info[0])'], { encoding: 'utf8' });
    if (probe.status === 0 && probe.stdout.trim() === '3') return candidate;
  }
  throw new SchemathesisUnavailable(
    'The OpenAPI fuzz test needs Python 3 with the venv module (python3 -m venv), and none was found on PATH. ' +
      'Install Python 3 (e.g. apt-get install python3 python3-venv), or point PYTHON at a Python 3 interpreter.',
  );
}

/** The `schemathesis` executable of the pinned version, installing it first if need be. */
export function ensureSchemathesis(log: (line: string) => void = () => undefined): string {
  const executable = join(SCHEMATHESIS_VENV, 'bin', 'schemathesis');
  if (existsSync(executable) && existsSync(STAMP) && readFileSync(STAMP, 'utf8').trim() === SCHEMATHESIS_VERSION)
    return executable;

  const python = findPython();
  log(`installing schemathesis ${SCHEMATHESIS_VERSION} into ${SCHEMATHESIS_VENV}…`);
  rmSync(SCHEMATHESIS_VENV, { recursive: true, force: true });
  run(python, ['-m', 'venv', SCHEMATHESIS_VENV], `${python} -m venv ${SCHEMATHESIS_VENV}`, 120_000);
  const pip = join(SCHEMATHESIS_VENV, 'bin', 'pip');
  run(
    pip,
    ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    `pip install schemathesis==${SCHEMATHESIS_VERSION}`,
    600_000,
  );
  const version = run(executable, ['--version'], 'schemathesis --version', 60_000);
  if (!version.includes(SCHEMATHESIS_VERSION))
    throw new SchemathesisUnavailable(`expected schemathesis ${SCHEMATHESIS_VERSION}, got: ${version.trim()}`);
  writeFileSync(STAMP, `${SCHEMATHESIS_VERSION}\n`);
  return executable;
}

// `node -r @swc-node/register tools/fuzz/schemathesis.ts`: installs if need be, then prints the
// executable's path and version (tab-separated) on the last line (the end-to-end fuzz test runs it so).
if (require.main === module) {
  try {
    console.log(`${ensureSchemathesis((line) => console.error(line))}\t${SCHEMATHESIS_VERSION}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
}
