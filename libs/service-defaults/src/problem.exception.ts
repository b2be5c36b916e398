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

/**
 * A domain's refusal of a command, with its stable code: FORBIDDEN (the caller may not give it),
 * CONFLICT (the state does not allow it), INVALID (what was sent is at fault, in `field`).
 */
export interface CommandRefusal {
  readonly kind: 'FORBIDDEN' | 'CONFLICT' | 'INVALID';
  readonly code: string;
  readonly message: string;
  readonly field?: string;
}

/** A refusal as problem details: 403, 409, or 422 with the one error at fault. */
export function refusalProblem(refusal: CommandRefusal): ProblemException {
  switch (refusal.kind) {
    case 'FORBIDDEN':
      return new ProblemException(403, refusal.code, 'Forbidden', refusal.message);
    case 'CONFLICT':
      return ProblemException.conflict(refusal.code, refusal.message);
    case 'INVALID':
      return new ProblemException(422, refusal.code, 'Not acceptable', refusal.message, [
        { code: refusal.code, message: refusal.message, ...(refusal.field ? { field: refusal.field } : {}) },
      ]);
  }
}
