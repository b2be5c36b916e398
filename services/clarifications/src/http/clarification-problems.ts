import { ProblemException, staleVersion } from '@cms/service-defaults';
import { ClarificationNotFound, StaleClarificationVersion } from '../application/clarification-commands';
import { ClarificationRefused } from '../domain';

/** The use cases' and the domain's refusals as problem details; anything else is not ours to explain. */
export function asProblem(error: unknown): never {
  if (error instanceof ClarificationNotFound) throw notFound();
  if (error instanceof StaleClarificationVersion) throw staleVersion(error.expected, error.current);
  if (error instanceof ClarificationRefused) {
    switch (error.kind) {
      case 'FORBIDDEN':
        throw new ProblemException(403, error.code, 'Forbidden', error.message);
      case 'CONFLICT':
        throw ProblemException.conflict(error.code, error.message);
      case 'INVALID':
        throw new ProblemException(422, error.code, 'Not acceptable', error.message, [
          { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) },
        ]);
    }
  }
  throw error;
}

/** No such contact or thread, or the caller's organisation is not involved in it: the same answer. */
export function notFound(): ProblemException {
  return ProblemException.notFound('No such clarification or contact.');
}
