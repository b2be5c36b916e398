/**
 * How a service (or one of its commands) is run: from its build under dist/ with plain Node, as in
 * production (`npm start`, the benchmark, the image), or from its TypeScript sources through
 * @swc-node/register, with nothing to build first (the tests).
 */
import { join } from 'node:path';
import { repositoryRoot } from '@cms/config';

const ROOT = repositoryRoot(__dirname);
/** Where every project's build goes, under its own root (dist/services/gateway, dist/libs/contracts, dist/tools). */
export const DIST = 'dist';

export type Runtime = 'compiled' | 'sources';

/** Node's arguments that run `entryPoint` (a TypeScript file, relative to the repository) in `runtime`. */
export function nodeArguments(runtime: Runtime, entryPoint: string, root = ROOT): string[] {
  return runtime === 'compiled'
    ? ['--enable-source-maps', join(root, DIST, entryPoint.replace(/\.ts$/, '.js'))]
    : ['--enable-source-maps', '-r', '@swc-node/register', join(root, entryPoint)];
}
