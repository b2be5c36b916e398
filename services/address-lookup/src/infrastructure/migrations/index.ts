import { CreateAddress1796169934703 } from './2026-12-02-create-address.migration';

/** The service's own migrations, oldest first (the platform adds the outbox and inbox). */
export const addressLookupMigrations = [CreateAddress1796169934703];
