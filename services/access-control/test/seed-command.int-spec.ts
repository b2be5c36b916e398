/**
 * The seed command against a real database, as tools/stack.ts runs it before the services start:
 * tools/demo-data writes the demo file, the command migrates and inserts what is missing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify as verifyPassword } from '@node-rs/argon2';
import { Client } from 'pg';
import { DEMO_PASSWORD, demoOrganisations, demoUsers } from '@cms/demo-data';
import { createTestDatabase } from '@cms/testing';
// eslint-disable-next-line @nx/enforce-module-boundaries -- the tooling that runs the command, tested with it
import { seedAccessControl } from '../../../tools/demo-data/seed-access-control';

let databaseUrl: string;
let dataDir: string;

beforeAll(async () => {
  databaseUrl = await createTestDatabase('access_control_seed');
  dataDir = mkdtempSync(join(tmpdir(), 'access-seed-'));
});

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function query<T>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query(sql, values)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('seed command', () => {
  it('migrates an empty database and inserts the demo organisations and users; a second run keeps changed passwords', async () => {
    await seedAccessControl(databaseUrl, dataDir);
    const [{ organisations }] = await query<{ organisations: number }>('SELECT count(*)::int AS organisations FROM organisation');
    const [{ users }] = await query<{ users: number }>('SELECT count(*)::int AS users FROM user_account');
    expect(organisations).toBe(demoOrganisations().length);
    expect(users).toBe(demoUsers().length);
    const [user] = demoUsers();
    const [stored] = await query<{ password_hash: string; status: string }>(
      'SELECT password_hash, status FROM user_account WHERE user_id = $1',
      [user.userId],
    );
    expect(stored.status).toBe('ACTIVE');
    expect(await verifyPassword(stored.password_hash, DEMO_PASSWORD)).toBe(true);

    await query('UPDATE user_account SET password_hash = $1 WHERE user_id = $2', ['changed', user.userId]);
    await seedAccessControl(databaseUrl, dataDir);
    const [again] = await query<{ password_hash: string }>('SELECT password_hash FROM user_account WHERE user_id = $1', [user.userId]);
    expect(again.password_hash).toBe('changed');
    const [{ count }] = await query<{ count: number }>('SELECT count(*)::int AS count FROM user_account');
    expect(count).toBe(demoUsers().length);
  }, 120_000);
});
