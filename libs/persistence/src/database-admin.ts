import { Client } from 'pg';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The URL of database `name` on the server of `adminUrl` (same credentials and parameters). */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = '/' + encodeURIComponent(name);
  return url.toString();
}

function quoteIdentifier(name: string): string {
  return '"' + name.replace(/"/g, '""') + '"';
}

/** Postgres error codes that mean "someone else created it at the same moment". */
const ALREADY_EXISTS = new Set(['42P04', '23505']);
/** "source database template1 is being accessed by other users": retry. */
const OBJECT_IN_USE = '55006';

/**
 * Creates database `name` on the server of `adminUrl` unless it exists; returns its URL.
 * Safe to call concurrently for the same name.
 */
export async function ensureDatabase(adminUrl: string, name: string): Promise<string> {
  if (!name || Buffer.byteLength(name) > 63) {
    throw new Error(`invalid database name ${JSON.stringify(name)} (1 to 63 bytes)`);
  }
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
      if (found.rowCount) break;
      try {
        await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        break;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (ALREADY_EXISTS.has(code)) break;
        if (code === OBJECT_IN_USE && attempt < 20) {
          await sleep(100 * attempt);
          continue;
        }
        throw error;
      }
    }
  } finally {
    await client.end().catch(() => undefined);
  }
  return databaseUrl(adminUrl, name);
}

