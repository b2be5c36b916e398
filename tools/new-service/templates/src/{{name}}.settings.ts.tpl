import type { SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** Settings of the {{name}} service (environment variables), beside the platform's. */
export const {{camelName}}Settings = {
  PORT: catalogueServicePort('{{name}}'),
};

export type {{PascalName}}Config = SettingsOf<typeof {{camelName}}Settings> & PlatformConfig;
