import { NotFoundException } from '@nestjs/common';
import type { Request } from 'express';

/** A route layer of Express 5's router, as far as this reads it. */
interface RouteLayer {
  match(path: string): boolean;
  route?: { methods: Record<string, boolean> };
}

/**
 * The methods the service answers at the request's path, when the request used another one: a
 * request the router found no route for (Nest's NotFoundException "Cannot PUT /…") at a path that
 * has routes is `405 Method Not Allowed` with `Allow` (RFC 9110 §15.5.6), not 404, so that a
 * partner sees the path exists and what it takes. Undefined for anything else.
 */
export function allowedMethodsFor(error: unknown, request: Request): string[] | undefined {
  if (!(error instanceof NotFoundException) || !/^Cannot [A-Z]+ /.test(error.message)) return undefined;
  const router = (request.app as unknown as { router?: { stack?: RouteLayer[] } }).router;
  const path = new URL(request.originalUrl, 'http://service').pathname;
  const methods = new Set<string>();
  for (const layer of router?.stack ?? []) {
    if (!layer.route || !layer.match(path)) continue;
    for (const [method, handled] of Object.entries(layer.route.methods)) {
      if (handled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  methods.delete(request.method.toUpperCase());
  return methods.size > 0 ? [...methods].sort() : undefined;
}
