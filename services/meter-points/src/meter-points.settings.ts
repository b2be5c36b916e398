import { integer, optionalText, type SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** Settings of the meter-points service (environment variables), beside the platform's. */
export const meterPointsSettings = {
  PORT: catalogueServicePort('meter-points'),
  /** A meter point extract (CSV) to import at start; unset means no import at start. */
  METER_POINT_EXTRACT: optionalText(),
  /** Rows per upsert statement (and per transaction) when importing an extract. */
  METER_POINT_IMPORT_BATCH_SIZE: integer({ default: 1_000, min: 1, max: 10_000 }),
};

export type MeterPointsConfig = SettingsOf<typeof meterPointsSettings> & PlatformConfig;
