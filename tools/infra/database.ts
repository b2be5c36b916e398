import { Client } from 'pg';
import { sleep } from './processes';

export { databaseUrl, ensureDatabase } from '@cms/persistence';

/**
 * Waits until a connection to `url` succeeds and answers a query. `failed()` is checked between
 * attempts: return an Error to stop waiting (for example when the server process has exited).
 */
export async function waitForPostgres(
  url: string,
  timeoutMs: number,
  failed: () => Error | undefined = () => undefined,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    const stop = failed();
    if (stop) throw stop;
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch (error) {
      last = error;
    } finally {
      await client.end().catch(() => undefined);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `PostgreSQL did not accept connections within ${timeoutMs / 1000} s: ${(last as Error)?.message ?? last}`,
      );
    }
    await sleep(100);
  }
}
