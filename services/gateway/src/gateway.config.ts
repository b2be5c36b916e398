import { integer, loadConfig, text, url } from '@cms/config';

export const gatewaySettings = {
  PORT: integer({ default: 8080, min: 0, max: 65535 }),
  ACCESS_CONTROL_URL: url({ default: 'http://127.0.0.1:8081' }),
  METER_POINTS_URL: url({ default: 'http://127.0.0.1:8082' }),
  CONTACT_LOGGING_URL: url({ default: 'http://127.0.0.1:8083' }),
  AUTH_JWKS_URL: url({ default: 'http://127.0.0.1:8081/.well-known/jwks.json' }),
  AUTH_ISSUER: text({ default: 'urn:cms:access-control' }),
  /** Largest request body accepted, in bytes. */
  GATEWAY_BODY_LIMIT_BYTES: integer({ default: 64 * 1024, min: 1024, max: 10 * 1024 * 1024 }),
  /** How long to wait for a service before answering 504. */
  GATEWAY_UPSTREAM_TIMEOUT_MS: integer({ default: 15_000, min: 100 }),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(gatewaySettings, env);
}
