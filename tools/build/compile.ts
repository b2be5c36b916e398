/**
 * One project's build (its Nx `build` target, nx.json): its TypeScript, tests aside, compiled file by
 * file with swc into dist/<project root>, beside the same layout (dist/services/gateway/src/main.js,
 * dist/libs/contracts/src/index.js), each with its source map, so that plain
 * `node --enable-source-maps dist/services/<name>/src/main.js` runs the service.
 *   node -r @swc-node/register tools/build/compile.ts services/gateway     (what `nx run gateway:build` runs)
 *
 * The @cms/* aliases (tsconfig.base.json `paths`) are rewritten to relative paths as each file is
 * compiled (swc's `jsc.paths`, as Jest's transform already does, jest.config.js): the output needs
 * no resolver at run time, and since dist/ keeps the sources' layout a relative path from one file
 * to another is the same there. Types are not checked here: `tsc --noEmit` does that (npm test).
 */
import { transformFile, type Options } from '@swc/core';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { repositoryRoot } from '@cms/config';
import { DIST } from './runtime';

export const ROOT = repositoryRoot(__dirname);

/** Files no build carries: tests and their helpers, declarations. */
export function isBuildSource(path: string): boolean {
  if (!path.endsWith('.ts') || path.endsWith('.d.ts')) return false;
  if (/\.(spec|int-spec|e2e-spec)\.ts$/.test(path)) return false;
  return !path.split('/').some((segment) => segment === 'test' || segment === 'node_modules');
}

/** The project's build sources, relative to the repository root. */
export function buildSources(projectRoot: string, root = ROOT): string[] {
  const found: string[] = [];
  const visit = (folder: string) => {
    for (const name of readdirSync(join(root, folder))) {
      const path = `${folder}/${name}`;
      if (statSync(join(root, path)).isDirectory()) {
        if (name !== 'node_modules' && name !== 'test') visit(path);
      } else if (isBuildSource(path)) found.push(path);
    }
  };
  visit(projectRoot);
  return found.sort();
}

/** The compiler settings of tsconfig.base.json, as swc takes them (the same as jest.config.js gives it). */
function swcOptions(root: string): Options {
  const { compilerOptions } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')) as {
    compilerOptions: { target: string; paths: Record<string, string[]> };
  };
  return {
    swcrc: false,
    configFile: false,
    sourceMaps: true,
    // Positions only: the maps stay small (every one is read at start under --enable-source-maps)
    // and point at the sources, which a stack trace names.
    inlineSourcesContent: false,
    module: { type: 'commonjs' },
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      target: compilerOptions.target.toLowerCase() as 'es2023',
      baseUrl: root,
      paths: compilerOptions.paths,
      // experimentalDecorators, emitDecoratorMetadata and useDefineForClassFields: false, as in
      // tsconfig.base.json: NestJS injects constructor parameters by their emitted types.
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      // NestJS and TypeORM name providers, entities and migrations by their classes' names.
      keepClassNames: true,
    },
  };
}

/** Compiles the project at `projectRoot` (relative to `root`) into `<root>/dist/<projectRoot>`, replacing what was there. */
export async function compileProject(projectRoot: string, root = ROOT): Promise<string[]> {
  const outDir = join(root, DIST, projectRoot);
  // A source removed since the last build must not leave its JavaScript behind.
  rmSync(outDir, { recursive: true, force: true });
  const options = swcOptions(root);
  const sources = buildSources(projectRoot, root);
  await Promise.all(
    sources.map(async (source) => {
      const output = join(root, DIST, source.replace(/\.ts$/, '.js'));
      const { code, map } = await transformFile(join(root, source), {
        ...options,
        sourceFileName: relative(dirname(output), join(root, source)),
      });
      mkdirSync(dirname(output), { recursive: true });
      writeFileSync(output, `${code}\n//# sourceMappingURL=${basename(output)}.map\n`);
      writeFileSync(`${output}.map`, map!);
    }),
  );
  return sources;
}

if (require.main === module) {
  const projectRoot = process.argv[2];
  if (!projectRoot || !existsSync(join(ROOT, projectRoot, 'project.json'))) {
    console.error('usage: node -r @swc-node/register tools/build/compile.ts <project root, e.g. services/gateway>');
    process.exit(64);
  }
  const started = Date.now();
  compileProject(projectRoot).then(
    (sources) =>
      console.log(`${projectRoot}: ${sources.length} files → ${DIST}/${projectRoot} in ${Date.now() - started} ms`),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
