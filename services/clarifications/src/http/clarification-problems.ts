import { ProblemException, refusalProblem, staleVersion } from '@cms/service-defaults';
import { ClarificationNotFound, StaleClarificationVersion } from '../application/clarification-commands';
import { ClarificationRefused } from '../domain';

/** The use cases' and the domain's refusals as problem details; anything else is not ours to explain. */
export function asProblem(error: unknown): never {
  if (error instanceof ClarificationNotFound) throw notFound();
  if (error instanceof StaleClarificationVersion) throw staleVersion(error.expected, error.current);
  if (error instanceof ClarificationRefused) throw refusalProblem(error);
  throw error;
}

/** No such contact or thread, or the caller's organisation is not involved in it: the same answer. */
export function notFound(): ProblemException {
  return ProblemException.notFound('No such clarification or contact.');
}
