import type { ServiceDefinition } from '@cms/service-defaults';
import { notificationsModule } from './app.module';
import { notificationsSettings } from './notifications.settings';

/** notifications as main.ts runs it and its integration tests start it. */
export const notificationsService: ServiceDefinition<typeof notificationsSettings> = {
  name: 'notifications',
  title: 'Notifications',
  description:
    'Alerts from the lifecycle of contacts (resolved, clarifications, site visits, due dates), each to the users ' +
    'and organisations it concerns, in the notifications area.',
  settings: notificationsSettings,
  module: notificationsModule,
};
