import 'reflect-metadata';
import type { OpenAPIObject } from '@nestjs/swagger';
import { getMetadataStorage } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { CURSOR_PATTERN } from '@cms/service-defaults';
import { publicOpenApi } from './public-openapi';

type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const SWAGGER_PROPERTY = 'swagger/apiModelProperties';

/**
 * docs/api.md: "The OpenAPI document states every constraint the service enforces". Two ways to
 * drift, each caught here without a running stack (the document as the gateway merges it,
 * tools/web/public-openapi.ts): a validation decorator on a request DTO whose constraint the
 * document does not state, and an operation that leaves out what every operation of its kind
 * enforces (a bounded string, a path parameter's shape, the guard's 401 and 403…). The end-to-end
 * fuzz test (e2e/fuzz) then sends what the document allows and what it forbids.
 */
describe('the public OpenAPI document states every constraint the services enforce', () => {
  let document: OpenAPIObject;
  const schemas = () => (document.components?.schemas ?? {}) as Json;
  const resolve = (schema: Json | undefined): Json | undefined =>
    typeof schema?.$ref === 'string' ? schemas()[schema.$ref.replace('#/components/schemas/', '')] : schema;
  const operations = () =>
    Object.entries(document.paths).flatMap(([path, item]) =>
      METHODS.filter((method) => (item as Json)[method]).map((method) => ({ path, method, label: `${method.toUpperCase()} ${path}`, operation: (item as Json)[method] as Json })),
    );

  beforeAll(async () => {
    document = await publicOpenApi();
  }, 60_000);

  describe('every validation decorator of a request DTO has its documented counterpart', () => {
    /** Each class-validator check, and whether the property's documented schema states it. */
    const STATED: Record<string, (schema: Json, constraints: unknown[], each: boolean) => boolean> = {
      maxLength: (schema, [max], each) => (each ? schema.items?.maxLength === max || Array.isArray(schema.items?.enum) : schema.maxLength === max),
      minLength: (schema, [min]) => schema.minLength === min,
      isNotEmpty: (schema) => schema.minLength >= 1 || Array.isArray(schema.enum),
      matches: (schema) => typeof schema.pattern === 'string' || schema.pattern instanceof RegExp,
      isIn: (schema, [values], each) => sameSet(each ? schema.items?.enum : schema.enum, values as unknown[]),
      equals: (schema, [value]) => sameSet(schema.enum, [value]),
      isInt: (schema) => schema.type === 'integer',
      min: (schema, [min]) => schema.minimum === min,
      max: (schema, [max]) => schema.maximum === max,
      arrayMinSize: (schema, [min]) => schema.minItems === min,
      arrayMaxSize: (schema, [max]) => schema.maxItems === max,
      arrayUnique: (schema) => schema.uniqueItems === true,
      isBoolean: (schema) => schema.type === 'boolean' || schema.type === Boolean,
      isIso8601: (schema) => ['date', 'date-time'].includes(schema.format) && typeof schema.pattern === 'string',
      // The map of email preferences: its keys and values are the schema's properties and their enum.
      isEmailPreferences: (schema) => schema.additionalProperties === false && Object.values(schema.properties ?? {}).every((value) => Array.isArray((value as Json).enum)),
      // Shapes and kinds the document states through `type` and the nested schema.
      isString: () => true,
      isArray: (schema) => schema.type === 'array' || schema.isArray === true,
      isObject: (schema) => schema.type === 'object' || typeof schema.type === 'function',
    };
    /** Validation-only metadata: no constraint of the value (presence is checked below). */
    const NOT_A_CONSTRAINT = new Set(['isOptional', 'isDefined', 'whitelistValidation']);

    /** A body's class is a schema of the document; a query's or a path's is spread into parameters. */
    const isRequestBody = (metadata: ValidationMetadata) => (metadata.target as { name: string }).name in schemas();

    const requestDtoChecks = () => {
      const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> | ValidationMetadata[] };
      const all = storage.validationMetadatas instanceof Map ? [...storage.validationMetadatas.values()].flat() : storage.validationMetadatas;
      // The request DTOs: the classes whose properties the document describes (event classes have no OpenAPI metadata).
      return all.filter(
        (metadata) => typeof metadata.target === 'function' && Reflect.getMetadata(SWAGGER_PROPERTY, metadata.target.prototype, metadata.propertyName),
      );
    };

    it('finds the request DTOs of every service', () => {
      const classes = new Set(requestDtoChecks().map((metadata) => (metadata.target as { name: string }).name));
      for (const dto of ['ListContactsQuery', 'CreateUserRequest', 'AnswerReferralRequest', 'PostMessageRequest', 'RegisterWebhookRequest', 'PostcodeQuery']) expect(classes).toContain(dto);
      expect(classes.size).toBeGreaterThan(30);
    });

    it('states every check that validation makes', () => {
      const unstated: string[] = [];
      for (const metadata of requestDtoChecks()) {
        const where = `${(metadata.target as { name: string }).name}.${metadata.propertyName}`;
        const schema = Reflect.getMetadata(SWAGGER_PROPERTY, (metadata.target as { prototype: object }).prototype, metadata.propertyName) as Json;
        if (metadata.type === 'conditionalValidation') {
          // Left out, it is not validated (IsOptional, OptionalField, a ValidateIf): optional in the document.
          if (schema.required !== false) unstated.push(`${where}: optional, documented as required`);
          // IsOptional also takes null as left out: in a body, where null can be sent, the document must allow it (or OptionalField refuse it).
          if (metadata.name === 'isOptional' && isRequestBody(metadata) && schema.nullable !== true) unstated.push(`${where}: takes null, documented as not nullable (use OptionalField)`);
          continue;
        }
        if (metadata.type === 'nestedValidation' || NOT_A_CONSTRAINT.has(metadata.name ?? '')) continue;
        const stated = STATED[metadata.name ?? ''];
        if (!stated) unstated.push(`${where}: ${metadata.name ?? metadata.type} has no documented counterpart known to this test`);
        else if (!stated(schema, metadata.constraints ?? [], metadata.each === true)) unstated.push(`${where}: ${metadata.name}(${JSON.stringify(metadata.constraints ?? [])}) not in the document`);
      }
      expect(unstated).toEqual([]);
    });

    it('states a pattern as the one Matches validates, where there is one', () => {
      const differing: string[] = [];
      const byProperty = new Map<string, { schema: Json; patterns: string[] }>();
      for (const metadata of requestDtoChecks()) {
        if (metadata.name !== 'matches') continue;
        const key = `${(metadata.target as { name: string }).name}.${metadata.propertyName}`;
        const entry = byProperty.get(key) ?? {
          schema: Reflect.getMetadata(SWAGGER_PROPERTY, (metadata.target as { prototype: object }).prototype, metadata.propertyName) as Json,
          patterns: [],
        };
        entry.patterns.push((metadata.constraints?.[0] as RegExp).source);
        byProperty.set(key, entry);
      }
      for (const [key, { schema, patterns }] of byProperty) {
        const documented = schema.pattern instanceof RegExp ? schema.pattern.source : schema.pattern;
        // Several checks (written text: blank, control characters, broken characters) are one
        // documented pattern, proven equivalent by their own test (libs/service-defaults written-text.spec).
        if (patterns.length === 1 && documented !== patterns[0]) differing.push(`${key}: documented ${documented}, validated ${patterns[0]}`);
      }
      expect(differing).toEqual([]);
    });
  });

  describe('every operation states what every operation of its kind enforces', () => {
    it('gives every path parameter its shape (a pattern or the values it takes)', () => {
      const loose = operations().flatMap(({ label, operation }) =>
        ((operation.parameters ?? []) as Json[])
          .filter((parameter) => parameter.in === 'path' && !parameter.schema?.pattern && !parameter.schema?.enum)
          .map((parameter) => `${label}: ${parameter.name}`),
      );
      expect(loose).toEqual([]);
    });

    it('bounds every text and number of a query or header: a length, a pattern or its values; a minimum and a maximum', () => {
      const loose = operations().flatMap(({ label, operation }) =>
        ((operation.parameters ?? []) as Json[])
          .filter((parameter) => parameter.in !== 'path')
          .filter(({ schema = {} }) =>
            ['integer', 'number'].includes(schema.type) ? schema.minimum === undefined || schema.maximum === undefined : !schema.maxLength && !schema.pattern && !schema.enum,
          )
          .map((parameter) => `${label}: ${parameter.in} ${parameter.name}`),
      );
      // The stream's Last-Event-ID is read as the alerts' number, anything else starting the stream afresh.
      expect(loose).toEqual(['GET /api/v1/notifications/stream: header Last-Event-ID']);
    });

    it('bounds every text and list of a request body, and closes every object of it to unknown fields', () => {
      const loose: string[] = [];
      // The OAuth 2 token request ignores parameters it does not know, as RFC 6749 §3.2 requires.
      const OPEN_BY_STANDARD = new Set(['ClientTokenRequest']);
      const visit = (schema: Json | undefined, where: string, seen: Set<Json>): void => {
        const resolved = resolve(schema);
        if (!resolved || seen.has(resolved)) return;
        seen.add(resolved);
        if (resolved.type === 'string' && !resolved.maxLength && !resolved.enum) loose.push(`${where}: no maxLength`);
        if (resolved.type === 'array') {
          if (resolved.maxItems === undefined) loose.push(`${where}: no maxItems`);
          visit(resolved.items, `${where}[]`, seen);
        }
        if (resolved.type === 'object' || resolved.properties) {
          const name = typeof schema?.$ref === 'string' ? schema.$ref.replace('#/components/schemas/', '') : '';
          if (resolved.additionalProperties !== false && typeof resolved.additionalProperties !== 'object' && !OPEN_BY_STANDARD.has(name)) loose.push(`${where}: open to unknown fields`);
          for (const [name, property] of Object.entries((resolved.properties ?? {}) as Json)) visit(property, `${where}.${name}`, seen);
          if (typeof resolved.additionalProperties === 'object') visit(resolved.additionalProperties, `${where}.*`, seen);
        }
        // A branch that is a whole schema is checked; an inline branch only adds a rule to the object around it.
        for (const branch of [...(resolved.oneOf ?? []), ...(resolved.anyOf ?? [])]) if (typeof branch.$ref === 'string') visit(branch, where, seen);
      };
      for (const { label, operation } of operations()) {
        for (const [media, content] of Object.entries((operation.requestBody?.content ?? {}) as Json)) visit(content.schema, `${label} ${media}`, new Set());
      }
      expect(loose).toEqual([]);
    });

    it('documents the guard’s 401 and 403 on every operation that needs a token', () => {
      const missing = operations()
        .filter(({ operation }) => !isPublic(operation))
        .flatMap(({ label, operation }) => ['401', '403'].filter((status) => !operation.responses[status]).map((status) => `${label}: ${status}`));
      expect(missing).toEqual([]);
      expect(operations().filter(({ operation }) => isPublic(operation)).length).toBeGreaterThanOrEqual(6);
    });

    it('documents 404 where the path names a resource, 400, 413 and 415 where there is a body', () => {
      const missing = operations().flatMap(({ path, label, operation }) => [
        ...(path.includes('{') && !operation.responses['404'] ? [`${label}: 404`] : []),
        ...(operation.requestBody ? ['400', '413', '415'].filter((status) => !operation.responses[status]).map((status) => `${label}: ${status}`) : []),
      ]);
      expect(missing).toEqual([]);
    });

    it('documents the answers of the kit’s paging, idempotency and versions where an operation uses them', () => {
      const missing = operations().flatMap(({ label, operation }) => {
        const parameters = (operation.parameters ?? []) as Json[];
        const takes = (location: string, name: string) => parameters.some((parameter) => parameter.in === location && parameter.name === name);
        const pagedByTheKit = parameters.some((parameter) => parameter.in === 'query' && parameter.schema?.pattern === CURSOR_PATTERN.source);
        const expected = [...(pagedByTheKit ? ['422'] : []), ...(takes('header', 'Idempotency-Key') ? ['409', '422'] : []), ...(takes('header', 'If-Match') ? ['412', '428'] : [])];
        return expected.filter((status) => !operation.responses[status]).map((status) => `${label}: ${status}`);
      });
      expect(missing).toEqual([]);
    });

    it('answers every error as problem details', () => {
      const plain = operations().flatMap(({ label, operation }) =>
        Object.entries(operation.responses as Json)
          .filter(([status, response]) => /^[45]/.test(status) && !response.content?.['application/problem+json'])
          .map(([status]) => `${label}: ${status}`),
      );
      expect(plain).toEqual([]);
    });

    it('links operations only to operations it holds, with parameters they take', () => {
      const ids = new Set(operations().map(({ operation }) => operation.operationId));
      const links = operations().flatMap(({ label, operation }) =>
        Object.values(operation.responses as Json).flatMap((response) => Object.entries((response.links ?? {}) as Json).map(([name, link]) => ({ from: `${label} ${name}`, link }))),
      );
      expect(links.length).toBeGreaterThan(30);
      expect(links.filter(({ link }) => !ids.has(link.operationId)).map(({ from }) => from)).toEqual([]);
    });
  });
});

function sameSet(documented: unknown, validated: unknown[]): boolean {
  const values = typeof documented === 'function' ? (documented as () => unknown[])() : documented;
  return Array.isArray(values) && values.length === validated.length && validated.every((value) => values.includes(value));
}


/** An operation anyone may call (`security: []`), or with a token or without (`security: [{}, …]`). */
function isPublic(operation: Json): boolean {
  const security = operation.security as Json[] | undefined;
  return Array.isArray(security) && (security.length === 0 || security.some((requirement) => Object.keys(requirement).length === 0));
}
