import { useEffect, useRef } from 'react';
import type { ApiProblem } from '../api/problem';

/** The problem's message, and its trace id for support (every CMS error carries one). */
export function TraceId({ problem }: { problem: ApiProblem }) {
  if (!problem.traceId) return null;
  return (
    <p className="trace">
      Trace id for support: <code>{problem.traceId}</code>
    </p>
  );
}

/** An answer that went wrong, said plainly where the screen's content would be. */
export function ProblemNotice({
  problem,
  heading = 'Something went wrong',
}: {
  problem: ApiProblem;
  heading?: string;
}) {
  return (
    <div className="notice notice--error" role="alert">
      <h2>{heading}</h2>
      <p>{problem.message}</p>
      <TraceId problem={problem} />
    </div>
  );
}

export interface SummaryItem {
  message: string;
  /** The id of the control at fault, for the link to it. */
  target?: string;
}

/**
 * Everything wrong with a form at its top, each item a link to its field (the field shows it
 * too). It takes the focus when it appears, so it is read out at once: give it a new `key` for
 * each attempt, so that it appears again (and typing a correction never moves the focus).
 */
export function ErrorSummary({ items, problem }: { items: SummaryItem[]; problem?: ApiProblem }) {
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    summary.current?.focus();
  }, []);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      {problem && !items.some((item) => item.message === problem.message) && <p>{problem.message}</p>}
      {items.length > 0 && (
        <ul>
          {items.map((item, index) => (
            <li key={index}>
              {item.target ? (
                <a href={`#${item.target}`} onClick={(event) => focusTarget(event, item.target!)}>
                  {item.message}
                </a>
              ) : (
                item.message
              )}
            </li>
          ))}
        </ul>
      )}
      {problem && <TraceId problem={problem} />}
    </div>
  );
}

function focusTarget(event: React.MouseEvent, id: string): void {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: 'center' });
  target.focus();
}
