import { boolean, integer, loadConfig, text } from '@cms/config';

/** The settings of the access-control service (besides the platform's); each is an environment variable. */
export const accessControlSettings = {
  PORT: integer({ default: 8081, min: 0, max: 65_535 }),
  /** `iss` of the tokens issued here; the same variable every service's verifier reads. */
  AUTH_ISSUER: text({ default: 'urn:cms:access-control' }),
  ACCESS_TOKEN_TTL_SECONDS: integer({ default: 300, min: 30, max: 3_600 }),
  REFRESH_TOKEN_TTL_HOURS: integer({ default: 12, min: 1, max: 720 }),
  /** Consecutive failed sign-ins that lock an account (docs/quality.md "Security"). */
  LOCKOUT_THRESHOLD: integer({ default: 5, min: 1, max: 100 }),
  LOCKOUT_MINUTES: integer({ default: 15, min: 1, max: 1_440 }),
  /** Insert the demo organisations and users at start. Demo and test environments only. */
  DEMO_DATA: boolean({ default: false }),
};

export type AccessControlConfig = ReturnType<typeof loadAccessControlConfig>;

export function loadAccessControlConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(accessControlSettings, env);
}

export const ACCESS_CONTROL_CONFIG = Symbol('ACCESS_CONTROL_CONFIG');
