import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';
import type { Mailer } from '../application/email.ports';
import type { OutgoingEmail } from '../domain';

/** The mailer the configuration asks for: SMTP when SMTP_URL is set; otherwise one that only logs (as access-control's). */
export function configuredMailer(config: { SMTP_URL?: string; MAIL_FROM: string }, logger: Logger): Mailer & { close(): void } {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new LogOnlyMailer(logger);
}

/** Email over SMTP (nodemailer), e.g. `smtp://127.0.0.1:2525`: plain text and HTML, with List-Unsubscribe (RFC 2369). */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(to: string, email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail({
      from: this.from,
      to,
      subject: email.subject,
      text: email.text,
      html: email.html,
      list: { unsubscribe: email.unsubscribeUrl },
    });
  }

  close(): void {
    this.transport.close();
  }
}

/** Without SMTP_URL no email leaves the service: the recipient and subject are logged. */
export class LogOnlyMailer implements Mailer {
  constructor(private readonly logger: Logger) {}

  send(to: string, email: OutgoingEmail): Promise<void> {
    this.logger.warn({ event: 'mail.not-sent', to, subject: email.subject }, 'SMTP_URL is not set: email logged, not sent');
    return Promise.resolve();
  }

  close(): void {}
}
