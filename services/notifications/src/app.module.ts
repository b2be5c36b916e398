import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { closureDaysFrom, WorkingDayCalendars } from '@cms/gas-market';
import { CONTACT_ANONYMISED_HANDLER, involvedContactProviders, involvedContactsConsumer } from '@cms/involved-contacts';
import { PlatformModule } from '@cms/service-defaults';
import { ALERT_STORE } from './application/alert-store.port';
import { Alerting } from './application/alerting';
import { EMAIL_TIMERS, EmailNotifications } from './application/email-notifications';
import { EMAIL_PREFERENCE_STORE, EMAIL_SETTINGS, MAILER, USER_DIRECTORY, type EmailSettings } from './application/email.ports';
import { NotificationPreferences } from './application/notification-preferences';
import { NotificationRetention } from './application/notification-retention';
import { WEBHOOK_ADDRESS_GUARD, WEBHOOK_SENDER, WEBHOOK_SETTINGS, WEBHOOK_STORE, type WebhookSettings } from './application/webhook.ports';
import { WEBHOOK_TIMER, Webhooks } from './application/webhooks';
import { WebhooksController } from './http/webhooks.controller';
import { WebhookRepository } from './infrastructure/webhook.repository';
import { AddressGuard, HttpWebhookSender } from './infrastructure/webhook.sender';
import { NotificationPreferencesController } from './http/notification-preferences.controller';
import { AccessControlClient } from './infrastructure/access-control.client';
import { EmailPreferenceRepository } from './infrastructure/email-preference.repository';
import { configuredMailer } from './infrastructure/smtp.mailer';
import { NotificationsQueries } from './application/notifications.queries';
import { NEW_ALERT_SIGNALS, NotificationStreams, STREAM_SETTINGS, type StreamSettings } from './application/notification-streams';
import { NotificationStreamController } from './http/notification-stream.controller';
import { NotificationsController } from './http/notifications.controller';
import { AlertRepository } from './infrastructure/alert.repository';
import { ALERT_SIGNALS_DATABASE_URL, AlertSignalsListener } from './infrastructure/alert-signals.listener';
import { alertsConsumer, AlertsConsumer } from './infrastructure/alerts.consumer';
import { notificationsMigrations } from './infrastructure/migrations';
import type { NotificationsConfig } from './notifications.settings';

/** Notifications (docs/domain.md "Alerts"): alerts from the lifecycle's events, each to whom it concerns, live, by email, and as partner systems' webhooks. */
export function notificationsModule(config: NotificationsConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'notifications',
        logger,
        migrations: notificationsMigrations,
        consumes: [
          // Consumer group `notifications.contacts`: the copy of each contact (who is involved, who investigates it),
          // and the end of its retention period (NotificationRetention).
          involvedContactsConsumer(),
          // Consumer group `notifications.alerts`: the events that make alerts.
          alertsConsumer(),
        ],
        // Alerts by email: one alert at once, or a user's daily digest.
        timers: [
          { kind: EMAIL_TIMERS.alert, handler: EmailNotifications },
          { kind: EMAIL_TIMERS.digest, handler: EmailNotifications },
          // Each webhook delivery's next attempt.
          { kind: WEBHOOK_TIMER, handler: Webhooks },
        ],
        // No partnerScopes: a partner system has no notifications area (it gets webhooks).
      }),
    ],
    controllers: [NotificationStreamController, NotificationsController, NotificationPreferencesController, WebhooksController],
    providers: [
      ...involvedContactProviders,
      NotificationRetention,
      { provide: CONTACT_ANONYMISED_HANDLER, useExisting: NotificationRetention },
      Alerting,
      AlertsConsumer,
      NotificationsQueries,
      { provide: ALERT_STORE, useClass: AlertRepository },
      NotificationStreams,
      AlertSignalsListener,
      { provide: NEW_ALERT_SIGNALS, useExisting: AlertSignalsListener },
      { provide: ALERT_SIGNALS_DATABASE_URL, useValue: config.DATABASE_URL },
      EmailNotifications,
      NotificationPreferences,
      { provide: EMAIL_PREFERENCE_STORE, useClass: EmailPreferenceRepository },
      { provide: USER_DIRECTORY, useClass: AccessControlClient },
      { provide: MAILER, useFactory: () => configuredMailer(config, logger) },
      { provide: EMAIL_SETTINGS, useValue: { digestHour: config.NOTIFICATION_DIGEST_HOUR, webAppUrl: config.WEB_APP_URL } satisfies EmailSettings },
      { provide: WorkingDayCalendars, useValue: new WorkingDayCalendars(closureDaysFrom(config.CLOSURE_DAYS)) },
      Webhooks,
      { provide: WEBHOOK_STORE, useClass: WebhookRepository },
      { provide: WEBHOOK_ADDRESS_GUARD, useValue: new AddressGuard(config.WEBHOOK_ALLOWED_ADDRESSES) },
      { provide: WEBHOOK_SENDER, useFactory: (guard: AddressGuard) => new HttpWebhookSender(guard, config.WEBHOOK_TIMEOUT_MS), inject: [WEBHOOK_ADDRESS_GUARD] },
      {
        provide: WEBHOOK_SETTINGS,
        useValue: {
          firstRetrySeconds: config.WEBHOOK_FIRST_RETRY_SECONDS,
          maxRetrySeconds: config.WEBHOOK_MAX_RETRY_SECONDS,
          retryForHours: config.WEBHOOK_RETRY_HOURS,
          secretOverlapHours: config.WEBHOOK_SECRET_OVERLAP_HOURS,
        } satisfies WebhookSettings,
      },
      { provide: STREAM_SETTINGS, useValue: { heartbeatMs: config.NOTIFICATION_STREAM_HEARTBEAT_SECONDS * 1000 } satisfies StreamSettings },
    ],
  })
  class NotificationsModule {}
  return NotificationsModule;
}
