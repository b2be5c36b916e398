/**
 * The gateway's public OpenAPI document (`/api/docs-json`) built without a running stack: each
 * routed service's own document as its `/docs-json` serves it, merged as the gateway merges them.
 * The services' Nest applications are created in preview mode, which builds the module graph
 * (controllers, DTOs, their decorators) without running any provider: no database, no broker.
 */
import 'reflect-metadata';
import { join, resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import pino from 'pino';
import { catalogueEntries, catalogueSecrets, localUrlOf, routedServices, type ServiceName } from '@cms/catalogue';
import { buildOpenApiDocument, loadServiceConfig, type ServiceDefinition } from '@cms/service-defaults';
import { loadGatewayConfig } from '../../services/gateway/src/gateway.config';
import { publicOpenApiDocument } from '../../services/gateway/src/openapi/openapi-document';
import { routeTable, upstreams } from '../../services/gateway/src/proxy/route-table';
import { serviceEnvironment } from '../stack';

const ROOT = resolve(__dirname, '../..');

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each service's definition has its own settings
type AnyServiceDefinition = ServiceDefinition<any>;

/** The ServiceDefinition a service's `src/service.ts` exports (the one whose name is the service's). */
function definitionOf(name: ServiceName): AnyServiceDefinition {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- which file is known only from the catalogue
  const exported = require(join(ROOT, 'services', name, 'src', 'service.ts')) as Record<string, unknown>;
  const definition = Object.values(exported).find(
    (value): value is AnyServiceDefinition =>
      typeof value === 'object' && value !== null && (value as { name?: unknown }).name === name,
  );
  if (!definition) throw new Error(`services/${name}/src/service.ts exports no ServiceDefinition named ${name}`);
  return definition;
}

/** A service's own document, as `createServiceApp` serves it at `/docs-json`, from its settings as `npm start` gives them. */
async function serviceDocument(name: ServiceName): Promise<OpenAPIObject> {
  const definition = definitionOf(name);
  const env = serviceEnvironment(name, {
    ports: Object.fromEntries(catalogueEntries.map((entry) => [entry.name, [entry.port]])) as Record<ServiceName, number[]>,
    kafkaBrokers: ['127.0.0.1:9092'],
    databaseUrls: Object.fromEntries(
      catalogueEntries.map((entry) => [entry.name, `postgres://cms@127.0.0.1:5432/${entry.database ?? 'none'}`]),
    ),
    secrets: Object.fromEntries(
      catalogueSecrets().map(({ setting }) => [setting, Buffer.alloc(32).toString('base64')]),
    ),
    demo: {},
    tracing: {},
    extra: {},
  });
  const logger = pino({ level: 'silent' });
  const config = loadServiceConfig(definition, env);
  const app = await NestFactory.create(definition.module(config, logger), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app, definition);
  } finally {
    await app.close();
  }
}

/** The public document, exactly as the gateway with its default settings merges the services' documents. */
export async function publicOpenApi(): Promise<OpenAPIObject> {
  const routes = routeTable(loadGatewayConfig({}));
  const byUrl = new Map(routedServices().map((service) => [localUrlOf(service.name), service.name]));
  const documents: OpenAPIObject[] = [];
  // One after the other: each service's module registers its metadata as it is built.
  for (const replicas of upstreams(routes)) {
    const name = byUrl.get(replicas.urls[0]);
    if (!name) throw new Error(`no routed service listens at ${replicas}`);
    documents.push(await serviceDocument(name));
  }
  return publicOpenApiDocument(documents, routes);
}
