import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency';
import { CURSOR_PATTERN } from './request-fields';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI objects are walked generically here
type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** Rules of a whole body that no one property states, by the name of its schema (its class). */
const SCHEMA_RULES = new Map<string, Json>();

/**
 * States on a DTO's schema a rule of the whole object that its properties' decorators cannot
 * (a minimum number of fields, a field required only with another's value): the rule its
 * validation enforces, so that the document says it too.
 */
export function ApiSchemaRules(rules: { minProperties?: number; oneOf?: Json[]; anyOf?: Json[]; additionalProperties?: boolean }): ClassDecorator {
  return (target) => {
    SCHEMA_RULES.set(target.name, rules);
  };
}

/**
 * A service's own OpenAPI document, as it serves it at `/docs-json` (the gateway merges them): its
 * controllers' and DTOs' decorators, and what the kit's HTTP defaults enforce on every route of
 * every service, stated once here rather than on each DTO:
 * - a request body refuses unknown fields (strictValidationPipe: `forbidNonWhitelisted`): every
 *   schema a body uses, at any depth, has `additionalProperties: false` unless it says otherwise
 *   (a map of alert kinds, say, gives its own);
 * - a body may be left out exactly when nothing in it is required (no required field, no minimum
 *   number of fields): validation reads a missing body as `{}`;
 * - a list paged by the kit's cursor (CursorParam) answers 422 INVALID_CURSOR; a write that takes
 *   the kit's Idempotency-Key answers 409 and 422 for a key in use or reused (IdempotentRequests).
 */
export function buildOpenApiDocument(app: INestApplication, definition: { title: string; description: string }): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle(definition.title)
    .setDescription(definition.description)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .addSecurityRequirements('bearer')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = (document.components?.schemas ?? {}) as Json;
  for (const [name, rules] of SCHEMA_RULES) if (schemas[name]) Object.assign(schemas[name], structuredClone(rules));
  return documentKitAnswers(documentStrictBodies(document));
}

/** Marks every object schema a request body reaches closed to unknown fields, and the body required when `{}` would be refused. */
export function documentStrictBodies(document: OpenAPIObject): OpenAPIObject {
  const schemas = (document.components?.schemas ?? {}) as Json;
  const closed = new Set<Json>();
  const close = (schema: Json | undefined): void => {
    if (!schema || typeof schema !== 'object' || closed.has(schema)) return;
    closed.add(schema);
    if (typeof schema.$ref === 'string') return close(schemas[schema.$ref.replace('#/components/schemas/', '')]);
    if (schema.type === 'object' || schema.properties) {
      schema.additionalProperties ??= false;
      for (const property of Object.values((schema.properties ?? {}) as Json)) close(property);
      if (typeof schema.additionalProperties === 'object') close(schema.additionalProperties);
    }
    close(schema.items);
    // A branch that is a whole schema is closed; an inline branch only adds a rule to the object
    // around it (ApiSchemaRules), whose own properties it does not list.
    for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
      for (const branch of (schema[keyword] ?? []) as Json[]) if (typeof branch.$ref === 'string') close(branch);
    }
  };
  const resolve = (schema: Json | undefined): Json | undefined =>
    typeof schema?.$ref === 'string' ? schemas[schema.$ref.replace('#/components/schemas/', '')] : schema;
  for (const item of Object.values(document.paths ?? {}) as Json[]) {
    for (const method of METHODS) {
      const body = item[method]?.requestBody as Json | undefined;
      if (!body || '$ref' in body) continue;
      const media = Object.values((body.content ?? {}) as Json) as Json[];
      for (const { schema } of media) close(schema);
      body.required = media.some(({ schema }) => refusesEmptyObject(resolve(schema)));
    }
  }
  return document;
}

/** Whether `{}` breaks the schema: a required field, or a minimum number of fields. */
function refusesEmptyObject(schema: Json | undefined): boolean {
  if (!schema) return false;
  return (Array.isArray(schema.required) && schema.required.length > 0) || (schema.minProperties ?? 0) > 0 || schema.type !== 'object';
}

/** The answers the kit's paging and idempotency give, on every operation that uses them. */
export function documentKitAnswers(document: OpenAPIObject): OpenAPIObject {
  for (const item of Object.values(document.paths ?? {}) as Json[]) {
    for (const method of METHODS) {
      const operation = item[method] as Json | undefined;
      if (!operation) continue;
      const parameters = (operation.parameters ?? []) as Json[];
      const responses = (operation.responses ??= {}) as Json;
      const answer = (status: string, code: string, description: string) => {
        const documented = responses[status] as Json | undefined;
        if (!documented) responses[status] = { description: `${code}: ${description}` };
        else if (!String(documented.description ?? '').includes(code)) documented.description = `${documented.description ?? ''} ${code}: ${description}`.trim();
      };
      if (parameters.some((parameter) => parameter.in === 'query' && parameter.schema?.pattern === CURSOR_PATTERN.source)) {
        answer('422', 'INVALID_CURSOR', 'a cursor this API did not return (or returned for another list or order).');
      }
      if (parameters.some((parameter) => parameter.in === 'header' && parameter.name === IDEMPOTENCY_KEY_HEADER.name)) {
        answer('400', 'INVALID_IDEMPOTENCY_KEY', 'the Idempotency-Key is not 1 to 255 printable ASCII characters.');
        answer('409', 'IDEMPOTENCY_KEY_IN_PROGRESS', 'a request with this Idempotency-Key is still running.');
        answer('422', 'IDEMPOTENCY_KEY_REUSED', 'this Idempotency-Key was used with another request.');
      }
    }
  }
  return document;
}
