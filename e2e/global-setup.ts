import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStack, type Stack } from '@cms/stack';
import { startTestMailServer, type TestMailServer } from '@cms/testing';

/**
 * The stack's emails (password resets, alerts), from a real SMTP server: each message received is
 * written to `<dataDir>/mail/` as one JSON file (`ReceivedMail`), written under a temporary name and
 * then renamed, so that a test reading the folder never sees half a message (e2e/support/mail.ts).
 */
async function startMailFolder(mailDir: string): Promise<TestMailServer> {
  mkdirSync(mailDir, { recursive: true });
  let received = 0;
  return startTestMailServer((mail) => {
    const name = `${Date.now()}-${String(++received).padStart(6, '0')}`;
    writeFileSync(join(mailDir, `.${name}.tmp`), JSON.stringify(mail));
    renameSync(join(mailDir, `.${name}.tmp`), join(mailDir, `${name}.json`));
  });
}

/** Starts the whole stack once for every end-to-end test, exactly as `npm start` does (Zipkin too), on free ports. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-e2e-'));
  const smtp = await startMailFolder(join(dataDir, 'mail'));
  (globalThis as { cmsE2eSmtp?: TestMailServer }).cmsE2eSmtp = smtp;
  const smtpUrl = smtp.url;
  const stack = await startStack({
    dataDir,
    fresh: true,
    ports: 'free',
    zipkin: true,
    env: { SMTP_URL: smtpUrl },
    log: (line) => process.stdout.write(`e2e: ${line}\n`),
  });
  (globalThis as { cmsE2eStack?: Stack }).cmsE2eStack = stack;
  process.env.E2E_GATEWAY_URL = stack.gatewayUrl;
  process.env.E2E_KAFKA_BROKERS = stack.kafka.brokers.join(',');
  process.env.E2E_DATA_DIR = dataDir;
  if (stack.zipkin) process.env.E2E_ZIPKIN_URL = stack.zipkin.url;
  process.env.E2E_SMTP_URL = smtpUrl;
  process.stdout.write(`e2e: stack ready at ${stack.gatewayUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
}
