/**
 * Errors returned to clients are RFC 9457 problem details with a stable `code` and the `traceId`,
 * so support can find the trace from a screenshot of the error.
 */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  /** Stable, machine-readable code, e.g. `VALIDATION_FAILED`, `NOT_FOUND`, `CONTACT_REJECTED`. */
  code: string;
  traceId?: string;
  instance?: string;
  /** Every field at fault (validation) or every rejection reason (contact logging). */
  errors?: ProblemError[];
}

export interface ProblemError {
  code: string;
  message: string;
  field?: string;
}

/** Problem types are URNs: stable identifiers that need no web host to resolve. */
export const PROBLEM_TYPE_BASE = 'urn:cms:problem:';

export function problemType(code: string): string {
  return `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`;
}
