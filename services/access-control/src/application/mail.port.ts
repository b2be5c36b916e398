export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
}

/** Port: sends email. */
export interface Mailer {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

export const MAILER = Symbol('MAILER');
