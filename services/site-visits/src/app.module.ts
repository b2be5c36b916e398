import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@cms/contracts';
import { PlatformModule } from '@cms/service-defaults';
import { LOGGED_CONTACT_STORE } from './application/logged-contact-store.port';
import { LoggedContacts } from './application/logged-contacts';
import { LoggedContactsController } from './http/logged-contacts.controller';
import { ContactLoggedConsumer } from './infrastructure/contact-logged.consumer';
import { LoggedContactRepository } from './infrastructure/logged-contact.repository';
import { siteVisitsMigrations } from './infrastructure/migrations';
import { partnerFeedConsumer, partnerFeedProviders } from './partner-feed';
import type { SiteVisitsConfig } from './site-visits.settings';

/** Site visits: the contacts logged in CMS, recorded from cms.contacts.v1 and read by the organisations involved. */
export function siteVisitsModule(config: SiteVisitsConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'site-visits',
        logger,
        migrations: siteVisitsMigrations,
        // Consumer group `site-visits.contacts`: the replicas of this service share the topic's partitions.
        consumes: [{ name: 'contacts', topics: [Topics.contacts], handler: ContactLoggedConsumer }, partnerFeedConsumer],
        // No partnerScopes: partner systems' tokens are refused here until this service says what they need.
      }),
    ],
    controllers: [LoggedContactsController],
    providers: [
      LoggedContacts,
      { provide: LOGGED_CONTACT_STORE, useClass: LoggedContactRepository },
      ContactLoggedConsumer,
      ...partnerFeedProviders,
    ],
  })
  class SiteVisitsModule {}
  return SiteVisitsModule;
}
