import { Catch, Inject, Injectable, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { LOGGER, sendProblem, toProblem } from '@cms/service-defaults';
import { OAuthProblem } from '../application/api-client.problems';

/**
 * Errors of the OAuth 2 token endpoint in both shapes at once: the RFC 6749 §5.2 members `error`
 * and `error_description` that OAuth client libraries read, beside the problem-details members
 * (`type`, `title`, `status`, `detail`, `code`, `traceId`) every CMS error has. Sent as
 * `application/json`, the media type §5.2 names, which OAuth libraries insist on; never cached.
 */
@Catch()
@Injectable()
export class OAuthErrorFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const problem = toProblem(error, request.originalUrl);
    if (problem.status >= 500) {
      this.logger.error({ err: error, url: request.originalUrl, code: problem.code }, 'token request failed');
      sendProblem(response, problem);
      return;
    }
    const oauthError = error instanceof OAuthProblem ? error.error : problem.status === 401 ? 'invalid_client' : 'invalid_request';
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Pragma', 'no-cache');
    // RFC 6749 §5.2: a 401 names the authentication scheme the client should use.
    if (problem.status === 401) response.setHeader('WWW-Authenticate', 'Basic realm="cms-api", charset="UTF-8"');
    response
      .status(problem.status)
      .type('application/json')
      .send(JSON.stringify({ error: oauthError, error_description: problem.detail ?? problem.title, ...problem }));
  }
}
