import type { OpenAPIObject } from '@nestjs/swagger';
import { mergeOpenApi } from './merge-openapi';
import { documentGatewayAnswers } from './gateway-answers';
import { documentOperationLinks } from './operation-links';
import { findRoute, upstreams, type Route } from '../proxy/route-table';

const CACHE_MS = 30_000;

/**
 * The public document from the services' own documents, given in the order of `upstreams(routes)`:
 * what `/api/docs-json` serves, and what tools/web builds the web app's API types from. Besides the
 * merge: the answers the gateway gives itself, and the links between operations.
 */
export function publicOpenApiDocument(documents: OpenAPIObject[], routes: Route[]): OpenAPIObject {
  const merged = mergeOpenApi(documents, (path) => findRoute(routes, path) !== undefined, {
    title: 'CMS — Contact Management Service API',
    version: '1',
    description:
      'Public API of the Contact Management Service for Dead to Live (DTL) and Isolation (ISO) contacts. ' +
      'Errors are RFC 9457 problem details with a stable `code` and the `traceId`. This document states every constraint ' +
      'the services enforce: a request outside it is 400 (VALIDATION_FAILED and the codes of malformed input, every field ' +
      'at fault listed); a request it allows may still be refused 422 by a rule beyond its shape (a meter point the ' +
      'register does not hold, a cursor this API did not return, an Idempotency-Key used with another body), or 404, 409 ' +
      'or 412 by the state of what it names. Links between operations show where one answer feeds the next request. ' +
      'A method a path does not ' +
      'declare is answered 405 METHOD_NOT_ALLOWED with `Allow` listing those it does (RFC 9110 §15.5.6); a path no ' +
      'operation declares is 404.',
  });
  return documentOperationLinks(documentGatewayAnswers(merged, (path) => findRoute(routes, path)?.public === true));
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
