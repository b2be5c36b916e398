// Manual check of the provisioning: starts PostgreSQL and Kafka as `npm start` would, prints
// where they are and how long they took, then stops them (or holds them until Ctrl-C).
//
//   node_modules/.bin/node -r @swc-node/register tools/infra/try-provision.ts [--data DIR] [--fresh] [--hold]
//
// --data DIR  data directory (default: a new temporary directory, removed afterwards)
// --fresh     start from empty data
// --hold      keep running until Ctrl-C
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describeInfraError, KafkaBroker, Postgres, provisionKafka, provisionPostgres, redactUrl } from './index';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const at = args.indexOf('--data');
  const temp = at < 0;
  const dataDir = temp ? fs.mkdtempSync(path.join(os.tmpdir(), 'cms-infra-')) : path.resolve(args[at + 1] ?? '.data');
  const fresh = args.includes('--fresh') || temp;
  const t0 = Date.now();
  const log = (line: string) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1).padStart(5)} s] ${line}`);

  let postgres: Postgres | undefined;
  let kafka: KafkaBroker | undefined;
  const stop = async () => {
    const s = Date.now();
    await Promise.all([kafka?.stop(), postgres?.stop()]);
    log(`stopped in ${((Date.now() - s) / 1000).toFixed(1)} s`);
    if (temp) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const tPg = Date.now();
    const pgReady = provisionPostgres({ dataDir, log, fresh }).then((p) => {
      postgres = p;
      log(`postgres (${p.kind}) ready after ${((Date.now() - tPg) / 1000).toFixed(1)} s: ${redactUrl(p.adminUrl)}`);
    });
    const tKafka = Date.now();
    const kafkaReady = provisionKafka({ dataDir, log, fresh }).then((k) => {
      kafka = k;
      log(`kafka (${k.kind}) ready after ${((Date.now() - tKafka) / 1000).toFixed(1)} s: ${k.brokers.join(',')}`);
    });
    const results = await Promise.allSettled([pgReady, kafkaReady]);
    const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const url = await postgres!.createDatabase('cms_try');
    log(`database cms_try: ${redactUrl(url)}`);
  } catch (error) {
    console.error(describeInfraError(error));
    await stop();
    process.exitCode = 1;
    return;
  }
  if (args.includes('--hold')) {
    log('holding; Ctrl-C to stop');
    // The servers' child processes do not keep Node's event loop alive on their own.
    const keepAlive = setInterval(() => undefined, 60_000);
    await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
    clearInterval(keepAlive);
  }
  await stop();
}

void main();
