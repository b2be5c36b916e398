import { CreateLoggedContact1796171029813 } from './2026-12-02-create-logged-contact.migration';

/** The service's own migrations, oldest first (the platform adds the outbox and inbox). */
export const notificationsMigrations = [CreateLoggedContact1796171029813];
