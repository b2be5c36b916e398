import { createTransport, type Transporter } from 'nodemailer';
import type { Logger } from 'pino';

import type { AccessControlConfig } from '../access-control.config';
import type { Mailer, OutgoingMail } from '../application/mail.port';

/** The mailer the configuration asks for: SMTP when SMTP_URL is set; otherwise one that only logs. */
export function configuredMailer(config: Pick<AccessControlConfig, 'SMTP_URL' | 'MAIL_FROM'>, logger: Logger): Mailer {
  return config.SMTP_URL ? new SmtpMailer(config.SMTP_URL, config.MAIL_FROM) : new LogOnlyMailer(logger);
}

/** Email over SMTP (nodemailer), e.g. `smtp://127.0.0.1:2525` or `smtps://user:pass@host:465`. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text });
  }

  close(): void {
    this.transport.close();
  }
}

/**
 * Without SMTP_URL no email leaves the service: the recipient and subject are logged, never the
 * body, because the body carries a secret (a reset link).
 */
export class LogOnlyMailer implements Mailer {
  constructor(private readonly logger: Logger) {}

  send(mail: OutgoingMail): Promise<void> {
    this.logger.warn(
      { event: 'mail.not-sent', to: mail.to, subject: mail.subject },
      'SMTP_URL is not set: email logged, not sent',
    );
    return Promise.resolve();
  }

  close(): void {}
}
