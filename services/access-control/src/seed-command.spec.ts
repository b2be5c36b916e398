import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/** Runs the seed command on a file with these contents; the file is refused before any database is opened. */
function seedWith(contents: string): { status: number | null; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'access-seed-'));
  try {
    const file = join(dir, 'seed.json');
    writeFileSync(file, contents, 'utf8');
    const run = spawnSync(process.execPath, ['-r', '@swc-node/register', join(__dirname, 'seed-command.ts'), file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: 'postgres://nobody@127.0.0.1:9/never-opened' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    return { status: run.status, stderr: run.stderr.replace(dir, '<dir>') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('seed command', () => {
  it('refuses a file that breaks the rules, naming every problem, with exit status 65', () => {
    const seed = {
      organisations: [{ id: '3f1c1a52-5f0e-4d55-9b43-1d0f9f0a7c01', shortCode: 'bwe', name: 'Bright Water Energy', type: 'SHIPPER' }],
      users: [{ userId: 'bwe.user', displayName: 'Alex', email: 'bwe.user@example.test', organisationShortCode: 'BWE', roles: ['CDSP_ADMIN'], password: 'x' }],
    };
    const { status, stderr } = seedWith(JSON.stringify(seed));
    expect(stderr).toContain('access-control seed: <dir>/seed.json: the seed is refused:\n');
    expect(stderr).toContain('  - organisations[0].shortCode: not three capital letters\n');
    expect(stderr).toContain('  - users[0].password: ');
    expect(status).toBe(65);
  }, 60_000);

  it('refuses a file that is not JSON', () => {
    const { status, stderr } = seedWith('{ organisations: ');
    expect(stderr).toContain('access-control seed: <dir>/seed.json: it is not JSON: ');
    expect(status).toBe(65);
  }, 60_000);
});
