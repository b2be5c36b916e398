import type { OpenAPIObject } from '@nestjs/swagger';

/**
 * Merges the services' OpenAPI documents into the one public document. Paths are already public
 * paths (`/api/v1/…`); only those the gateway routes are kept. Schema names must not collide
 * across services unless identical: a collision is a design error reported at once.
 */
export function mergeOpenApi(documents: OpenAPIObject[], isRouted: (path: string) => boolean, info: OpenAPIObject['info']): OpenAPIObject {
  const merged: OpenAPIObject = {
    openapi: '3.0.0',
    info,
    servers: [{ url: '/' }],
    paths: {},
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        // How a partner system gets its bearer token (POST /auth/token, RFC 6749 §4.4): the same
        // `bearer` then carries it; the scopes an API client may hold are those of POST /api-clients.
        partnerSystem: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/v1/auth/token', scopes: {} } } },
      },
      schemas: {},
    },
    security: [{ bearer: [] }],
    tags: [],
  };
  for (const document of documents) {
    for (const [path, item] of Object.entries(document.paths ?? {})) {
      if (isRouted(path)) merged.paths[path] = item;
    }
    for (const [name, schema] of Object.entries(document.components?.schemas ?? {})) {
      const existing = merged.components!.schemas![name];
      if (existing && JSON.stringify(existing) !== JSON.stringify(schema)) {
        throw new Error(`OpenAPI schema name collision: ${name} differs between services`);
      }
      merged.components!.schemas![name] = schema;
    }
    for (const tag of document.tags ?? []) {
      if (!merged.tags!.some((known) => known.name === tag.name)) merged.tags!.push(tag);
    }
  }
  return merged;
}
