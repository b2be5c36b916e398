import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { catalogueEntries, healthPaths } from '@cms/catalogue';
import { createTestDatabase, testKafkaBrokers } from '@cms/testing';
import { freePort } from '../infra/free-port';
import { spawnService, waitUntilReady, type ServiceProcess } from '../stack';
import { build, buildIsStale } from './build';
import { ROOT } from './compile';

/** The packages a compiled file requires (swc writes every import as `require("…")`). */
function requiredBy(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
}

/**
 * Every package the compiled service needs at run time, following its relative requires through
 * dist/ from its main.js: each one must resolve there, and each package must be one the image's
 * `npm install --omit=dev` installs (no compiler, no test tool).
 */
function packagesNeededBy(main: string): Set<string> {
  const packages = new Set<string>();
  const visited = new Set<string>();
  const visit = (file: string) => {
    if (visited.has(file)) return;
    visited.add(file);
    for (const request of requiredBy(file)) {
      if (request.startsWith('.')) visit(createRequire(file).resolve(request));
      else packages.add(request.startsWith('@') ? request.split('/').slice(0, 2).join('/') : request.split('/')[0]);
    }
  };
  visit(main);
  return packages;
}

describe('the services compiled (nx run-many -t build)', () => {
  beforeAll(() => build(() => undefined), 300_000);

  it.each(catalogueEntries.map((entry) => entry.name))("emits %s's entry point with its source map", (name) => {
    const main = join(ROOT, 'dist/services', name, 'src/main.js');
    expect(existsSync(main)).toBe(true);
    expect(readFileSync(main, 'utf8')).toMatch(/\/\/# sourceMappingURL=main\.js\.map\n$/);
    expect(JSON.parse(readFileSync(`${main}.map`, 'utf8')).sources).toEqual([
      `../../../../services/${name}/src/main.ts`,
    ]);
  });

  it('emits the supervisor, which npm start runs with plain node', () => {
    expect(existsSync(join(ROOT, 'dist/tools/start.js'))).toBe(true);
  });

  it('is up to date once built: npm start does not build it again', () => {
    expect(buildIsStale()).toBe(false);
  });

  it.each(catalogueEntries.map((entry) => entry.name))(
    'leaves %s nothing to resolve at run time but its own files and production dependencies',
    (name) => {
      // What `npm install --omit=dev` installs: the lockfile's packages not marked dev (or devOptional).
      const { packages } = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
        packages: Record<string, { dev?: boolean; devOptional?: boolean }>;
      };
      const installed = (name: string) => {
        const entry = packages[`node_modules/${name}`];
        return entry !== undefined && !entry.dev && !entry.devOptional;
      };
      const builtins = new Set(builtinModules);
      const needed = [...packagesNeededBy(join(ROOT, 'dist/services', name, 'src/main.js'))];
      expect(needed).toContain('@nestjs/core');
      expect(needed.filter((name) => !builtins.has(name) && !name.startsWith('node:') && !installed(name))).toEqual([]);
    },
  );

  it('finds the web app where the build of the gateway looks for it, a folder deeper than its source', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { loadGatewayConfig } = require(join(ROOT, 'dist/services/gateway/src/gateway.config.js'));
    expect(loadGatewayConfig({}).WEB_APP_DIR).toBe(join(ROOT, 'dist/web'));
  });

  describe('a compiled service', () => {
    let dataDir: string;
    let service: ServiceProcess | undefined;
    beforeAll(() => {
      dataDir = mkdtempSync(join(tmpdir(), 'cms-compiled-'));
      mkdirSync(join(dataDir, 'logs'));
    });
    afterAll(async () => {
      if (service && service.child.exitCode === null) {
        const exited = new Promise((resolve) => service!.child.once('exit', resolve));
        service.child.kill('SIGTERM');
        await exited;
      }
      rmSync(dataDir, { recursive: true, force: true });
    });

    it('starts with plain node, as npm start and the image start it, and answers its readiness check', async () => {
      const env = {
        DATABASE_URL: await createTestDatabase('compiled_meter_points'),
        KAFKA_BROKERS: testKafkaBrokers().join(','),
        OTEL_SDK_DISABLED: 'true',
      };
      service = spawnService('meter-points', 0, await freePort(), dataDir, env, 'compiled');
      expect(service.child.spawnargs.slice(1)).toEqual([
        '--enable-source-maps',
        join(ROOT, 'dist/services/meter-points/src/main.js'),
      ]);
      await waitUntilReady(service);
      const ready = await fetch(`${service.url}${healthPaths.ready}`);
      expect(ready.status).toBe(200);
    });
  });
});
