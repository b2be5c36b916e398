import type { ServiceDefinition } from '@cms/service-defaults';
import { notificationsModule } from './app.module';
import { notificationsSettings } from './notifications.settings';

/** notifications as main.ts runs it and its integration tests start it. */
export const notificationsService: ServiceDefinition<typeof notificationsSettings> = {
  name: 'notifications',
  title: 'Notifications',
  description:
    'The contacts logged in CMS (ContactLogged on cms.contacts.v1), each shown to the organisations involved in it ' +
    'and to nobody else.',
  settings: notificationsSettings,
  module: notificationsModule,
};
