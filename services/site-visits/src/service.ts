import type { ServiceDefinition } from '@cms/service-defaults';
import { siteVisitsModule } from './app.module';
import { siteVisitsSettings } from './site-visits.settings';

/** site-visits as main.ts runs it and its integration tests start it. */
export const siteVisitsService: ServiceDefinition<typeof siteVisitsSettings> = {
  name: 'site-visits',
  title: 'Site visits',
  description:
    'The contacts logged in CMS (ContactLogged on cms.contacts.v1), each shown to the organisations involved in it ' +
    'and to nobody else.',
  settings: siteVisitsSettings,
  module: siteVisitsModule,
};
