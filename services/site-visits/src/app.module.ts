import { Module, type Type } from '@nestjs/common';
import type { Logger } from 'pino';
import { closureDaysFrom, WorkingDayCalendars } from '@cms/gas-market';
import { CONTACT_ANONYMISED_HANDLER, CONTACT_ENDED_HANDLER, involvedContactProviders, involvedContactsConsumer } from '@cms/involved-contacts';
import { PlatformModule } from '@cms/service-defaults';
import { REFERRAL_DETAILS } from './application/referral-details.port';
import { SITE_VISIT_AUDIT_STORE } from './application/site-visit-audit.port';
import { SiteVisitAuditQueries } from './application/site-visit-audit.queries';
import { SITE_VISIT_CLOCK_SETTINGS, SITE_VISIT_TIMERS, SiteVisitClock, type SiteVisitClockSettings } from './application/site-visit-clock';
import { SiteVisitCommands } from './application/site-visit-commands.handler';
import { SiteVisitDeadlineTimer } from './application/site-visit-deadline.timer';
import { SITE_VISIT_READS } from './application/site-visit-reads.port';
import { SITE_VISIT_STORE } from './application/site-visit-store.port';
import { SiteVisitQueries } from './application/site-visit.queries';
import { ContactSiteVisitsController } from './http/contact-site-visits.controller';
import { SiteVisitAuditController } from './http/site-visit-audit.controller';
import { SiteVisitsController } from './http/site-visits.controller';
import { siteVisitsMigrations } from './infrastructure/migrations';
import { ReferralDetailsClient } from './infrastructure/referral-details.client';
import { SiteVisitAuditReader } from './infrastructure/site-visit-audit.reader';
import { SiteVisitReader } from './infrastructure/site-visit.reader';
import { SiteVisitRepository } from './infrastructure/site-visit.repository';
import { partnerFeedConsumer, partnerFeedProviders } from './partner-feed';
import type { SiteVisitsConfig } from './site-visits.settings';

/**
 * Site visits (docs/domain.md "Investigation"): a CDSP agent refers a contact to its meter point's
 * transporter, which accepts or declines and reports its finding, due in working days; the contact's
 * end cancels its open visit. Its copy of each contact (libs/involved-contacts) says who may see what.
 */
export function siteVisitsModule(config: SiteVisitsConfig, logger: Logger): Type<unknown> {
  @Module({
    imports: [
      PlatformModule.forRoot(config, {
        service: 'site-visits',
        logger,
        migrations: siteVisitsMigrations,
        // Consumer groups `site-visits.contacts` (the copy of each contact, its end, which cancels its open
        // visit, and the end of its retention period) and `site-visits.partner-feed` (each transporter's
        // referral feed: src/partner-feed).
        consumes: [involvedContactsConsumer(), partnerFeedConsumer],
        // A visit's clock (docs/domain.md "Time limits").
        timers: [
          { kind: SITE_VISIT_TIMERS.findingReminder, handler: SiteVisitDeadlineTimer },
          { kind: SITE_VISIT_TIMERS.findingOverdue, handler: SiteVisitDeadlineTimer },
        ],
        idempotency: true,
        // Partner systems: `site-visits:read` for GET, `site-visits:write` for the commands (access-control grants them).
        partnerScopes: { resource: 'site-visits' },
      }),
    ],
    controllers: [ContactSiteVisitsController, SiteVisitsController, SiteVisitAuditController],
    providers: [
      ...involvedContactProviders,
      SiteVisitCommands,
      { provide: CONTACT_ENDED_HANDLER, useExisting: SiteVisitCommands },
      { provide: CONTACT_ANONYMISED_HANDLER, useExisting: SiteVisitCommands },
      SiteVisitQueries,
      SiteVisitAuditQueries,
      SiteVisitClock,
      SiteVisitDeadlineTimer,
      { provide: SITE_VISIT_CLOCK_SETTINGS, useValue: { findingWorkingDays: config.SITE_VISIT_FINDING_WORKING_DAYS } satisfies SiteVisitClockSettings },
      { provide: WorkingDayCalendars, useValue: new WorkingDayCalendars(closureDaysFrom(config.CLOSURE_DAYS)) },
      { provide: SITE_VISIT_STORE, useClass: SiteVisitRepository },
      { provide: SITE_VISIT_READS, useClass: SiteVisitReader },
      { provide: SITE_VISIT_AUDIT_STORE, useClass: SiteVisitAuditReader },
      { provide: REFERRAL_DETAILS, useClass: ReferralDetailsClient },
      ...partnerFeedProviders,
    ],
  })
  class SiteVisitsModule {}
  return SiteVisitsModule;
}
