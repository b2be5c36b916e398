import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { Topics } from '@cms/contracts';
import { PlatformModule } from '@cms/service-defaults';
import { CONTACT_AUDIT_STORE } from './application/contact-audit.port';
import { ContactAuditQueries } from './application/contact-audit.queries';
import { CONTACT_STORE } from './application/contact-store.port';
import { ContactLifecycleHandler } from './application/contact-lifecycle.handler';
import { ContactQueries } from './application/contact.queries';
import { LogContactHandler } from './application/log-contact.handler';
import { METER_POINT_REGISTER } from './application/meter-point-register.port';
import { ORGANISATION_MEMBERS } from './application/organisation-members.port';
import { RESOLUTION_REASONS } from './application/resolution-reasons.port';
import type { ContactLoggingConfig } from './contact-logging.config';
import { ContactAuditController } from './http/contact-audit.controller';
import { ContactLifecycleController } from './http/contact-lifecycle.controller';
import { ContactsController } from './http/contacts.controller';
import { ResolutionReasonsController } from './http/resolution-reasons.controller';
import { AccessControlClient } from './infrastructure/access-control-client';
import { ContactAuditReader } from './infrastructure/contact-audit.reader';
import { ContactRepository } from './infrastructure/contact.repository';
import { MeterPointClient } from './infrastructure/meter-point-client';
import { ResolutionReasonRepository } from './infrastructure/resolution-reason.repository';
import { contactLoggingMigrations } from './infrastructure/migrations';

/** DTL and ISO contacts: logging, their lifecycle to an outcome, reads, the audit of their state changes. */
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
    controllers: [ContactsController, ContactLifecycleController, ResolutionReasonsController, ContactAuditController],
    providers: [
      LogContactHandler,
      ContactLifecycleHandler,
      ContactQueries,
      ContactAuditQueries,
      { provide: CONTACT_STORE, useClass: ContactRepository },
      { provide: METER_POINT_REGISTER, useClass: MeterPointClient },
      { provide: ORGANISATION_MEMBERS, useClass: AccessControlClient },
      { provide: CONTACT_AUDIT_STORE, useClass: ContactAuditReader },
      { provide: RESOLUTION_REASONS, useClass: ResolutionReasonRepository },
    ],
  })
  class ContactLoggingModule {}
  return ContactLoggingModule;
}
