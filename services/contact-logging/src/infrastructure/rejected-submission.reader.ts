import { Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { Database, KeysetConditions } from '@cms/service-defaults';
import type { RejectedSubmissionFilter, RejectedSubmissionRow, RejectedSubmissionStore } from '../application/rejected-submission.port';
import { readAsCaller } from '@cms/service-defaults';

/**
 * Reads of `rejected_submission`, newest first, as the caller (`readAsCaller`): the row-level
 * security policy returns only the caller's organisation's rows (every row to the CDSP), behind
 * the organisation filter the use case always passes for anyone else.
 *
 * No index serves the `code` condition (under row-level security an index serves only LEAKPROOF
 * operators, and jsonb's are not; measured in the rejected-submission-reads migration): it filters
 * the rows the other conditions' indexes find.
 */
@Injectable()
export class RejectedSubmissionReader implements RejectedSubmissionStore {
  constructor(private readonly database: Database) {}

  list(caller: Caller, filter: RejectedSubmissionFilter): Promise<RejectedSubmissionRow[]> {
    const where = new KeysetConditions('s.submitted_at', 's.record_number');
    if (filter.organisationId !== undefined) where.add('s.organisation_id = ?::uuid', filter.organisationId);
    if (filter.mprn !== undefined) where.add('s.mprn = ?', filter.mprn);
    if (filter.code !== undefined) where.add('s.rejections @> ?::jsonb', JSON.stringify([{ code: filter.code }]));
    where.keyset(filter);
    return readAsCaller(this.database.dataSource, caller, (manager) =>
      manager.query(
        `SELECT s.id, s.submitted_at, s.user_id, s.organisation_id, s.mprn, s.submission, s.rejections,
                s.record_number::text AS record_number
           FROM rejected_submission s
          ${where.where()}
          ${where.newestFirst(filter.limit)}`,
        where.parameters,
      ),
    );
  }
}
