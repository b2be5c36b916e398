import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { PasswordChangeRequiredError } from '@cms/auth';
import { problemType, type ProblemDetails } from '@cms/contracts';
import { currentTraceId } from '@cms/observability';
import { isDatabaseUnavailable } from '@cms/persistence';
import { allowedMethodsFor } from './allowed-methods';
import { ProblemException } from './problem.exception';

const CODES_BY_STATUS: Record<number, [code: string, title: string]> = {
  400: ['BAD_REQUEST', 'Bad request'],
  401: ['UNAUTHENTICATED', 'Authentication required'],
  403: ['FORBIDDEN', 'Forbidden'],
  404: ['NOT_FOUND', 'Not found'],
  405: ['METHOD_NOT_ALLOWED', 'Method not allowed'],
  406: ['NOT_ACCEPTABLE', 'Not acceptable'],
  409: ['CONFLICT', 'Conflict'],
  413: ['PAYLOAD_TOO_LARGE', 'Request body too large'],
  415: ['UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type'],
  422: ['UNPROCESSABLE', 'Unprocessable request'],
  429: ['RATE_LIMITED', 'Too many requests'],
  503: ['SERVICE_UNAVAILABLE', 'Service unavailable'],
};

/** Builds the problem-details body for any error; never leaks a stack trace or internal message. */
export function toProblem(error: unknown, instance?: string): ProblemDetails {
  const traceId = currentTraceId();
  if (error instanceof ProblemException) {
    return {
      type: problemType(error.code),
      title: error.title,
      status: error.status,
      detail: error.detail,
      code: error.code,
      traceId,
      instance,
      ...(error.errors ? { errors: error.errors } : {}),
    };
  }
  if (error instanceof PasswordChangeRequiredError) {
    return problem(403, 'PASSWORD_CHANGE_REQUIRED', 'Password change required', error.message, traceId, instance);
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const [code, title] = CODES_BY_STATUS[status] ?? (status >= 500 ? ['INTERNAL_ERROR', 'Internal error'] : ['BAD_REQUEST', 'Bad request']);
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: unknown }).message
        : error.message;
    return {
      type: problemType(code),
      title,
      status,
      detail: status >= 500 ? undefined : Array.isArray(message) ? message.join('; ') : String(message),
      code,
      traceId,
      instance,
    };
  }
  const bodyParserError = error as { type?: string; status?: number; body?: unknown } | null;
  if (bodyParserError?.type === 'entity.parse.failed') {
    if (isJson(bodyParserError.body)) {
      // Valid JSON, but a bare string, number, boolean or null: the body parser is strict.
      return problem(400, 'BODY_NOT_OBJECT', 'Bad request', 'The request body must be a JSON object.', traceId, instance);
    }
    return problem(400, 'MALFORMED_JSON', 'Malformed JSON', 'The request body is not valid JSON.', traceId, instance);
  }
  if (bodyParserError?.type === 'entity.too.large') {
    return problem(413, 'PAYLOAD_TOO_LARGE', 'Request body too large', 'The request body exceeds the size limit.', traceId, instance);
  }
  if (bodyParserError?.type === 'encoding.unsupported' || bodyParserError?.type === 'charset.unsupported') {
    return problem(415, 'UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type', 'Send JSON encoded as UTF-8.', traceId, instance);
  }
  if (typeof bodyParserError?.status === 'number' && bodyParserError.status >= 400 && bodyParserError.status < 500) {
    return problem(bodyParserError.status, 'BAD_REQUEST', 'Bad request', 'The request could not be read.', traceId, instance);
  }
  if (isDatabaseUnavailable(error)) {
    return problem(503, 'SERVICE_UNAVAILABLE', 'Service unavailable', 'A dependency is unavailable; try again shortly.', traceId, instance);
  }
  return problem(500, 'INTERNAL_ERROR', 'Internal error', 'Something went wrong on our side; quote the traceId to support.', traceId, instance);
}

function isJson(text: unknown): boolean {
  if (typeof text !== 'string') return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

function problem(status: number, code: string, title: string, detail: string, traceId?: string, instance?: string): ProblemDetails {
  return { type: problemType(code), title, status, detail, code, traceId, instance };
}

export function sendProblem(response: Response, body: ProblemDetails): void {
  if (body.status === 503) response.setHeader('Retry-After', '1');
  response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
}

/** Every error a service returns is RFC 9457 problem details with a stable code and the trace id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const context = host.switchToHttp();
    const request = context.getRequest<Request>();
    const response = context.getResponse<Response>();
    const allowed = allowedMethodsFor(error, request);
    if (allowed && !response.headersSent) {
      response.setHeader('Allow', allowed.join(', '));
      return sendProblem(
        response,
        problem(405, 'METHOD_NOT_ALLOWED', 'Method not allowed', `${request.method} is not answered here; this path takes ${allowed.join(', ')}.`, currentTraceId(), request.originalUrl),
      );
    }
    const body = toProblem(error, request.originalUrl);
    if (body.status >= 500) {
      this.logger.error({ err: error, method: request.method, url: request.originalUrl, code: body.code }, 'request failed');
    }
    if (response.headersSent) return;
    sendProblem(response, body);
  }
}
