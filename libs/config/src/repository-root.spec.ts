import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repositoryRoot } from './repository-root';

describe('repositoryRoot', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'cms-root-'));
    writeFileSync(join(root, 'package.json'), '{}');
    for (const folder of ['services/gateway/src', 'dist/services/gateway/src'])
      mkdirSync(join(root, folder), { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is the same folder from a module's source and from its build a folder deeper", () => {
    expect(repositoryRoot(join(root, 'services/gateway/src'))).toBe(root);
    expect(repositoryRoot(join(root, 'dist/services/gateway/src'))).toBe(root);
  });

  it('is this repository from this very module', () => {
    expect(repositoryRoot(__dirname)).toBe(join(__dirname, '../../..'));
  });

  it('says so when no folder above has a package.json', () => {
    rmSync(join(root, 'package.json'));
    expect(() => repositoryRoot(join(root, 'services/gateway/src'))).toThrow(/no package\.json/);
  });
});
