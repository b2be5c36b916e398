import type { ServiceDefinition } from '@cms/service-defaults';
import { contactLoggingModule } from './app.module';
import { contactLoggingSettings } from './contact-logging.config';

/** contact-logging as main.ts runs it and its integration tests start it. */
export const contactLoggingService: ServiceDefinition<typeof contactLoggingSettings> = {
  name: 'contact-logging',
  title: 'CMS contact logging',
  description: 'DTL and ISO contacts: logging, lifecycle and history',
  settings: contactLoggingSettings,
  module: contactLoggingModule,
};
