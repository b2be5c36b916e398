import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** An email as the test's SMTP server received it. */
export interface ReceivedMail {
  to: string[];
  from: string | null;
  /** The whole message as sent (headers and body, still transfer-encoded). */
  raw: string;
}

export interface TestMailServer {
  /** `smtp://127.0.0.1:<port>`, for a service's SMTP_URL. */
  url: string;
  close(): Promise<void>;
}

/**
 * A real SMTP server (smtp-server) on a free port of 127.0.0.1 that hands every message it
 * receives to `received`, for the tests of what services email. No authentication, no TLS: it
 * listens on the loopback only. A message `received` throws on is refused to the sender.
 */
export async function startTestMailServer(received: (mail: ReceivedMail) => void): Promise<TestMailServer> {
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
          received({
            to: session.envelope.rcptTo.map((recipient) => recipient.address),
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            raw: Buffer.concat(chunks).toString('utf8'),
          });
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
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The message's text with quoted-printable soft line breaks and escapes undone. */
export function decodedMail(mail: ReceivedMail): string {
  return mail.raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
