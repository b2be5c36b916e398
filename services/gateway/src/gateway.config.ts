import { join } from 'node:path';
import { gatewayEntry, localUrlOf, routedServices, urlSettingOf, type RoutedServiceName, type UrlSetting } from '@cms/catalogue';
import { ConfigError, integer, list, loadConfig, repositoryRoot, text, url, urls, type Setting } from '@cms/config';

/** A comma-separated list of exact browser origins (`https://host[:port]`), for CORS. */
function origins(): Setting<string[]> {
  const items = list({ default: [] });
  return {
    read: (raw, name) => {
      const values = items.read(raw, name);
      for (const value of values) {
        let parsed: URL | undefined;
        try {
          parsed = new URL(value);
        } catch {
          parsed = undefined;
        }
        if (!parsed || !['http:', 'https:'].includes(parsed.protocol) || parsed.origin !== value.replace(/\/+$/, '').toLowerCase()) {
          throw new ConfigError([`${name} must list origins such as https://cms.example.com (scheme, host, optional port), got "${value}"`]);
        }
      }
      return values;
    },
  };
}

/**
 * Where each service behind the gateway listens: one `<NAME>_URL` per service with routes in the
 * catalogue (ACCESS_CONTROL_URL, METER_POINTS_URL, …), by default its local port; with several
 * replicas and nothing in front of them, each replica's URL, comma-separated (the gateway
 * balances across them, proxy.ts).
 */
const upstreamUrlSettings = Object.fromEntries(
  routedServices().map((service) => [urlSettingOf(service.name), urls({ default: localUrlOf(service.name) })]),
) as Record<UrlSetting<RoutedServiceName>, Setting<string[]>>;

export const gatewaySettings = {
  /** Its catalogue port (libs/catalogue) unless set. */
  PORT: integer({ default: gatewayEntry().port, min: 0, max: 65535 }),
  ...upstreamUrlSettings,
  AUTH_JWKS_URL: url({ default: 'http://127.0.0.1:8081/.well-known/jwks.json' }),
  AUTH_ISSUER: text({ default: 'urn:cms:access-control' }),
  /** The Kafka brokers: the gateway reads access-control's ended sessions (cms.access.v1) from them. */
  KAFKA_BROKERS: list({ default: ['127.0.0.1:9092'] }),
  /** The access tokens' lifetime (access-control's setting of the same name): how long an ended session is remembered, plus a minute. */
  ACCESS_TOKEN_TTL_SECONDS: integer({ default: 300, min: 1 }),
  /** Largest request body accepted, in bytes. */
  GATEWAY_BODY_LIMIT_BYTES: integer({ default: 64 * 1024, min: 1024, max: 10 * 1024 * 1024 }),
  /** How long to wait for a service before answering 504. */
  GATEWAY_UPSTREAM_TIMEOUT_MS: integer({ default: 15_000, min: 100 }),
  /** Sustained requests a minute one organisation may send (all its users and clients together), per gateway replica. */
  RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: integer({ default: 600, min: 1 }),
  /** Requests one organisation may send at once after a quiet spell (the token bucket's size). */
  RATE_LIMIT_PER_ORGANISATION_BURST: integer({ default: 100, min: 1 }),
  /** Sustained requests a minute to the public routes (sign-in and its companions) from one client IP, per replica. */
  RATE_LIMIT_PUBLIC_PER_IP_PER_MINUTE: integer({ default: 60, min: 1 }),
  /** Requests to the public routes one client IP may send at once. */
  RATE_LIMIT_PUBLIC_PER_IP_BURST: integer({ default: 60, min: 1 }),
  /** Browser origins allowed cross-origin access (comma-separated); empty: none. */
  CORS_ALLOWED_ORIGINS: origins(),
  /** The built web app the gateway serves at `/` (tools/web/build-web.ts writes it): the repository's dist/web unless set. */
  WEB_APP_DIR: text({ default: join(repositoryRoot(__dirname), 'dist', 'web') }),
};

export type GatewayConfig = ReturnType<typeof loadGatewayConfig>;

export function loadGatewayConfig(env: Record<string, string | undefined> = process.env) {
  return loadConfig(gatewaySettings, env);
}
