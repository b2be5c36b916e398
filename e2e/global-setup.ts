import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { startStack, type Stack } from '@cms/stack';

/**
 * A real SMTP server for the stack's emails (password resets). Each message received is written
 * to `<dataDir>/mail/` as one JSON file (`{ to, from, raw }`), written under a temporary name and
 * then renamed, so that a test reading the folder never sees half a message.
 */
async function startMailServer(mailDir: string): Promise<SMTPServer> {
  mkdirSync(mailDir, { recursive: true });
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        try {
          const name = `${Date.now()}-${String(++received).padStart(6, '0')}`;
          const message = {
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            raw: Buffer.concat(chunks).toString('utf8'),
          };
          writeFileSync(join(mailDir, `.${name}.tmp`), JSON.stringify(message));
          renameSync(join(mailDir, `.${name}.tmp`), join(mailDir, `${name}.json`));
          callback();
        } catch (error) {
          callback(error as Error);
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return server;
}

/** Starts the whole stack once for every end-to-end test, exactly as `npm start` does (Zipkin too), on free ports. */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'cms-e2e-'));
  const smtp = await startMailServer(join(dataDir, 'mail'));
  (globalThis as { cmsE2eSmtp?: SMTPServer }).cmsE2eSmtp = smtp;
  const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
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
