import { CreateInvolvedContact1796200000000 } from '@cms/involved-contacts';
import { CreateAlert1796300000000 } from './2026-12-02-create-alert.migration';
import { CreateEmailPreference1796300000001 } from './2026-12-02-create-email-preference.migration';
import { CreateWebhook1796300000002 } from './2026-12-02-create-webhook.migration';
import { Retention1796860800000 } from './2026-12-10-retention.migration';

/** The service's own migrations, oldest first (the platform adds the outbox, inbox and timers): its copy of the contacts first. */
export const notificationsMigrations = [CreateInvolvedContact1796200000000, CreateAlert1796300000000, CreateEmailPreference1796300000001, CreateWebhook1796300000002, Retention1796860800000];
