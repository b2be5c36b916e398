import { integer, loadConfig, optionalText } from '@cms/config';

/**
 * Settings of the meter-points service (environment variables), beside the platform settings
 * every service reads (DATABASE_URL, KAFKA_BROKERS, AUTH_JWKS_URL, AUTH_ISSUER, DB_POOL_SIZE).
 */
export const meterPointsSettings = {
  PORT: integer({ default: 8082, min: 0, max: 65_535 }),
  /** A meter point extract (CSV) to import at start; unset means no import at start. */
  METER_POINT_EXTRACT: optionalText(),
  /** Rows per upsert statement (and per transaction) when importing an extract. */
  METER_POINT_IMPORT_BATCH_SIZE: integer({ default: 1_000, min: 1, max: 10_000 }),
};

export type MeterPointsSettings = ReturnType<typeof loadMeterPointsSettings>;

export function loadMeterPointsSettings(env: Record<string, string | undefined> = process.env) {
  return loadConfig(meterPointsSettings, env);
}
