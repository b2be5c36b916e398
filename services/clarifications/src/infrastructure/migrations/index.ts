import { CreateInvolvedContact1796200000000 } from '@cms/involved-contacts';
import { CreateClarification1796200100000 } from './2026-12-02-create-clarification.migration';
import { Retention1796860800000 } from './2026-12-10-retention.migration';

/** The service's own migrations, oldest first (the platform adds the outbox, inbox, idempotency and timers). */
export const clarificationsMigrations = [CreateInvolvedContact1796200000000, CreateClarification1796200100000, Retention1796860800000];
