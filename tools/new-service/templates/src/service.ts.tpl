import type { ServiceDefinition } from '@cms/service-defaults';
import { {{camelName}}Module } from './app.module';
import { {{camelName}}Settings } from './{{name}}.settings';

/** {{name}} as main.ts runs it and its integration tests start it. */
export const {{camelName}}Service: ServiceDefinition<typeof {{camelName}}Settings> = {
  name: '{{name}}',
  title: {{titleLiteral}},
  description:
    'The contacts logged in CMS (ContactLogged on cms.contacts.v1), each shown to the organisations involved in it ' +
    'and to nobody else.',
  settings: {{camelName}}Settings,
  module: {{camelName}}Module,
};
