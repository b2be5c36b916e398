import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@cms/testing';
import { contactLogged, insertOutboxRows, openTestDataSource, outboxRow } from '../libs/messaging/test/messaging-fixtures';

const ROOT = resolve(__dirname, '..');

/** Runs `npm run outbox -- <args>` as cms.sh does, against the given database. */
function outbox(args: string[], databaseUrl: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['-r', '@swc-node/register', resolve(ROOT, 'tools/outbox.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl } },
      (error, stdout, stderr) => done({ code: error ? Number(error.code) : 0, stdout, stderr }),
    );
  });
}

describe('npm run outbox', () => {
  let dataSource: DataSource;
  let databaseUrl: string;
  const parked = contactLogged();
  const published = contactLogged();

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('outbox_command');
    dataSource = await openTestDataSource(databaseUrl);
    await insertOutboxRows(dataSource, [outboxRow('cms.contacts.v1', parked), outboxRow('cms.contacts.v1', published)]);
    await dataSource.query(
      `UPDATE outbox_message SET parked_at = now(), attempts = 5, last_error = 'MESSAGE_TOO_LARGE: The request included a message larger than the max message size the server will accept'
        WHERE id = $1`,
      [parked.id],
    );
    await dataSource.query('UPDATE outbox_message SET published_at = now() WHERE id = $1', [published.id]);
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  it('lists the parked rows, requeues one, and says so clearly when there is nothing to requeue', async () => {
    const listed = await outbox(['parked'], databaseUrl);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('1 parked outbox message in outbox_command_');
    expect(listed.stdout).toMatch(new RegExp(`${parked.id}  cms\\.contacts\\.v1  ${parked.subject}  \\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z  5         MESSAGE_TOO_LARGE: The request`));
    expect(listed.stdout).not.toContain(published.id);

    const unknown = await outbox(['requeue', '00000000-0000-4000-8000-000000000000'], databaseUrl);
    expect(unknown).toEqual({ code: 1, stdout: '', stderr: expect.stringContaining('No outbox message 00000000-0000-4000-8000-000000000000 in outbox_command_') });
    const notParked = await outbox(['requeue', published.id], databaseUrl);
    expect(notParked).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(new RegExp(`Outbox message ${published.id} is not parked: it was published at `)) });

    const requeued = await outbox(['requeue', parked.id], databaseUrl);
    expect(requeued).toEqual({ code: 0, stdout: expect.stringContaining(`Requeued ${parked.id}`), stderr: '' });
    const [row] = await dataSource.query('SELECT parked_at, attempts FROM outbox_message WHERE id = $1', [parked.id]);
    expect(row).toEqual({ parked_at: null, attempts: 0 });

    expect(await outbox(['parked'], databaseUrl)).toEqual({ code: 0, stdout: expect.stringContaining('No parked outbox messages in outbox_command_'), stderr: '' });
    expect(await outbox(['requeue', '--all'], databaseUrl)).toEqual({ code: 0, stdout: expect.stringContaining('nothing to requeue'), stderr: '' });
  });

  it('exits 64 with the usage for a command line that makes no sense, and 1 when the database cannot be reached', async () => {
    const usage = await outbox(['requeue', 'C000000001'], databaseUrl);
    expect(usage).toEqual({ code: 64, stdout: '', stderr: expect.stringContaining('"C000000001" is not an outbox message id') });
    expect(usage.stderr).toContain('usage: npm run outbox -- <command>');

    const unreachable = await outbox(['parked'], 'postgres://postgres:secret@127.0.0.1:1/cms_contact_logging');
    expect(unreachable).toEqual({ code: 1, stdout: '', stderr: expect.stringContaining('Could not connect to postgres://postgres:***@127.0.0.1:1/cms_contact_logging') });
  });
});
