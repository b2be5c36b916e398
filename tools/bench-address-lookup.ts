/**
 * `npm run bench`'s postcode look-up: `GET /api/v1/addresses?postcode=` through the gateway at 10
 * concurrent clients, with 10,000 delivery points in address-lookup's table, then 1,000,000 (the
 * synthetic PAF files of tools/demo-data/write-paf-file.ts, each imported with the service's import
 * command, which replaces the table). Postcodes are drawn at random from the file loaded.
 */
import { execFileSync } from 'node:child_process';
import { Agent, request } from 'node:http';
import { join, resolve } from 'node:path';
import { syntheticPafRecords } from './demo-data/addresses';
import { writeSyntheticPafFile } from './demo-data/write-paf-file';
import { Prng } from './demo-data/prng';
import type { Stack } from './stack';

const ROOT = resolve(__dirname, '..');
const SIZES = [10_000, 1_000_000];
const CLIENTS = 10;
const REQUESTS = 2_000;
const WARM_UP = 1_000;

export interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  throughput: number;
}

/** The bench's `measure`: runs `work` `total` times with `clients` concurrent callers. */
export type Measure = (clients: number, total: number, work: (client: number) => Promise<void>) => Promise<Latencies>;

/** Runs the look-ups and gives the Markdown table. `token`: a signed-in user's access token. */
export async function benchAddressLookup(stack: Stack, dataDir: string, token: string, measure: Measure, log: (line: string) => void): Promise<string> {
  let agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const get = (path: string) =>
    new Promise<number>((resolvePromise, reject) => {
      const outgoing = request(new URL(path, stack.gatewayUrl), { agent, headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, (incoming) => {
        incoming.resume();
        incoming.on('end', () => resolvePromise(incoming.statusCode ?? 0));
        incoming.on('error', reject);
      });
      outgoing.on('error', reject);
      outgoing.end();
    });

  const rows: string[] = [];
  for (const size of SIZES) {
    const file = join(dataDir, `paf-${size}.csv`);
    writeSyntheticPafFile(file, size);
    log(`address look-up: importing ${size} delivery points`);
    const started = performance.now();
    execFileSync(join(ROOT, 'node_modules/.bin/node'), ['-r', '@swc-node/register', 'services/address-lookup/src/import-command.ts', file], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: stack.databaseUrls['address-lookup'] },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const importSeconds = (performance.now() - started) / 1000;
    // The gateway has closed the connections left idle through the import: new ones.
    agent.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: 64 });

    const postcodes = [...new Set(Array.from(syntheticPafRecords(size), (record) => record.address.postcode))];
    const rng = new Prng(size);
    const lookUp = async () => {
      const status = await get(`/api/v1/addresses?postcode=${encodeURIComponent(rng.pick(postcodes))}`);
      if (status !== 200) throw new Error(`postcode look-up answered ${status}`);
    };
    log(`address look-up: ${CLIENTS} concurrent on ${size} delivery points`);
    await measure(CLIENTS, WARM_UP, lookUp);
    const measured = await measure(CLIENTS, REQUESTS, lookUp);
    rows.push(
      `| ${size.toLocaleString('en-GB')} | ${postcodes.length.toLocaleString('en-GB')} | ${importSeconds.toFixed(0)} s | ${REQUESTS} | ${measured.p50.toFixed(1)} | ${measured.p95.toFixed(1)} | ${measured.p99.toFixed(1)} | ${measured.throughput.toFixed(0)} |`,
    );
  }
  agent.destroy();
  return `
### Postcode look-up through the gateway (ms), ${CLIENTS} concurrent clients, by delivery points loaded

| delivery points | postcodes | import | requests | p50 | p95 | p99 | req/s |
|---|---|---|---|---|---|---|---|
${rows.join('\n')}
`;
}
