import { Agent, request as httpRequest, type ClientRequest, type IncomingHttpHeaders, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { AccessTokenVerifier, bearerToken, InvalidAccessTokenError, type Caller } from '@cms/auth';
import {
  CLIENT_IDLE_CONNECTION_MS,
  failedOnStaleConnection,
  isRepeatable,
  ProblemException,
  sendOnceMoreIfStale,
  sendProblem,
  StaleConnectionError,
  toProblem,
  trackEventStream,
} from '@cms/service-defaults';
import type { GatewayConfig } from '../gateway.config';
import type { GatewayRateLimits } from '../rate-limit/gateway-rate-limits';
import type { EndedSessions } from '../sessions/ended-sessions';
import { assertJsonBody, readBody } from './read-body';
import { findRoute, type Route } from './route-table';

// RFC 9110 §7.6.1: connection-specific headers are not forwarded, in either direction.
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-authenticate', 'proxy-authorization', 'proxy-connection', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

// Towards the service, also: the host is the service's; the length is set again from the body as
// read; the trace context is the gateway's own span's, set by the HTTP instrumentation.
const NOT_FORWARDED_TO_SERVICE = new Set([...HOP_BY_HOP, 'host', 'content-length', 'traceparent', 'tracestate']);

// Back to the caller the answer's bytes are passed on unchanged, so its Content-Length stays true:
// keeping it spares a chunked answer (and a socket write for its last chunk).
const NOT_FORWARDED_TO_CALLER = new Set(HOP_BY_HOP);

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/**
 * The gateway's one job on `/api/v1/*`: find the service, check the caller's token, apply the
 * caller's organisation's rate limit (the client IP's on public routes), check the body is JSON
 * within the size limit, forward, and stream the answer back. Every refusal is problem details; a
 * service that cannot be reached is a 503, one that is too slow a 504. Every other request header,
 * `Idempotency-Key` included, reaches the service untouched.
 */
export class ApiProxy {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 128, keepAliveMsecs: 10_000, timeout: CLIENT_IDLE_CONNECTION_MS });
  /** The event streams open through this replica: the session of their caller's token, and what ends each. */
  private readonly openStreams = new Map<Response, { sessionId: string | undefined; end: () => void }>();

  constructor(
    private readonly routes: Route[],
    private readonly verifier: AccessTokenVerifier,
    private readonly endedSessions: EndedSessions,
    private readonly rateLimits: GatewayRateLimits,
    private readonly config: GatewayConfig,
    private readonly logger: Logger,
  ) {
    // A stream outlives the check of its token: when its session ends, it ends too (docs/quality.md "Security").
    endedSessions.onEnded((sessionIds) => {
      for (const stream of [...this.openStreams.values()]) if (stream.sessionId !== undefined && sessionIds.includes(stream.sessionId)) stream.end();
    });
  }

  async handle(request: Request, response: Response): Promise<void> {
    try {
      // Mounted under /api/v1, so request.path is relative: route on the full original path.
      const route = findRoute(this.routes, new URL(request.originalUrl, 'http://gateway').pathname);
      if (!route) throw ProblemException.notFound('No such API route.');
      let sessionId: string | undefined;
      if (route.public) {
        this.rateLimits.enforce({ clientIp: request.ip ?? request.socket.remoteAddress ?? 'unknown' }, response);
      } else {
        const caller = await this.authenticate(request);
        this.rateLimits.enforce({ organisationId: caller.organisationId }, response);
        sessionId = caller.sessionId;
      }
      let body: Buffer | undefined;
      if (METHODS_WITH_BODY.has(request.method)) {
        body = await readBody(request, this.config.GATEWAY_BODY_LIMIT_BYTES);
        assertJsonBody(body, request.headers['content-type'], route.acceptForm);
      }
      await this.forward(route, request, response, body, sessionId);
    } catch (error) {
      if (!(error instanceof ProblemException)) this.logger.error({ err: error, url: request.originalUrl }, 'proxy failure');
      if (!response.headersSent) {
        // A refused request's body is never read: drain it so the connection can be reused.
        request.resume();
        sendProblem(response, toProblem(error, request.originalUrl));
      } else {
        response.destroy();
      }
    }
  }

  close(): void {
    this.agent.destroy();
  }

  /** A stopping gateway ends its open event streams (they never finish on their own): clients reconnect to another replica. */
  endStreams(): void {
    for (const stream of [...this.openStreams.values()]) stream.end();
  }

  private async authenticate(request: Request): Promise<Caller> {
    const token = bearerToken(request.headers.authorization);
    if (!token) {
      throw new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', 'Send an access token: Authorization: Bearer <token>.');
    }
    let caller: Caller;
    try {
      caller = await this.verifier.verify(token);
    } catch (error) {
      if (error instanceof InvalidAccessTokenError) {
        throw new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', error.message);
      }
      throw error;
    }
    // Signed out, suspended, or its password changed: refused now, not when the token expires.
    if (this.endedSessions.hasEnded(caller.sessionId)) {
      throw new ProblemException(401, 'UNAUTHENTICATED', 'Authentication required', 'The session has ended. Sign in again.');
    }
    return caller;
  }

  private async forward(route: Route, request: Request, response: Response, body: Buffer | undefined, sessionId: string | undefined): Promise<void> {
    const headers = forwardableHeaders(request.headers);
    headers['x-forwarded-for'] = request.ip ?? '';
    headers['x-forwarded-proto'] = request.protocol;
    if (body !== undefined) headers['content-length'] = String(body.length);

    // To the service's replicas in turn; one that cannot be reached (stopping, restarting) is passed
    // over for the next, when the request never reached it or may be repeated (Replicas). On one
    // replica, a request sent on a kept-alive connection it had just closed was never read: sent
    // once more there, on a new connection.
    try {
      await route.replicas.send(isRepeatable(request.method, request.headers), (upstream) =>
        sendOnceMoreIfStale((mayRetry) => this.send(new URL(request.originalUrl, upstream), request.method, headers, body, response, mayRetry, sessionId)),
      );
    } catch (error) {
      if (error instanceof ProblemException) throw error;
      throw new ProblemException(503, 'SERVICE_UNAVAILABLE', 'Service unavailable', 'The service is unavailable; try again shortly.');
    }
  }

  private send(
    target: URL,
    method: string,
    headers: OutgoingHttpHeaders,
    body: Buffer | undefined,
    response: Response,
    mayRetry: boolean,
    sessionId: string | undefined,
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      let answered = false;
      const upstream = httpRequest(
        target,
        // A second attempt takes a connection of its own: another pooled one may be just as stale.
        { method, headers, agent: mayRetry ? this.agent : false, timeout: this.config.GATEWAY_UPSTREAM_TIMEOUT_MS },
        (answer: IncomingMessage) => {
          answered = true;
          response.status(answer.statusCode ?? 502);
          for (const [name, value] of Object.entries(answer.headers)) {
            if (value !== undefined && !NOT_FORWARDED_TO_CALLER.has(name)) response.setHeader(name, value);
          }
          if (answer.headers['content-type']?.startsWith('text/event-stream')) this.keepStreamOpen(upstream, answer, response, sessionId, resolve);
          answer.pipe(response);
          answer.on('end', resolve);
          answer.on('error', (error) => reject(cutOff(error)));
        },
      );
      upstream.on('timeout', () => {
        upstream.destroy(new ProblemException(504, 'UPSTREAM_TIMEOUT', 'Gateway timeout', 'The service did not answer in time; try again.'));
      });
      upstream.on('error', (error) => {
        if (mayRetry && failedOnStaleConnection(upstream, error, answered)) return reject(new StaleConnectionError());
        // Before an answer, the error as it is (Replicas decides whether another replica may take it).
        reject(answered ? cutOff(error) : error);
      });
      upstream.end(body);
    });
  }

  /**
   * A server-sent event stream (`/notifications/stream`) is passed on as it comes: each event at
   * once (the pipe writes every chunk), headers now, and no upstream timeout, since a stream is
   * idle between events (the service's heartbeats keep it alive). Kept by its caller's session,
   * so that the session's end ends it; when the caller goes, the service's side is closed too.
   */
  private keepStreamOpen(upstream: ClientRequest, answer: IncomingMessage, response: Response, sessionId: string | undefined, done: () => void): void {
    upstream.setTimeout(0);
    response.flushHeaders();
    trackEventStream(response);
    const end = () => {
      answer.unpipe(response);
      response.end();
    };
    this.openStreams.set(response, { sessionId, end });
    response.on('close', () => {
      done();
      upstream.destroy();
      this.openStreams.delete(response);
    });
  }
}

/** An answer that broke off once begun: never sent elsewhere (the caller has its beginning). */
function cutOff(error: Error): Error {
  return new Error(`the service's answer broke off: ${error.message}`);
}

function forwardableHeaders(incoming: IncomingHttpHeaders): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(incoming)) {
    if (value !== undefined && !NOT_FORWARDED_TO_SERVICE.has(name)) headers[name] = value;
  }
  return headers;
}
