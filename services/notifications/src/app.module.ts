import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { involvedContactProviders, involvedContactsConsumer } from '@cms/involved-contacts';
import { PlatformModule } from '@cms/service-defaults';
import { ALERT_STORE } from './application/alert-store.port';
import { Alerting } from './application/alerting';
import { NotificationsQueries } from './application/notifications.queries';
import { NEW_ALERT_SIGNALS, NotificationStreams, STREAM_SETTINGS, type StreamSettings } from './application/notification-streams';
import { NotificationStreamController } from './http/notification-stream.controller';
import { NotificationsController } from './http/notifications.controller';
import { AlertRepository } from './infrastructure/alert.repository';
import { ALERT_SIGNALS_DATABASE_URL, AlertSignalsListener } from './infrastructure/alert-signals.listener';
import { alertsConsumer, AlertsConsumer } from './infrastructure/alerts.consumer';
import { notificationsMigrations } from './infrastructure/migrations';
import type { NotificationsConfig } from './notifications.settings';

/** Notifications (docs/domain.md "Alerts"): alerts from the lifecycle's events, each to whom it concerns. */
export function notificationsModule(config: NotificationsConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'notifications',
        logger,
        migrations: notificationsMigrations,
        consumes: [
          // Consumer group `notifications.contacts`: the copy of each contact (who is involved, who investigates it).
          involvedContactsConsumer(),
          // Consumer group `notifications.alerts`: the events that make alerts.
          alertsConsumer(),
        ],
        // No partnerScopes: a partner system has no notifications area (it gets webhooks).
      }),
    ],
    controllers: [NotificationStreamController, NotificationsController],
    providers: [
      ...involvedContactProviders,
      Alerting,
      AlertsConsumer,
      NotificationsQueries,
      { provide: ALERT_STORE, useClass: AlertRepository },
      NotificationStreams,
      AlertSignalsListener,
      { provide: NEW_ALERT_SIGNALS, useExisting: AlertSignalsListener },
      { provide: ALERT_SIGNALS_DATABASE_URL, useValue: config.DATABASE_URL },
      { provide: STREAM_SETTINGS, useValue: { heartbeatMs: config.NOTIFICATION_STREAM_HEARTBEAT_SECONDS * 1000 } satisfies StreamSettings },
    ],
  })
  class NotificationsModule {}
  return NotificationsModule;
}
