import type { NextFunction, Request, Response } from 'express';
import { Router } from 'express';
import type { Logger } from 'pino';
import { ProblemException, sendProblem, toProblem, type Replicas } from '@cms/service-defaults';
import type { GatewayConfig } from '../gateway.config';
import { assertJsonBody, readBody } from '../proxy/read-body';
import type { GatewayRateLimits } from '../rate-limit/gateway-rate-limits';

/** The refresh token's cookie: sent by the browser to these routes only, never readable by a script. */
export const REFRESH_COOKIE = 'cms_web_refresh';
export const WEB_SESSION_PATH = '/api/web-session';

/**
 * The web app's session (README "Web UI"). Sign-in, refresh and sign-out are access-control's
 * (`/api/v1/auth/login|refresh|logout`); for the browser the gateway keeps the refresh token out of
 * the page's reach: it answers the access token alone and sets the refresh token as an `HttpOnly`,
 * `SameSite=Strict` cookie on `/api/web-session`, which the page presents, without seeing it, to
 * renew the access token (silent refresh) and to sign out. The access token itself stays in the
 * page's memory (OWASP, "Token storage on client side"). A request from another site is refused:
 * the browser sends it no Strict cookie, and the body must be JSON (which a form cannot send).
 */
export function webSessionRoutes(
  accessControlReplicas: Replicas,
  rateLimits: GatewayRateLimits,
  config: GatewayConfig,
  logger: Logger,
): Router {
  const router = Router();
  const handle =
    (work: (request: Request, response: Response) => Promise<void>) =>
    (request: Request, response: Response): void => {
      work(request, response).catch((error: unknown) => {
        if (!(error instanceof ProblemException))
          logger.error({ err: error, url: request.originalUrl }, 'web session failure');
        if (response.headersSent) return void response.destroy();
        request.resume();
        sendProblem(response, toProblem(error, request.originalUrl));
      });
    };

  const accessControl = async (
    request: Request,
    route: 'login' | 'refresh' | 'logout',
    body: string,
  ): Promise<globalThis.Response> => {
    try {
      // Signing in is not repeatable: sent to another replica only if this one refused the connection.
      return await accessControlReplicas.fetch(`/api/v1/auth/${route}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': request.ip ?? '',
          'x-forwarded-proto': request.protocol,
        },
        body,
        signal: AbortSignal.timeout(config.GATEWAY_UPSTREAM_TIMEOUT_MS),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'TimeoutError') {
        throw new ProblemException(
          504,
          'UPSTREAM_TIMEOUT',
          'Gateway timeout',
          'The service did not answer in time; try again.',
        );
      }
      throw new ProblemException(
        503,
        'SERVICE_UNAVAILABLE',
        'Service unavailable',
        'The service is unavailable; try again shortly.',
      );
    }
  };

  /** Passes access-control's refusal on as it is (its problem details, its trace id). */
  const relay = async (answer: globalThis.Response, response: Response) => {
    response.status(answer.status);
    const type = answer.headers.get('content-type');
    if (type) response.setHeader('content-type', type);
    response.send(Buffer.from(await answer.arrayBuffer()));
  };

  /** Answers the token response without its refresh token, which goes into the cookie. */
  const answerTokens = async (answer: globalThis.Response, request: Request, response: Response) => {
    const { refreshToken, ...tokens } = (await answer.json()) as {
      refreshToken: string;
      accessToken: string;
      tokenType: string;
      expiresIn: number;
    };
    response.cookie(REFRESH_COOKIE, refreshToken, cookieOptions(request));
    response.status(200).json(tokens);
  };

  router.use(sameSiteOnly);
  router.use((request: Request, response: Response, next: NextFunction) => {
    try {
      // The public allowance of sign-in and its companions, shared with /api/v1/auth/*.
      rateLimits.enforce({ clientIp: request.ip ?? request.socket.remoteAddress ?? 'unknown' }, response);
      next();
    } catch (error) {
      request.resume();
      sendProblem(response, toProblem(error, request.originalUrl));
    }
  });

  router.post(
    '/login',
    handle(async (request, response) => {
      const body = await readBody(request, config.GATEWAY_BODY_LIMIT_BYTES);
      assertJsonBody(body, request.headers['content-type']);
      const answer = await accessControl(request, 'login', body.toString('utf8'));
      if (answer.status === 200) return answerTokens(answer, request, response);
      await relay(answer, response);
    }),
  );

  router.post(
    '/refresh',
    handle(async (request, response) => {
      request.resume();
      const refreshToken = refreshCookie(request);
      if (!refreshToken)
        throw new ProblemException(
          401,
          'UNAUTHENTICATED',
          'Authentication required',
          'No session in this browser: sign in.',
        );
      const answer = await accessControl(request, 'refresh', JSON.stringify({ refreshToken }));
      if (answer.status === 200) return answerTokens(answer, request, response);
      // Refused (used, expired, revoked): the cookie is of no more use.
      if (answer.status === 401 || answer.status === 400) response.clearCookie(REFRESH_COOKIE, cookieOptions(request));
      await relay(answer, response);
    }),
  );

  router.post(
    '/logout',
    handle(async (request, response) => {
      request.resume();
      const refreshToken = refreshCookie(request);
      if (refreshToken) {
        const answer = await accessControl(request, 'logout', JSON.stringify({ refreshToken }));
        if (answer.status !== 204) return relay(answer, response);
      }
      response.clearCookie(REFRESH_COOKIE, cookieOptions(request));
      response.status(204).end();
    }),
  );

  router.use((request: Request, response: Response) => {
    request.resume();
    sendProblem(response, toProblem(ProblemException.notFound('No such route.'), request.originalUrl));
  });
  return router;
}

/**
 * The cookie's attributes: `HttpOnly` (no script reads it), `SameSite=Strict` (no other site's
 * request carries it), on these routes only, for the browser session. `Secure` except over plain
 * HTTP to this machine (`npm start`), where a browser would not store it.
 */
export function cookieOptions(request: Pick<Request, 'secure' | 'hostname'>) {
  return {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: WEB_SESSION_PATH,
    secure: request.secure || !isLoopback(request.hostname),
  };
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '::1' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/** The refresh token from the Cookie header (RFC 6265 §5.4: `name=value` pairs separated by `; `). */
export function refreshCookie(request: Pick<Request, 'headers'>): string | undefined {
  for (const pair of (request.headers.cookie ?? '').split(';')) {
    const separator = pair.indexOf('=');
    if (separator > 0 && pair.slice(0, separator).trim() === REFRESH_COOKIE) {
      try {
        return decodeURIComponent(pair.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * Refuses a request another site made the browser send (Fetch Metadata, `Sec-Fetch-Site`; an
 * `Origin` that is not this host's where the browser sends no such header).
 */
function sameSiteOnly(request: Request, response: Response, next: NextFunction): void {
  const site = request.headers['sec-fetch-site'];
  const origin = request.headers.origin;
  const crossSite =
    site !== undefined ? site !== 'same-origin' : origin !== undefined && hostOf(origin) !== request.headers.host;
  if (!crossSite) return next();
  request.resume();
  sendProblem(
    response,
    toProblem(
      new ProblemException(
        403,
        'CROSS_SITE_REQUEST',
        'Forbidden',
        'The web session answers this site’s own pages only.',
      ),
      request.originalUrl,
    ),
  );
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
