import { integer, list, text, url, urls, type Setting, type SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** An optional URL: unset or blank means none; anything else must be a URL with one of the protocols. */
function optionalUrl(protocols: string[]): Setting<string | undefined> {
  const parse = url({ protocols });
  return { read: (raw, name) => (raw === undefined || raw.trim() === '' ? undefined : parse.read(raw, name)) };
}

/** Settings of the notifications service (environment variables), beside the platform's. */
export const notificationsSettings = {
  PORT: catalogueServicePort('notifications'),
  /**
   * Seconds between heartbeats on a live stream (`/notifications/stream`): below every idle timeout
   * on the way (the gateway's upstream timeout, 15 s by default; load balancers'), so an open
   * stream with nothing to say is not cut.
   */
  NOTIFICATION_STREAM_HEARTBEAT_SECONDS: integer({ default: 10, min: 1, max: 60 }),
  /** PD: the hour, Great Britain time, at which the daily digest goes out on working days. */
  NOTIFICATION_DIGEST_HOUR: integer({ default: 8, min: 0, max: 23 }),
  /**
   * PD reference data: days the market is closed besides weekends and bank holidays (no digest
   * then), each `YYYY-MM-DD` (the same list as contact-logging's).
   */
  CLOSURE_DAYS: list({ default: [] }),
  /** SMTP server for alert emails, e.g. `smtp://127.0.0.1:2525`. Unset: emails are logged (recipient and subject) and not sent. */
  SMTP_URL: optionalUrl(['smtp', 'smtps']),
  MAIL_FROM: text({ default: 'CMS <no-reply@cms.invalid>' }),
  /** The web application emails link to: a contact at `/contacts/{crn}`, the email preferences at `/settings/notifications`. */
  WEB_APP_URL: url({ default: 'http://127.0.0.1:8080', protocols: ['http', 'https'] }),
  /** PD: a failed webhook delivery is first tried again after this many seconds, each wait twice the last… */
  WEBHOOK_FIRST_RETRY_SECONDS: integer({ default: 30, min: 1, max: 3_600 }),
  /** PD: …at most this long… */
  WEBHOOK_MAX_RETRY_SECONDS: integer({ default: 3_600, min: 1, max: 86_400 }),
  /** PD: …for this many hours after its first attempt; then it is given up and its endpoint disabled. */
  WEBHOOK_RETRY_HOURS: integer({ default: 24, min: 1, max: 168 }),
  /** PD: how long the previous secret still signs after a rotation. */
  WEBHOOK_SECRET_OVERLAP_HOURS: integer({ default: 24, min: 1, max: 720 }),
  /** How long an endpoint has to answer an attempt (within the timer's transaction: well under PostgreSQL's idle timeout). */
  WEBHOOK_TIMEOUT_MS: integer({ default: 5_000, min: 100, max: 10_000 }),
  /**
   * Hosts, addresses or ranges (CIDR) a webhook may reach though private, loopback or link-local
   * (server-side request forgery guard), e.g. `10.20.0.0/16,partner-gw.internal`. Empty: none.
   */
  WEBHOOK_ALLOWED_ADDRESSES: list({ default: [] }),
  /** access-control, asked for a user's email address when they choose email. */
  ACCESS_CONTROL_URL: urls({ default: 'http://127.0.0.1:8081' }),
  ACCESS_CONTROL_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
};

export type NotificationsConfig = SettingsOf<typeof notificationsSettings> & PlatformConfig;
