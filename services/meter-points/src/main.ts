import './tracing';
import { runService } from '@cms/service-defaults';
import type { AppModule } from './app.module';
import { logger, SERVICE_NAME } from './logger';
import { loadMeterPointsSettings } from './meter-points.settings';

void runService({
  name: SERVICE_NAME,
  title: 'CMS meter points',
  description:
    'The meter point register (the UK Link stand-in): MPRN, status, isolation, transporter, registered shipper, ' +
    'LDZ and supply address, and the status reference data.',
  logger,
  loadConfig: loadMeterPointsSettings,
  // Loaded here, not imported above: the module reads the platform settings as it loads, and a
  // configuration error must reach runService, which reports it plainly and exits.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  module: () => (require('./app.module') as { AppModule: typeof AppModule }).AppModule,
});
