import { base64Key, integer, text, url, type Setting, type SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** An optional URL: unset or blank means none; anything else must be a URL with one of the protocols. */
function optionalUrl(protocols: string[]): Setting<string | undefined> {
  const parse = url({ protocols });
  return { read: (raw, name) => (raw === undefined || raw.trim() === '' ? undefined : parse.read(raw, name)) };
}

/** The settings of the access-control service (besides the platform's); each is an environment variable. */
export const accessControlSettings = {
  PORT: catalogueServicePort('access-control'),
  /** `iss` of the tokens issued here; the same variable every service's verifier reads. */
  AUTH_ISSUER: text({ default: 'urn:cms:access-control' }),
  ACCESS_TOKEN_TTL_SECONDS: integer({ default: 300, min: 30, max: 3_600 }),
  REFRESH_TOKEN_TTL_HOURS: integer({ default: 12, min: 1, max: 720 }),
  /** Consecutive failed sign-ins that lock an account (docs/quality.md "Security"). */
  LOCKOUT_THRESHOLD: integer({ default: 5, min: 1, max: 100 }),
  LOCKOUT_MINUTES: integer({ default: 15, min: 1, max: 1_440 }),
  /**
   * SMTP server for password-reset emails, e.g. `smtp://127.0.0.1:2525`. Unset: emails are logged
   * (recipient and subject, never the link) and not sent.
   */
  SMTP_URL: optionalUrl(['smtp', 'smtps']),
  MAIL_FROM: text({ default: 'CMS <no-reply@cms.invalid>' }),
  /** The web page that completes a reset; the emailed link is this with `?token=…`. */
  PASSWORD_RESET_URL_BASE: url({ default: 'http://127.0.0.1:8080/reset-password', protocols: ['http', 'https'] }),
  PASSWORD_RESET_TTL_MINUTES: integer({ default: 30, min: 5, max: 1_440 }),
  /** At most one reset email per user per this many seconds, however often it is asked for. */
  PASSWORD_RESET_EMAIL_INTERVAL_SECONDS: integer({ default: 60, min: 0, max: 86_400 }),
  /**
   * A key made by a rotation is published in the JWKS this long before it signs, so that every
   * verifier has it before the first token it signs arrives: the JWKS may be cached for 60 s, and a
   * verifier refetches on an unknown `kid` at most every 30 s. 0 signs at once (tests only).
   */
  SIGNING_KEY_ACTIVATION_DELAY_SECONDS: integer({ default: 120, min: 0, max: 86_400 }),
  /**
   * A retired key stays in the JWKS for the access-token lifetime plus this margin, which covers
   * replicas still signing with it for a few seconds after the switch, and clock skew.
   */
  SIGNING_KEY_RETIREMENT_MARGIN_SECONDS: integer({ default: 300, min: 10, max: 86_400 }),
  /**
   * Seals the signing keys' private halves in the database (AES-256-GCM): 32 random bytes in base64,
   * a secret of the deployment kept apart from the database (`openssl rand -base64 32`). Required;
   * `npm start` makes one for its data folder. Changing it makes the stored keys unreadable.
   */
  SIGNING_KEY_ENCRYPTION_KEY: base64Key({ bytes: 32 }),
  /** Rotate the signing key on its own when it is this many days old; 0 only rotates when a CDSP administrator asks. */
  SIGNING_KEY_ROTATION_DAYS: integer({ default: 90, min: 0, max: 3_650 }),
};

export type AccessControlConfig = SettingsOf<typeof accessControlSettings> & PlatformConfig;
