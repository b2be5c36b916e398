import { integer, type SettingsOf } from '@cms/config';
import { catalogueServicePort, type PlatformConfig } from '@cms/service-defaults';

/** Settings of the notifications service (environment variables), beside the platform's. */
export const notificationsSettings = {
  PORT: catalogueServicePort('notifications'),
  /**
   * Seconds between heartbeats on a live stream (`/notifications/stream`): below every idle timeout
   * on the way (the gateway's upstream timeout, 15 s by default; load balancers'), so an open
   * stream with nothing to say is not cut.
   */
  NOTIFICATION_STREAM_HEARTBEAT_SECONDS: integer({ default: 10, min: 1, max: 60 }),
};

export type NotificationsConfig = SettingsOf<typeof notificationsSettings> & PlatformConfig;
