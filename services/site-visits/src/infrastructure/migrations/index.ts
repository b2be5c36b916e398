import { CreateInvolvedContact1796200000000 } from '@cms/involved-contacts';
import { partnerFeedMigrations } from '../../partner-feed';
import { CreateSiteVisit1796210000000 } from './2026-12-02-create-site-visit.migration';
import { Retention1796860800000 } from './2026-12-10-retention.migration';

/** The service's own migrations, oldest first (the platform adds the outbox, inbox, idempotency and timer tables). */
export const siteVisitsMigrations = [CreateInvolvedContact1796200000000, CreateSiteVisit1796210000000, ...partnerFeedMigrations, Retention1796860800000];
