import type { OpenAPIObject } from '@nestjs/swagger';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- OpenAPI objects are walked generically here
type Json = Record<string, any>;

const PROBLEM_JSON = 'application/problem+json';
const PROBLEM_REF = { $ref: '#/components/schemas/ProblemDetailsResponse' };
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The problem-details schema, as every CMS service and the gateway answer errors (RFC 9457). */
const PROBLEM_SCHEMAS: Json = {
  ProblemErrorResponse: {
    type: 'object',
    properties: {
      code: { type: 'string', example: 'MPRN_FORMAT' },
      message: { type: 'string', example: 'An MPRN is numeric and at most 10 digits.' },
      field: { type: 'string', example: 'mprn' },
    },
    required: ['code', 'message'],
  },
  ProblemDetailsResponse: {
    type: 'object',
    properties: {
      type: { type: 'string', example: 'urn:cms:problem:mprn-format' },
      title: { type: 'string', example: 'Malformed MPRN' },
      status: { type: 'number', example: 400 },
      detail: { type: 'string' },
      code: { type: 'string', description: 'Stable, machine-readable code.', example: 'MPRN_FORMAT' },
      traceId: {
        type: 'string',
        description: 'Trace id: quote it to support.',
        example: '4bf92f3577b34da6a3ce929d0e0e4736',
      },
      instance: { type: 'string', example: '/api/v1/meter-points/39384A4403' },
      errors: {
        description: 'Every field or reason at fault.',
        type: 'array',
        items: { $ref: '#/components/schemas/ProblemErrorResponse' },
      },
    },
    required: ['type', 'title', 'status', 'code'],
  },
};

const RATE_LIMIT_HEADERS = {
  'Retry-After': { description: 'Whole seconds until a request would be let through.', schema: { type: 'integer' } },
};

/**
 * Makes the merged document tell the truth about errors. Every error answer may be RFC 9457
 * problem details (`application/problem+json`), besides what a service's own document says; and every
 * operation documents the answers the gateway itself gives before or instead of the service:
 *   400 (unknown query fields, malformed JSON, invalid input), 401 (no or bad token, except on
 *   the public sign-in routes), 403 (the guard every service shares: a temporary password not yet
 *   changed, a partner token without the scope), 404 (operations that take an id), 413 and 415
 *   (operations that take a body), 429 (rate limits, with Retry-After), 503 and 504 (a service
 *   unreachable or slow).
 * Header parameters named Authorization are dropped: the bearer security scheme documents them
 * (and OpenAPI 3.0 says such parameters are to be ignored).
 */
export function documentGatewayAnswers(document: OpenAPIObject, isPublic: (path: string) => boolean): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {}) as Json;
  for (const [name, schema] of Object.entries(PROBLEM_SCHEMAS)) schemas[name] ??= schema;

  for (const [path, item] of Object.entries(document.paths ?? {})) {
    for (const method of METHODS) {
      const operation = (item as Json)[method] as Json | undefined;
      if (!operation) continue;
      if (Array.isArray(operation.parameters)) {
        operation.parameters = operation.parameters.filter(
          (parameter: Json) => !(parameter.in === 'header' && String(parameter.name).toLowerCase() === 'authorization'),
        );
      }
      const responses = (operation.responses ??= {}) as Json;
      const add = (status: string, description: string, extra: Json = {}) => {
        responses[status] ??= { description, ...extra };
      };
      add(
        '400',
        'The request is not valid (unknown or malformed field, malformed JSON): problem details listing every field at fault.',
      );
      if (!isPublic(path)) {
        add('401', 'No valid access token: problem details with code UNAUTHENTICATED.');
        // Every service's guard (libs/auth) answers these before the route does.
        add(
          '403',
          'PASSWORD_CHANGE_REQUIRED: the user signed in with a temporary password must choose their own first; FORBIDDEN: a ' +
            "partner system's token lacks the scope this route needs (or the service takes no partner tokens).",
        );
      }
      if (path.includes('{')) add('404', 'No such resource, or your organisation may not see it.');
      if (operation.requestBody) {
        add('413', 'The request body is too large: code PAYLOAD_TOO_LARGE.');
        add('415', 'The body is not JSON encoded as UTF-8: code UNSUPPORTED_MEDIA_TYPE.');
      }
      add('429', 'Too many requests from your organisation (or, on sign-in routes, your address): code RATE_LIMITED.', {
        headers: RATE_LIMIT_HEADERS,
      });
      add('503', 'A service is unavailable (or its database is): code SERVICE_UNAVAILABLE; try again shortly.');
      add('504', 'A service did not answer in time: code UPSTREAM_TIMEOUT.');
      for (const [status, response] of Object.entries(responses)) {
        if (!/^[45]\d\d$/.test(status) || !response || '$ref' in response) continue;
        // Keep what the service documents (an OAuth 2 error is application/json with its own
        // fields, RFC 6749 §5.2) and add the problem details that the services' error filter and
        // the gateway answer with (the gateway's own 400/413/415/429… carry only those fields).
        const content = (response.content ?? {}) as Json;
        response.content = { ...content, [PROBLEM_JSON]: content[PROBLEM_JSON] ?? { schema: PROBLEM_REF } };
      }
    }
  }
  return document;
}
