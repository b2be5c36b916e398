import { integer, loadConfig, url } from '@cms/config';

export const contactLoggingSettings = {
  PORT: integer({ default: 8083, min: 0, max: 65535 }),
  /** The meter point register, asked synchronously at logging time. */
  METER_POINTS_URL: url({ default: 'http://127.0.0.1:8082' }),
  METER_POINTS_TIMEOUT_MS: integer({ default: 3_000, min: 100 }),
};

export type ContactLoggingConfig = ReturnType<typeof loadContactLoggingConfig>;

export function loadContactLoggingConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(contactLoggingSettings, env);
}

export const CONTACT_LOGGING_CONFIG = Symbol('CONTACT_LOGGING_CONFIG');
