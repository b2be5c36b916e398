import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { Logger } from 'pino';
import { ProblemException, sendProblem, toProblem } from '@cms/service-defaults';

/**
 * The web app's pages (web/, built by Vite into WEB_APP_DIR): the only thing the browser loads
 * from anywhere, so the policy allows this origin alone, runs no inline script or style, and
 * lets no other site frame the page or read it (`default-src 'self'`; nothing third-party).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** A year: the longest a cache keeps anything (RFC 9111); a hashed file never changes under its name. */
const HASHED_FILE_CACHE = 'public, max-age=31536000, immutable';
/** index.html and the other unhashed files: kept, but checked with the gateway before each use. */
const UNHASHED_FILE_CACHE = 'no-cache';

/** Paths that are never a page of the app: the API, and every service's health and metrics. */
const NOT_PAGES = /^\/(api|health|metrics)(\/|$)/;

/**
 * Serves the built web app: `/assets/*` (hashed names) cached for good, anything else of the build
 * revalidated, and index.html for every other page address a browser asks for (a client route:
 * `/contacts/C000001234` on a reload), never for the API. Without a build it says how to make one.
 */
export function webApp(directory: string, logger: Logger) {
  const index = join(directory, 'index.html');
  if (!existsSync(index)) {
    logger.warn(
      { directory },
      'the web app is not built: / answers 404 (build it with `node -r @swc-node/register tools/web/build-web.ts`)',
    );
  }
  const files = express.static(directory, {
    index: false,
    redirect: false,
    fallthrough: true,
    cacheControl: false,
    setHeaders: (response, path) => {
      response.setHeader(
        'Cache-Control',
        path.startsWith(join(directory, 'assets')) ? HASHED_FILE_CACHE : UNHASHED_FILE_CACHE,
      );
    },
  });

  return (request: Request, response: Response, next: NextFunction): void => {
    if ((request.method !== 'GET' && request.method !== 'HEAD') || NOT_PAGES.test(request.path)) return next();
    response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
    files(request, response, () => {
      // Not a file of the build: a page address gets the app; a missing file (an old asset, a typo), 404.
      const isFile = /\.[^/]+$/.test(request.path);
      if (isFile || !request.accepts('html') || !existsSync(index)) {
        const detail = existsSync(index) ? 'No such file.' : 'The web app is not built on this gateway.';
        return sendProblem(response, toProblem(ProblemException.notFound(detail), request.originalUrl));
      }
      response.setHeader('Cache-Control', UNHASHED_FILE_CACHE);
      response.sendFile(index, { cacheControl: false }, (error) => {
        if (error && !response.headersSent) next(error);
      });
    });
  };
}
