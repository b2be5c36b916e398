import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack } from '@cms/stack';

/** Starts the whole stack once for every end-to-end test, exactly as `npm start` does, on free ports. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-e2e-'));
  const stack = await startStack({ dataDir, fresh: true, ports: 'free', log: (line) => process.stdout.write(`e2e: ${line}\n`) });
  (globalThis as { cmsE2eStack?: Stack }).cmsE2eStack = stack;
  process.env.E2E_GATEWAY_URL = stack.gatewayUrl;
  process.env.E2E_KAFKA_BROKERS = stack.kafka.brokers.join(',');
  process.env.E2E_DATA_DIR = dataDir;
  process.stdout.write(`e2e: stack ready at ${stack.gatewayUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
