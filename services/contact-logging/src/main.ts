import './tracing';
import { runService } from '@cms/service-defaults';
import { contactLoggingModule, logger } from './app.module';
import { loadContactLoggingConfig } from './contact-logging.config';

void runService({
  name: 'contact-logging',
  title: 'CMS contact logging',
  description: 'DTL and ISO contacts: logging, lifecycle and history',
  logger,
  loadConfig: loadContactLoggingConfig,
  module: contactLoggingModule,
});
