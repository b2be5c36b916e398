import { CreateLoggedContact1796168357341 } from './2026-12-01-create-logged-contact.migration';

/** The service's own migrations, oldest first (the platform adds the outbox and inbox). */
export const clarificationsMigrations = [CreateLoggedContact1796168357341];
