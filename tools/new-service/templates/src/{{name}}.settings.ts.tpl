import { integer, type SettingsOf } from '@cms/config';
import type { PlatformConfig } from '@cms/service-defaults';

/** Settings of the {{name}} service (environment variables), beside the platform's. */
export const {{camelName}}Settings = {
  /** Its catalogue port (libs/catalogue), used when run by hand: `npm start`, compose and Kubernetes set PORT. */
  PORT: integer({ default: {{port}}, min: 0, max: 65_535 }),
};

export type {{PascalName}}Config = SettingsOf<typeof {{camelName}}Settings> & PlatformConfig;
