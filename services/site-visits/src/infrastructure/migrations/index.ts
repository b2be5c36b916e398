import { partnerFeedMigrations } from '../../partner-feed';
import { CreateLoggedContact1796168359347 } from './2026-12-01-create-logged-contact.migration';

/** The service's own migrations, oldest first (the platform adds the outbox and inbox). */
export const siteVisitsMigrations = [CreateLoggedContact1796168359347, ...partnerFeedMigrations];
