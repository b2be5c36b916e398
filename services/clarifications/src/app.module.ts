import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { closureDaysFrom, WorkingDayCalendars } from '@cms/gas-market';
import { CONTACT_ANONYMISED_HANDLER, CONTACT_ENDED_HANDLER, involvedContactProviders, involvedContactsConsumer } from '@cms/involved-contacts';
import { PlatformModule } from '@cms/service-defaults';
import { CLARIFICATION_TIME_LIMITS, CLARIFICATION_TIMERS, ClarificationClock } from './application/clarification-clock';
import { ClarificationCommands } from './application/clarification-commands';
import { CLARIFICATION_READER } from './application/clarification-reader.port';
import { CLARIFICATION_STORE } from './application/clarification-store.port';
import { ClarificationQueries } from './application/clarification.queries';
import type { ClarificationTimeLimits } from './domain';
import { ClarificationAuditController } from './http/clarification-audit.controller';
import { ClarificationsController } from './http/clarifications.controller';
import { ContactClarificationsController } from './http/contact-clarifications.controller';
import { ClarificationSqlReader } from './infrastructure/clarification.reader';
import { ClarificationRepository } from './infrastructure/clarification.repository';
import { clarificationsMigrations } from './infrastructure/migrations';
import type { ClarificationsConfig } from './clarifications.settings';

/** Clarifications: DC and OC threads on contacts, their turns and due dates, read by everyone involved. */
export function clarificationsModule(config: ClarificationsConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'clarifications',
        logger,
        migrations: clarificationsMigrations,
        // Consumer group `clarifications.contacts`: who is involved in each contact, its end (which closes its open
        // threads), and the end of its retention period (what people wrote in them goes).
        consumes: [involvedContactsConsumer()],
        // Each open thread's turn: a reminder the working day before it is due, and overdue after.
        timers: [
          { kind: CLARIFICATION_TIMERS.reminder, handler: ClarificationCommands },
          { kind: CLARIFICATION_TIMERS.overdue, handler: ClarificationCommands },
        ],
        idempotency: true,
        partnerScopes: { resource: 'clarifications' },
      }),
    ],
    controllers: [ContactClarificationsController, ClarificationsController, ClarificationAuditController],
    providers: [
      ...involvedContactProviders,
      ClarificationCommands,
      { provide: CONTACT_ENDED_HANDLER, useExisting: ClarificationCommands },
      { provide: CONTACT_ANONYMISED_HANDLER, useExisting: ClarificationCommands },
      ClarificationQueries,
      ClarificationClock,
      { provide: CLARIFICATION_STORE, useClass: ClarificationRepository },
      { provide: CLARIFICATION_READER, useClass: ClarificationSqlReader },
      { provide: WorkingDayCalendars, useValue: new WorkingDayCalendars(closureDaysFrom(config.CLOSURE_DAYS)) },
      {
        provide: CLARIFICATION_TIME_LIMITS,
        useValue: { dcAnswerWorkingDays: config.DC_ANSWER_WORKING_DAYS, ocAnswerWorkingDays: config.OC_ANSWER_WORKING_DAYS } satisfies ClarificationTimeLimits,
      },
    ],
  })
  class ClarificationsModule {}
  return ClarificationsModule;
}
