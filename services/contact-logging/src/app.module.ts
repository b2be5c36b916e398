import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { ContactLoggedV1, Topics } from '@cms/contracts';
import { closureDaysFrom, WorkingDayCalendars } from '@cms/gas-market';
import { PlatformModule } from '@cms/service-defaults';
import { CONTACT_CLOCK_SETTINGS, CONTACT_TIMERS, ContactClock } from './application/contact-clock';
import { ContactDeadlineTimer, UnansweredDcTimer } from './application/contact-timers.handler';
import { StartContactClockHandler } from './application/start-contact-clock.handler';
import { CONTACT_RETENTION_STORE } from './application/contact-retention.port';
import { ContactRetention, RETENTION_SCHEDULE, RETENTION_TIMERS } from './application/contact-retention';
import type { ContactClockSettings } from './domain';
import { OwnContactEventsConsumer } from './infrastructure/own-contact-events.consumer';
import { CONTACT_AUDIT_STORE } from './application/contact-audit.port';
import { ContactAuditQueries } from './application/contact-audit.queries';
import { CONTACT_STORE } from './application/contact-store.port';
import { ContactLifecycleHandler } from './application/contact-lifecycle.handler';
import { ContactQueries } from './application/contact.queries';
import { CONTACT_STATISTICS_STORE } from './application/contact-statistics.port';
import { ContactStatisticsQueries } from './application/contact-statistics.queries';
import { CONTACT_TIMELINE } from './application/contact-timeline.port';
import { RecordContactActivityHandler } from './application/record-contact-activity.handler';
import { REJECTED_SUBMISSION_STORE } from './application/rejected-submission.port';
import { RejectedSubmissionQueries } from './application/rejected-submission.queries';
import { LOGGING_RULES, LogContactHandler } from './application/log-contact.handler';
import { METER_POINT_REGISTER } from './application/meter-point-register.port';
import { ADDRESS_LOOKUP } from './application/address-lookup.port';
import { ORGANISATION_MEMBERS } from './application/organisation-members.port';
import { RESOLUTION_REASONS } from './application/resolution-reasons.port';
import { loggingRulesOf, retentionScheduleOf, type ContactLoggingConfig } from './contact-logging.config';
import { ContactAuditController } from './http/contact-audit.controller';
import { ContactTypesController } from './http/contact-types.controller';
import { ContactLifecycleController } from './http/contact-lifecycle.controller';
import { ContactsController } from './http/contacts.controller';
import { ContactStatisticsController } from './http/contact-statistics.controller';
import { RejectedSubmissionsController } from './http/rejected-submissions.controller';
import { ResolutionReasonsController } from './http/resolution-reasons.controller';
import { AccessControlClient } from './infrastructure/access-control-client';
import { ContactAuditReader } from './infrastructure/contact-audit.reader';
import { ContactActivityConsumer } from './infrastructure/contact-activity.consumer';
import { ContactRepository } from './infrastructure/contact.repository';
import { ContactStatisticsReader } from './infrastructure/contact-statistics.reader';
import { ContactRetentionRepository } from './infrastructure/contact-retention.repository';
import { RetentionBackfillOnStart } from './infrastructure/retention-backfill-on-start';
import { ContactTimelineRepository } from './infrastructure/contact-timeline.repository';
import { MeterPointClient } from './infrastructure/meter-point-client';
import { AddressLookupClient } from './infrastructure/address-lookup-client';
import { RejectedSubmissionReader } from './infrastructure/rejected-submission.reader';
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
        // The other services' lifecycle events, onto each contact's one-screen history.
        consumes: [
          { name: 'timeline', topics: [Topics.clarifications, Topics.siteVisits, Topics.meterPoints], handler: ContactActivityConsumer },
          // Its own ContactLogged, back from Kafka: the new contact's clock starts.
          { name: 'clock', topics: [Topics.contacts], eventTypes: [ContactLoggedV1.type], handler: OwnContactEventsConsumer },
        ],
        // A contact's clocks (docs/domain.md "Time limits").
        timers: [
          { kind: CONTACT_TIMERS.resolutionReminder, handler: ContactDeadlineTimer },
          { kind: CONTACT_TIMERS.resolutionOverdue, handler: ContactDeadlineTimer },
          { kind: CONTACT_TIMERS.unansweredDc, handler: UnansweredDcTimer },
          // Retention (README "Retention"): an ended contact's personal data, a day's rejected submissions.
          { kind: RETENTION_TIMERS.contact, handler: ContactRetention },
          { kind: RETENTION_TIMERS.rejectedSubmissions, handler: ContactRetention },
        ],
        idempotency: true,
        partnerScopes: { resource: 'contacts' },
      }),
    ],
    // ContactStatisticsController first: its path would otherwise be read as a CRN by ContactsController.
    controllers: [ContactStatisticsController, ContactsController, ContactLifecycleController, ContactTypesController, ResolutionReasonsController, ContactAuditController, RejectedSubmissionsController],
    providers: [
      LogContactHandler,
      ContactLifecycleHandler,
      RecordContactActivityHandler,
      ContactActivityConsumer,
      ContactClock,
      StartContactClockHandler,
      OwnContactEventsConsumer,
      ContactDeadlineTimer,
      UnansweredDcTimer,
      ContactRetention,
      RetentionBackfillOnStart,
      { provide: RETENTION_SCHEDULE, useValue: retentionScheduleOf(config) },
      { provide: CONTACT_RETENTION_STORE, useClass: ContactRetentionRepository },
      {
        provide: CONTACT_CLOCK_SETTINGS,
        useValue: {
          resolutionTargetWorkingDays: config.RESOLUTION_TARGET_WORKING_DAYS,
          autoCloseUnansweredDc: config.AUTO_CLOSE_UNANSWERED_DC,
          autoCloseAfterWorkingDays: config.AUTO_CLOSE_AFTER_WORKING_DAYS,
        } satisfies ContactClockSettings,
      },
      { provide: LOGGING_RULES, useValue: loggingRulesOf(config) },
      { provide: WorkingDayCalendars, useValue: new WorkingDayCalendars(closureDaysFrom(config.CLOSURE_DAYS)) },
      ContactQueries,
      ContactAuditQueries,
      ContactStatisticsQueries,
      { provide: CONTACT_STATISTICS_STORE, useClass: ContactStatisticsReader },
      RejectedSubmissionQueries,
      { provide: CONTACT_STORE, useClass: ContactRepository },
      { provide: METER_POINT_REGISTER, useClass: MeterPointClient },
      { provide: ADDRESS_LOOKUP, useClass: AddressLookupClient },
      { provide: ORGANISATION_MEMBERS, useClass: AccessControlClient },
      { provide: CONTACT_AUDIT_STORE, useClass: ContactAuditReader },
      { provide: RESOLUTION_REASONS, useClass: ResolutionReasonRepository },
      { provide: CONTACT_TIMELINE, useClass: ContactTimelineRepository },
      { provide: REJECTED_SUBMISSION_STORE, useClass: RejectedSubmissionReader },
    ],
  })
  class ContactLoggingModule {}
  return ContactLoggingModule;
}
