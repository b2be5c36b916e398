import type { components } from './schema';

type ProblemDetails = components['schemas']['ProblemDetailsResponse'];
export type ProblemError = components['schemas']['ProblemErrorResponse'];

/**
 * An API answer that is not a success, as RFC 9457 problem details (every CMS service and the
 * gateway answer so): what to show a person (`message`), the trace id support looks for, and each
 * field or reason at fault.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly title: string,
    message: string,
    readonly traceId: string | undefined,
    readonly errors: readonly ProblemError[],
  ) {
    super(message);
    this.name = 'ApiProblem';
  }

  /** From the body and status of an answer; a body that is not problem details still becomes one. */
  static from(body: unknown, status: number): ApiProblem {
    if (isProblemDetails(body)) {
      return new ApiProblem(
        body.status,
        body.code,
        body.title,
        body.detail ?? body.title,
        body.traceId,
        body.errors ?? [],
      );
    }
    return new ApiProblem(
      status,
      'UNEXPECTED_ANSWER',
      'Unexpected answer',
      `CMS answered with status ${status}. Try again shortly.`,
      undefined,
      [],
    );
  }

  /** The request never got an answer (offline, the server unreachable). */
  static unreachable(): ApiProblem {
    return new ApiProblem(
      0,
      'UNREACHABLE',
      'No answer',
      'CMS could not be reached. Check your connection and try again.',
      undefined,
      [],
    );
  }

  /** The reasons at fault on each field, by the field's path (`dtlEvidence.meterRead.value`). */
  byField(): Map<string, string[]> {
    const fields = new Map<string, string[]>();
    for (const error of this.errors) {
      if (error.field === undefined) continue;
      fields.set(error.field, [...(fields.get(error.field) ?? []), error.message]);
    }
    return fields;
  }
}

function isProblemDetails(body: unknown): body is ProblemDetails {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<ProblemDetails>;
  return (
    typeof candidate.status === 'number' && typeof candidate.code === 'string' && typeof candidate.title === 'string'
  );
}
