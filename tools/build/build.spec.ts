import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { BUILD_STAMP, buildIfStale, buildIsStale, builtProjectRoots } from './build';

/** A repository in miniature: a service, a library, tools/, the shared inputs, and a build of them. */
const SOURCES = [
  'package.json',
  'nx.json',
  'tsconfig.base.json',
  'services/meter-points/project.json',
  'services/meter-points/src/main.ts',
  'services/meter-points/src/domain/meter-point.ts',
  'services/meter-points/src/domain/meter-point.spec.ts',
  'services/meter-points/test/meter-points.int-spec.ts',
  'libs/contracts/project.json',
  'libs/contracts/src/index.ts',
  'tools/project.json',
  'tools/start.ts',
  'tools/build/compile.ts',
];
const BUILD = [
  'dist/services/meter-points/src/main.js',
  'dist/libs/contracts/src/index.js',
  'dist/tools/start.js',
  BUILD_STAMP,
];
const BUILT_AT = new Date('2026-12-02T09:00:00Z');
const EARLIER = new Date('2026-12-02T08:00:00Z');
const LATER = new Date('2026-12-02T10:00:00Z');

describe('the build npm start runs', () => {
  let root: string;
  const touch = (path: string, time: Date) => utimesSync(join(root, path), time, time);
  /** Every file and folder at `time`: creating them set their folders' times to now. */
  const setAllTimes = (folder: string, time: Date) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) setAllTimes(path, time);
      utimesSync(path, time, time);
    }
  };
  const builder = jest.fn();

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cms-build-'));
    for (const path of [...SOURCES, ...BUILD]) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), '');
    }
    setAllTimes(root, EARLIER);
    touch(BUILD_STAMP, BUILT_AT);
    builder.mockReset();
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('builds every service, every library and tools/ (the supervisor)', () => {
    expect(builtProjectRoots(root)).toEqual(['services/meter-points', 'libs/contracts', 'tools']);
  });

  it('does not build again when no source is newer than the last build', () => {
    expect(buildIsStale(root)).toBe(false);
    expect(buildIfStale(() => undefined, root, builder)).toBe(false);
    expect(builder).not.toHaveBeenCalled();
  });

  it.each([
    'services/meter-points/src/domain/meter-point.ts',
    'libs/contracts/src/index.ts',
    'tools/start.ts',
    'services/meter-points/project.json',
  ])('builds again when %s is newer than the last build', (source) => {
    touch(source, LATER);
    expect(buildIfStale(() => undefined, root, builder)).toBe(true);
    expect(builder).toHaveBeenCalledTimes(1);
  });

  it.each(['tsconfig.base.json', 'nx.json', 'tools/build/compile.ts'])(
    'builds again when the shared input %s is newer',
    (input) => {
      touch(input, LATER);
      expect(buildIsStale(root)).toBe(true);
    },
  );

  it('builds again when a source was added or removed (its folder is newer)', () => {
    touch('services/meter-points/src/domain', LATER);
    expect(buildIsStale(root)).toBe(true);
  });

  it('does not build again for a changed test, which no build holds', () => {
    touch('services/meter-points/src/domain/meter-point.spec.ts', LATER);
    touch('services/meter-points/test/meter-points.int-spec.ts', LATER);
    touch('services/meter-points/test', LATER);
    expect(buildIsStale(root)).toBe(false);
  });

  it('builds when there is no finished build, or a project of it is missing', () => {
    rmSync(join(root, 'dist/libs/contracts'), { recursive: true });
    expect(buildIsStale(root)).toBe(true);
    rmSync(join(root, BUILD_STAMP));
    expect(buildIsStale(root)).toBe(true);
  });
});
