import type { NextFunction, Request, Response } from 'express';
import { ProblemException, sendProblem, toProblem } from '@cms/service-defaults';

const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';
const ALLOWED_HEADERS = 'Authorization, Content-Type, Idempotency-Key';
const EXPOSED_HEADERS = 'Retry-After, Location, ETag, RateLimit-Limit, RateLimit-Remaining, Idempotent-Replayed';
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin access for browsers, from an allow-list of exact origins (`CORS_ALLOWED_ORIGINS`;
 * empty: no cross-origin access at all). An allowed origin gets the CORS headers; any other gets
 * none, and its preflight is refused with 403. Requests carry bearer tokens, not cookies, so
 * credentials are not allowed (https://fetch.spec.whatwg.org/#http-cors-protocol).
 */
export function cors(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins.map(normaliseOrigin));
  return (request: Request, response: Response, next: NextFunction): void => {
    const origin = request.headers.origin;
    if (origin === undefined) return next();
    // The answer differs by Origin: shared caches must keep them apart.
    response.vary('Origin');
    const isAllowed = allowed.has(normaliseOrigin(origin));
    const isPreflight = request.method === 'OPTIONS' && request.headers['access-control-request-method'] !== undefined;
    if (isPreflight) {
      request.resume();
      if (!isAllowed) {
        const refusal = new ProblemException(403, 'CORS_ORIGIN_NOT_ALLOWED', 'Forbidden', `Cross-origin requests from ${origin} are not allowed.`);
        sendProblem(response, toProblem(refusal, request.originalUrl));
        return;
      }
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      response.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      response.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
      response.status(204).end();
      return;
    }
    if (isAllowed) {
      response.setHeader('Access-Control-Allow-Origin', origin);
      response.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    next();
  };
}

/** Origins compare case-insensitively on scheme and host, without a trailing slash. */
function normaliseOrigin(origin: string): string {
  return origin.trim().replace(/\/+$/, '').toLowerCase();
}
