import { Client, type Pool } from 'pg';
import type { DataSource } from 'typeorm';
import { createTestDatabase } from '@cms/testing';
import { openServiceDataSource } from '../src/data-source';

/**
 * A service's connections when PostgreSQL ends their sessions (a restart, a failover: 57P01): a
 * transaction that holds its connection between two statements, waiting on something else, must
 * fail cleanly, and the process must carry on with fresh connections.
 */
describe('a service data source when the server ends its sessions', () => {
  let databaseUrl: string;
  let dataSource: DataSource;
  const uncaught: unknown[] = [];
  const recordUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('persistence_sessions');
    dataSource = await openServiceDataSource({ url: databaseUrl, entities: [], migrations: [] });
    process.on('uncaughtException', recordUncaught);
  });

  afterAll(async () => {
    process.off('uncaughtException', recordUncaught);
    await dataSource?.destroy();
  });

  async function endSession(pid: number): Promise<void> {
    const admin = new Client({ connectionString: databaseUrl });
    await admin.connect();
    try {
      expect((await admin.query('SELECT pg_terminate_backend($1) AS ended', [pid])).rows).toEqual([{ ended: true }]);
    } finally {
      await admin.end();
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  it('a connection lent out of the pool (no one listening on it) whose session ends: nothing is thrown at the process; its next statement fails', async () => {
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const connection = await pool.connect();
    const { rows } = await connection.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await endSession(rows[0].pid);

    expect(uncaught).toEqual([]);
    await expect(connection.query('SELECT 1')).rejects.toThrow();
    connection.release(true);
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('a transaction whose session ends between statements fails on its next one; nothing is thrown at the process; the next work succeeds', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');

    // The server ends that session while the transaction waits between two statements.
    await endSession(pid);

    await expect(runner.query('SELECT 1')).rejects.toThrow();
    await runner.release();
    expect(uncaught).toEqual([]);
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
