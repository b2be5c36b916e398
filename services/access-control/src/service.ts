import type { ServiceDefinition } from '@cms/service-defaults';
import { accessControlSettings } from './access-control.config';
import { accessControlModule } from './app.module';

/** access-control as main.ts runs it and its integration tests start it. */
export const accessControlService: ServiceDefinition<typeof accessControlSettings> = {
  name: 'access-control',
  title: 'CMS access control',
  description: 'Organisations, users, sign-in and access tokens (ES256 JWT, JWKS) for the Contact Management Service.',
  settings: accessControlSettings,
  module: accessControlModule,
};
