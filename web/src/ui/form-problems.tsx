import { useState } from 'react';
import type { FieldProblem } from '../account/account-rules';
import { ApiProblem } from '../api/problem';
import { controlId } from './fields';
import { ErrorSummary } from './problem-notice';

/**
 * What is wrong with a form, the one way the account and administration screens keep it: the
 * reasons found before sending or given by the API, each on its field, the API's problem (its
 * message and trace id), and the summary at the top, shown afresh at each attempt.
 */
export function useFormProblems() {
  const [state, setState] = useState<{ problems: FieldProblem[]; problem?: ApiProblem; attempt: number }>({
    problems: [],
    attempt: 0,
  });
  return {
    problem: state.problem,
    errorsOf: (field: string) => state.problems.filter((found) => found.field === field).map((found) => found.message),
    /** The reasons found before sending (none: go ahead, and the last attempt's are cleared). */
    checked(found: FieldProblem[]): boolean {
      setState(({ attempt }) => ({ problems: found, attempt: attempt + 1 }));
      return found.length === 0;
    },
    /** The API refused: its problem, and each of its reasons on the field `fieldOf` names for it. */
    refused(error: unknown, fieldOf: (reason: { field?: string; code: string }) => string): ApiProblem {
      const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable();
      setState(({ attempt }) => ({
        problem,
        problems: problem.errors.map((reason) => ({ field: fieldOf(reason), message: reason.message })),
        attempt: attempt + 1,
      }));
      return problem;
    },
    /** The API refused with no reason on a field of its own: its message goes on `field`. */
    refusedOn(error: unknown, field: string): void {
      const problem = error instanceof ApiProblem ? error : ApiProblem.unreachable();
      setState(({ attempt }) => ({ problem, problems: [{ field, message: problem.message }], attempt: attempt + 1 }));
    },
    clear: () => setState(({ attempt }) => ({ problems: [], attempt })),
    summary:
      state.problems.length > 0 || state.problem ? (
        <ErrorSummary
          key={state.attempt}
          problem={state.problem}
          items={state.problems.map((found) => ({
            message: found.message,
            // A reason on no field of the form ('') is said at the top only.
            target: found.field ? controlId(found.field) : undefined,
          }))}
        />
      ) : null,
  };
}
