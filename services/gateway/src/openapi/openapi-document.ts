import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './merge-openapi';
import { documentGatewayAnswers } from './gateway-answers';
import { findRoute, upstreams, type Route } from '../proxy/route-table';

const CACHE_MS = 30_000;

/**
 * The public document from the services' own documents, given in the order of `upstreams(routes)`:
 * what `/api/docs-json` serves, and what tools/web builds the web app's API types from.
 */
export function publicOpenApiDocument(documents: OpenAPIObject[], routes: Route[]): OpenAPIObject {
  const merged = mergeOpenApi(documents, (path) => findRoute(routes, path) !== undefined, {
    title: 'CMS — Contact Management Service API',
    version: '1',
    description:
      'Public API of the Contact Management Service for Dead to Live (DTL) and Isolation (ISO) contacts. ' +
      'Errors are RFC 9457 problem details with a stable `code` and the `traceId`.',
  });
  return documentGatewayAnswers(merged, (path) => findRoute(routes, path)?.public === true);
}

/** The merged public OpenAPI document, fetched from the services and cached briefly. */
export class OpenApiDocument {
  private cached?: { at: number; document: OpenAPIObject };

  constructor(private readonly routes: Route[]) {}

  async get(): Promise<OpenAPIObject> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.document;
    const documents = await Promise.all(
      upstreams(this.routes).map(async (replicas) => {
        const response = await replicas.fetch('/docs-json', { signal: AbortSignal.timeout(5_000) });
        if (!response.ok) throw new Error(`${replicas}/docs-json answered ${response.status}`);
        return (await response.json()) as OpenAPIObject;
      }),
    );
    const document = publicOpenApiDocument(documents, this.routes);
    this.cached = { at: Date.now(), document };
    return document;
  }
}
