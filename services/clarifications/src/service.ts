import type { ServiceDefinition } from '@cms/service-defaults';
import { clarificationsModule } from './app.module';
import { clarificationsSettings } from './clarifications.settings';

/** clarifications as main.ts runs it and its integration tests start it. */
export const clarificationsService: ServiceDefinition<typeof clarificationsSettings> = {
  name: 'clarifications',
  title: 'Clarifications',
  description:
    'Data Clarifications (a CDSP agent asks the originator or the transporter) and Originator Clarifications (the ' +
    'transporter asks the originator): threads of messages written in turn, each turn due in working days, closed by ' +
    'either side or by the end of the contact. Everyone involved in the contact reads them; anyone else gets 404.',
  settings: clarificationsSettings,
  module: clarificationsModule,
};
