import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@cms/contracts';
import { PlatformModule } from '@cms/service-defaults';
import { LOGGED_CONTACT_STORE } from './application/logged-contact-store.port';
import { LoggedContacts } from './application/logged-contacts';
import { LoggedContactsController } from './http/logged-contacts.controller';
import { ContactLoggedConsumer } from './infrastructure/contact-logged.consumer';
import { LoggedContactRepository } from './infrastructure/logged-contact.repository';
import { notificationsMigrations } from './infrastructure/migrations';
import type { NotificationsConfig } from './notifications.settings';

/** Notifications: the contacts logged in CMS, recorded from cms.contacts.v1 and read by the organisations involved. */
export function notificationsModule(config: NotificationsConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'notifications',
        logger,
        migrations: notificationsMigrations,
        // Consumer group `notifications.contacts`: the replicas of this service share the topic's partitions.
        consumes: [{ name: 'contacts', topics: [Topics.contacts], handler: ContactLoggedConsumer }],
        // No partnerScopes: partner systems' tokens are refused here until this service says what they need.
      }),
    ],
    controllers: [LoggedContactsController],
    providers: [
      LoggedContacts,
      { provide: LOGGED_CONTACT_STORE, useClass: LoggedContactRepository },
      ContactLoggedConsumer,
    ],
  })
  class NotificationsModule {}
  return NotificationsModule;
}
