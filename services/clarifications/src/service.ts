import type { ServiceDefinition } from '@cms/service-defaults';
import { clarificationsModule } from './app.module';
import { clarificationsSettings } from './clarifications.settings';

/** clarifications as main.ts runs it and its integration tests start it. */
export const clarificationsService: ServiceDefinition<typeof clarificationsSettings> = {
  name: 'clarifications',
  title: 'Clarifications',
  description:
    'The contacts logged in CMS (ContactLogged on cms.contacts.v1), each shown to the organisations involved in it ' +
    'and to nobody else.',
  settings: clarificationsSettings,
  module: clarificationsModule,
};
