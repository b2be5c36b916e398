import type { ProblemError } from '@cms/contracts';

/**
 * A designed error: an HTTP status, a stable code, a plain message and, where they apply, the
 * fields or reasons at fault. Thrown by application code; turned into RFC 9457 problem details by
 * the ProblemDetailsFilter.
 */
export class ProblemException extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: ProblemError[],
  ) {
    super(detail ?? title);
  }

  static notFound(detail = 'The resource does not exist or you may not see it.'): ProblemException {
    return new ProblemException(404, 'NOT_FOUND', 'Not found', detail);
  }

  static forbidden(detail: string): ProblemException {
    return new ProblemException(403, 'FORBIDDEN', 'Forbidden', detail);
  }

  static conflict(code: string, detail: string): ProblemException {
    return new ProblemException(409, code, 'Conflict', detail);
  }

  static validation(errors: ProblemError[]): ProblemException {
    return new ProblemException(400, 'VALIDATION_FAILED', 'The request is not valid', 'See errors for every field at fault.', errors);
  }
}
