/**
 * The build `npm start`, the benchmark and the image run: every service, the libraries and tools/
 * (the supervisor) compiled into dist/ by their Nx `build` targets (tools/build/compile.ts, cached
 * and incremental: a project is compiled again only when its own files changed).
 *   node -r @swc-node/register tools/build/build.ts              build now
 *   node -r @swc-node/register tools/build/build.ts --if-stale   only when a source is newer than the last build (tools/cms.sh start)
 *
 * Whether the build is stale is decided by the files' times, in milliseconds and without Nx (whose
 * own start takes seconds): the last build's start is kept as the time of BUILD_STAMP.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repositoryRoot } from '@cms/config';
import { DIST } from './runtime';

const ROOT = repositoryRoot(__dirname);
/** The Nx projects the build compiles, by tag: the services, the libraries and tools/. */
export const BUILT_PROJECTS = 'tag:type:service,tag:type:lib,tag:type:tooling';
/** Touched when a build succeeds, with the time it started: a source newer than it is not in the build. */
export const BUILD_STAMP = join(DIST, '.build-stamp');
/** Besides each project's own files, what every project's build reads (nx.json's `build` inputs). */
const SHARED_INPUTS = ['tsconfig.base.json', 'nx.json', 'tools/build/compile.ts'];

/** The roots of the built projects, relative to the repository: services/<name>, libs/<name>, tools. */
export function builtProjectRoots(root = ROOT): string[] {
  const under = (folder: string) =>
    readdirSync(join(root, folder))
      .filter((name) => existsSync(join(root, folder, name, 'project.json')))
      .map((name) => `${folder}/${name}`);
  return [...under('services'), ...under('libs'), 'tools'];
}

/**
 * The newest change under the built projects and the shared inputs, tests aside (a test changes no
 * build). Folders count too: adding, removing or renaming a file changes its folder's time.
 */
export function newestSourceTime(root = ROOT): number {
  let newest = Math.max(...SHARED_INPUTS.map((path) => statSync(join(root, path)).mtimeMs));
  const visit = (path: string) => {
    const stat = statSync(path);
    newest = Math.max(newest, stat.mtimeMs);
    if (!stat.isDirectory()) return;
    for (const name of readdirSync(path)) {
      if (name === 'node_modules' || name === 'test' || /\.(spec|int-spec|e2e-spec)\.ts$/.test(name)) continue;
      visit(join(path, name));
    }
  };
  for (const project of builtProjectRoots(root)) visit(join(root, project));
  return newest;
}

/** Whether the build is missing, was never finished, or a source is newer than its start. */
export function buildIsStale(root = ROOT): boolean {
  const stamp = join(root, BUILD_STAMP);
  if (!existsSync(stamp)) return true;
  if (builtProjectRoots(root).some((project) => !existsSync(join(root, DIST, project)))) return true;
  return statSync(stamp).mtimeMs < newestSourceTime(root);
}

/** Builds every built project through Nx (each restored from Nx's cache when its inputs are unchanged); throws with Nx's output when one fails. */
export function build(log: (line: string) => void, root = ROOT): void {
  const started = Date.now();
  const nx = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'),
      'run-many',
      '-t',
      'build',
      `--projects=${BUILT_PROJECTS}`,
      '--outputStyle=static',
    ],
    // Without the daemon: a start must not leave a background process behind.
    { cwd: root, encoding: 'utf8', env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' } },
  );
  if (nx.status !== 0) throw new Error(`the build failed:\n${nx.stdout}${nx.stderr}`);
  const stamp = join(root, BUILD_STAMP);
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, '');
  // The build's start, not its end: a file changed while it ran is newer than the build.
  utimesSync(stamp, started / 1000, started / 1000);
  log(`services built in ${((Date.now() - started) / 1000).toFixed(1)} s (dist/)`);
}

/** Builds unless the build is up to date; whether it built. */
export function buildIfStale(log: (line: string) => void, root = ROOT, builder: typeof build = build): boolean {
  if (!buildIsStale(root)) return false;
  builder(log, root);
  return true;
}

if (require.main === module) {
  const log = (line: string) => console.log(`cms: ${line}`);
  try {
    if (process.argv.includes('--if-stale')) buildIfStale(log);
    else build(log);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
