import type { ServiceDefinition } from '@cms/service-defaults';
import { meterPointsModule } from './app.module';
import { meterPointsSettings } from './meter-points.settings';

/** meter-points as main.ts runs it and its integration tests start it. */
export const meterPointsService: ServiceDefinition<typeof meterPointsSettings> = {
  name: 'meter-points',
  title: 'CMS meter points',
  description:
    'The meter point register (the UK Link stand-in): MPRN, status, isolation, transporter, registered shipper, ' +
    'LDZ and supply address, and the status reference data.',
  settings: meterPointsSettings,
  module: meterPointsModule,
};
