import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { KEYSET_PAGE_SIZE, keysetFilter, keysetPage, ProblemException, type KeysetPage } from '@cms/service-defaults';
import { seesEveryContact, type RejectionCode } from '../domain';
import { REJECTED_SUBMISSION_STORE, type RejectedSubmissionRow, type RejectedSubmissionStore } from './rejected-submission.port';

/** One reason a submission was refused, exactly as the submitter was told (the 422's `errors`). */
export interface RejectionView {
  code: RejectionCode;
  message: string;
  field?: string;
}

export interface RejectedSubmissionView {
  id: string;
  submittedAt: string;
  userId: string;
  organisationId: string;
  mprn: string | null;
  submission: unknown;
  rejections: RejectionView[];
}

export type RejectedSubmissionPage = KeysetPage<RejectedSubmissionView>;

export interface RejectedSubmissionQuery {
  code?: RejectionCode;
  mprn?: string;
  /** At or after (ISO 8601). */
  submittedFrom?: string;
  /** Before (ISO 8601). */
  submittedTo?: string;
  organisationId?: string;
  cursor?: string;
  limit?: number;
}

/**
 * `GET /rejected-submissions` (docs/api.md: "CDSP (all), others (own)"), newest first, for
 * reporting. A CDSP caller reads every organisation's, or one organisation's with
 * `organisationId`; anyone else reads its own organisation's, and naming another organisation is
 * answered 404 as if it did not exist (as `GET /users` and `GET /audit/contacts` answer it). Any
 * signed-in user may read, whatever their roles; a partner system needs `contacts:read` (the
 * platform's guard).
 */
@Injectable()
export class RejectedSubmissionQueries {
  constructor(@Inject(REJECTED_SUBMISSION_STORE) private readonly store: RejectedSubmissionStore) {}

  async list(caller: Caller, query: RejectedSubmissionQuery): Promise<RejectedSubmissionPage> {
    let organisationId = query.organisationId;
    // The CDSP reads every rejected submission, as it reads every contact.
    if (!seesEveryContact(caller.organisationType)) {
      if (organisationId !== undefined && organisationId !== caller.organisationId) throw ProblemException.notFound();
      organisationId = caller.organisationId;
    }
    const limit = query.limit ?? KEYSET_PAGE_SIZE.default;
    const page = keysetFilter({ from: query.submittedFrom, to: query.submittedTo, cursor: query.cursor }, limit);
    const rows = await this.store.list(caller, { organisationId, code: query.code, mprn: query.mprn, ...page });
    return keysetPage(rows, limit, (row) => ({ occurredAt: row.submitted_at, id: row.record_number }), viewOf);
  }
}

function viewOf(row: RejectedSubmissionRow): RejectedSubmissionView {
  return {
    id: row.id,
    submittedAt: row.submitted_at.toISOString(),
    userId: row.user_id,
    organisationId: row.organisation_id,
    mprn: row.mprn,
    submission: row.submission,
    rejections: row.rejections.map(({ code, message, field }) => ({ code, message, ...(field === undefined ? {} : { field }) })),
  };
}
