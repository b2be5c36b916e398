// Jest globalTeardown of the integration project: stops what jest-global-setup.ts started and
// removes its temporary data. (Servers named by DATABASE_URL / KAFKA_BROKERS are left alone.)
import fs from 'node:fs';
import type {} from './jest-global-setup';

export default async function globalTeardown(): Promise<void> {
  const infrastructure = globalThis.__cmsTestInfrastructure;
  if (!infrastructure) return;
  globalThis.__cmsTestInfrastructure = undefined;
  const results = await Promise.allSettled([infrastructure.kafka.stop(), infrastructure.postgres.stop()]);
  fs.rmSync(infrastructure.dataDir, { recursive: true, force: true });
  for (const result of results) {
    if (result.status === 'rejected') {
      process.stderr.write(`Stopping the test infrastructure failed: ${String(result.reason)}\n`);
    }
  }
}
