import type { SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** Settings of the notifications service (environment variables), beside the platform's. */
export const notificationsSettings = {
  PORT: catalogueServicePort('notifications'),
};

export type NotificationsConfig = SettingsOf<typeof notificationsSettings> & PlatformConfig;
