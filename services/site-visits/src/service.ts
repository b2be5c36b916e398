import type { ServiceDefinition } from '@cms/service-defaults';
import { siteVisitsModule } from './app.module';
import { siteVisitsSettings } from './site-visits.settings';

/** site-visits as main.ts runs it and its integration tests start it. */
export const siteVisitsService: ServiceDefinition<typeof siteVisitsSettings> = {
  name: 'site-visits',
  title: 'Site visits',
  description:
    "Site visit referrals of a contact to its meter point's transporter (a DN or an IGT): acceptance or decline, the finding, " +
    'due in working days; each visit shown to the organisations involved in its contact and to nobody else.',
  settings: siteVisitsSettings,
  module: siteVisitsModule,
};
