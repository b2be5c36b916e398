import type { ServiceDefinition } from '@cms/service-defaults';
import { addressLookupModule } from './app.module';
import { addressLookupSettings } from './address-lookup.settings';

/** address-lookup as main.ts runs it and its integration tests start it. */
export const addressLookupService: ServiceDefinition<typeof addressLookupSettings> = {
  name: 'address-lookup',
  title: 'Address look-up',
  description:
    'The contacts logged in CMS (ContactLogged on cms.contacts.v1), each shown to the organisations involved in it ' +
    'and to nobody else.',
  settings: addressLookupSettings,
  module: addressLookupModule,
};
