/**
 * The web app's build (web/, Vite), which the gateway serves from dist/web. `npm start` and the
 * end-to-end setup build it first when its sources are newer than the build (a second or two);
 * otherwise the build there is used as it is.
 *   node -r @swc-node/register tools/web/build-web.ts          build now (or: nx run web:build, after its typecheck)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '@cms/config';

const ROOT = repositoryRoot(__dirname);
const WEB = join(ROOT, 'web');
/** Where Vite writes the build (web/vite.config.mts) and the gateway reads it (WEB_APP_DIR). */
export const WEB_BUILD_DIR = join(ROOT, 'dist', 'web');

/** What the build is made from: the app's own files, and the installed packages' versions. */
function newestSourceTime(): number {
  let newest = statSync(join(ROOT, 'package-lock.json')).mtimeMs;
  const visit = (path: string) => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const name of readdirSync(WEB)) visit(join(WEB, name));
  return newest;
}

/** Whether the build is missing or older than a source file. */
export function webBuildIsStale(): boolean {
  const index = join(WEB_BUILD_DIR, 'index.html');
  return !existsSync(index) || statSync(index).mtimeMs < newestSourceTime();
}

/** Builds the web app with Vite; throws with Vite's output when the build fails. */
export function buildWeb(log: (line: string) => void): void {
  const started = Date.now();
  const vite = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', WEB, '--logLevel', 'warn'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  if (vite.status !== 0) throw new Error(`the web app did not build:\n${vite.stdout}${vite.stderr}`);
  log(`web app built in ${((Date.now() - started) / 1000).toFixed(1)} s (${WEB_BUILD_DIR})`);
}

/** Builds the web app unless the build is up to date. */
export function buildWebIfStale(log: (line: string) => void): void {
  if (webBuildIsStale()) buildWeb(log);
}

if (require.main === module) {
  try {
    buildWeb((line) => console.log(`web: ${line}`));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
