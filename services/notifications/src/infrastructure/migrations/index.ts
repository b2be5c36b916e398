import { CreateInvolvedContact1796200000000 } from '@cms/involved-contacts';
import { CreateAlert1796300000000 } from './2026-12-02-create-alert.migration';

/** The service's own migrations, oldest first (the platform adds the outbox and inbox): its copy of the contacts first. */
export const notificationsMigrations = [CreateInvolvedContact1796200000000, CreateAlert1796300000000];
