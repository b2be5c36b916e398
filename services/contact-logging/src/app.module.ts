import { Module } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { Topics } from '@cms/contracts';
import { createLogger } from '@cms/observability';
import { DATA_SOURCE, idempotencyMigrations, IdempotentRequests, PlatformModule } from '@cms/service-defaults';
import { ContactAuditQueries } from './application/contact-audit.queries';
import { ContactQueries } from './application/contact.queries';
import { LogContactHandler } from './application/log-contact.handler';
import { CONTACT_LOGGING_CONFIG, loadContactLoggingConfig, type ContactLoggingConfig } from './contact-logging.config';
import { ContactAuditController } from './http/contact-audit.controller';
import { ContactsController } from './http/contacts.controller';
import { ContactAuditReader } from './infrastructure/contact-audit.reader';
import { ContactRepository } from './infrastructure/contact.repository';
import { CrnAllocator } from './infrastructure/crn-allocator';
import { MeterPointClient } from './infrastructure/meter-point-client';
import { contactLoggingMigrations } from './infrastructure/migrations';

export const logger = createLogger('contact-logging');

export function contactLoggingModule(config: ContactLoggingConfig = loadContactLoggingConfig()) {
  @Module({
    imports: [
      PlatformModule.forRoot({
        serviceName: 'contact-logging',
        logger,
        entities: [],
        migrations: [...contactLoggingMigrations, ...idempotencyMigrations],
        publishesTo: [Topics.contacts],
        partnerScopes: { resource: 'contacts' },
      }),
    ],
    controllers: [ContactsController, ContactAuditController],
    providers: [
      { provide: CONTACT_LOGGING_CONFIG, useValue: config },
      { provide: ContactRepository, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => new ContactRepository(dataSource) },
      {
        provide: MeterPointClient,
        useFactory: () => new MeterPointClient(config.METER_POINTS_URL, config.METER_POINTS_TIMEOUT_MS),
      },
      {
        provide: LogContactHandler,
        inject: [DATA_SOURCE, ContactRepository, MeterPointClient],
        useFactory: (dataSource: DataSource, contacts: ContactRepository, meterPoints: MeterPointClient) =>
          new LogContactHandler(new CrnAllocator(dataSource), contacts, meterPoints),
      },
      { provide: IdempotentRequests, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => new IdempotentRequests(dataSource, logger) },
      { provide: ContactQueries, inject: [ContactRepository], useFactory: (contacts: ContactRepository) => new ContactQueries(contacts) },
      { provide: ContactAuditReader, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => new ContactAuditReader(dataSource) },
      { provide: ContactAuditQueries, inject: [ContactAuditReader], useFactory: (audit: ContactAuditReader) => new ContactAuditQueries(audit) },
    ],
  })
  class ContactLoggingModule {}
  return ContactLoggingModule;
}
