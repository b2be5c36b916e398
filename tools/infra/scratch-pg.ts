import { startLocalPostgres } from './local-postgres';
import { Client } from 'pg';
(async () => {
  const t = Date.now();
  const pg = await startLocalPostgres({ dataDir: process.argv[2]!, log: (l) => console.log(`[${Date.now() - t}ms] ${l}`), fresh: process.argv[3] === 'fresh' });
  const url = await pg.createDatabase('demo');
  await pg.createDatabase('demo');
  const c = new Client(url); await c.connect();
  console.log((await c.query('select version(), current_database(), current_setting(\'fsync\') f')).rows);
  await c.end();
  if (process.argv[4] === 'crash') { console.log('crashing'); process.kill(process.pid, 'SIGKILL'); }
  if (process.argv[4] === 'exit') { console.log('exiting without stop'); process.exit(0); }
  await pg.stop();
  console.log(`stopped after ${Date.now() - t}ms`);
})().catch((e) => { console.error(e.name === 'InfraError' ? e.message : e); process.exit(1); });
