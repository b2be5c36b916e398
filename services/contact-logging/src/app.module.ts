import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@cms/contracts';
import { PlatformModule } from '@cms/service-defaults';
import { CONTACT_AUDIT_STORE } from './application/contact-audit.port';
import { ContactAuditQueries } from './application/contact-audit.queries';
import { CONTACT_STORE } from './application/contact-store.port';
import { ContactQueries } from './application/contact.queries';
import { LogContactHandler } from './application/log-contact.handler';
import { METER_POINT_REGISTER } from './application/meter-point-register.port';
import type { ContactLoggingConfig } from './contact-logging.config';
import { ContactAuditController } from './http/contact-audit.controller';
import { ContactsController } from './http/contacts.controller';
import { ContactAuditReader } from './infrastructure/contact-audit.reader';
import { ContactRepository } from './infrastructure/contact.repository';
import { MeterPointClient } from './infrastructure/meter-point-client';
import { contactLoggingMigrations } from './infrastructure/migrations';

/** DTL and ISO contacts: logging, reads, the audit of their state changes. */
export function contactLoggingModule(config: ContactLoggingConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'contact-logging',
        logger,
        migrations: contactLoggingMigrations,
        publishes: [Topics.contacts],
        idempotency: true,
        partnerScopes: { resource: 'contacts' },
      }),
    ],
    controllers: [ContactsController, ContactAuditController],
    providers: [
      LogContactHandler,
      ContactQueries,
      ContactAuditQueries,
      { provide: CONTACT_STORE, useClass: ContactRepository },
      { provide: METER_POINT_REGISTER, useClass: MeterPointClient },
      { provide: CONTACT_AUDIT_STORE, useClass: ContactAuditReader },
    ],
  })
  class ContactLoggingModule {}
  return ContactLoggingModule;
}
