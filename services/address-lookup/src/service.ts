import type { ServiceDefinition } from '@cms/service-defaults';
import { addressLookupModule } from './app.module';
import { addressLookupSettings } from './address-lookup.settings';

/** address-lookup as main.ts runs it and its integration tests start it. */
export const addressLookupService: ServiceDefinition<typeof addressLookupSettings> = {
  name: 'address-lookup',
  title: 'Address look-up',
  description:
    'Postal addresses from the Postcode Address File: every delivery point at a postcode, or one by its UDPRN, ' +
    "with Royal Mail's printed label; from the service's own PAF table or a licensed PAF API, within a daily quota per user.",
  settings: addressLookupSettings,
  module: addressLookupModule,
};
