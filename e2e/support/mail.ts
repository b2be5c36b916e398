/** The emails the stack sent, as received by the test SMTP server that e2e/global-setup.ts starts. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodedMail, type ReceivedMail } from '@cms/testing';

export type { ReceivedMail };

function mailDir(): string {
  const dataDir = process.env.E2E_DATA_DIR;
  if (!dataDir) throw new Error('E2E_DATA_DIR is not set: run through the e2e Jest project');
  return join(dataDir, 'mail');
}

/** Every email received so far, oldest first. */
export function receivedMails(): ReceivedMail[] {
  return readdirSync(mailDir())
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(mailDir(), name), 'utf8')) as ReceivedMail);
}

/** The emails received so far for one address. */
export function mailsTo(address: string): ReceivedMail[] {
  const wanted = address.toLowerCase();
  return receivedMails().filter((mail) => mail.to.some((to) => to.toLowerCase() === wanted));
}

/** Waits for the first email to an address (the stack sends after answering, so it may lag). */
export async function waitForMailTo(address: string, timeoutMs = 15_000): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [mail] = mailsTo(address);
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no email to ${address} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The token of the password-reset link in an email. */
export function resetTokenIn(mail: ReceivedMail): string {
  const match = /\/reset-password\?token=([A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/.exec(decodedMail(mail));
  if (!match) throw new Error(`no password-reset link in:\n${decodedMail(mail)}`);
  return match[1];
}
