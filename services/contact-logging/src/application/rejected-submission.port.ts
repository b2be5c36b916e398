import type { Caller } from '@cms/auth';
import type { KeysetFilter } from '@cms/service-defaults';
import type { Rejection, RejectionCode } from '../domain';

/** A row of `rejected_submission`, as read. */
export interface RejectedSubmissionRow {
  id: string;
  submitted_at: Date;
  user_id: string;
  organisation_id: string;
  mprn: string | null;
  /** The body as it was sent (any JSON value; null when there was none). */
  submission: unknown;
  rejections: Rejection[];
  /** The row's place in the order rows were recorded (a bigint, as decimal text): the keyset's tie-breaker. */
  record_number: string;
}

/** `from` and `to` bound `submitted_at`; `before` is a `(submitted_at, record_number)` position. */
export interface RejectedSubmissionFilter extends KeysetFilter {
  /** Only this organisation's submissions; every organisation's when absent. */
  organisationId?: string;
  /** Only submissions rejected with this code, among their other reasons. */
  code?: RejectionCode;
  mprn?: string;
}

/**
 * Port: rejected submissions, read newest first on behalf of `caller`. Only the rows the caller's
 * organisation may read come back, whatever the filter says (the CDSP all, anyone else its own).
 */
export interface RejectedSubmissionStore {
  list(caller: Caller, filter: RejectedSubmissionFilter): Promise<RejectedSubmissionRow[]>;
}

export const REJECTED_SUBMISSION_STORE = Symbol('REJECTED_SUBMISSION_STORE');
