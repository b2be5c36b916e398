import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { StatusChangeSubject } from '../domain';
import type { AppliedStatusChange, MeterPointStatusChanges } from '../application/meter-point-status-changes.port';

/**
 * The status change and its audit row in one statement. The update's condition states what it
 * relies on: the row is locked (lockForStatusChange), so it still has the previous status.
 */
const APPLY = `
  WITH changed AS (
    UPDATE meter_point SET status = $3, updated_at = $9, version = version + 1
     WHERE mprn = $1 AND status = $2
     RETURNING mprn
  )
  INSERT INTO meter_point_status_change
    (mprn, previous_status, new_status, crn, reason_code, resolved_by_user_id, automatic, event_id, changed_at)
  SELECT changed.mprn, $2, $3, $4, $5, $6, $7, $8, $9 FROM changed
  RETURNING id`;

/** Status changes in the register's database, in the transaction in progress (the kit's `Database`). */
@Injectable()
export class MeterPointStatusChangeRepository implements MeterPointStatusChanges {
  constructor(@Inject(Database) private readonly database: Database) {}

  async lockForStatusChange(mprn: string): Promise<StatusChangeSubject | undefined> {
    // Outside a transaction the lock would end with the statement and guard nothing.
    if (!this.database.inTransaction) throw new Error('lockForStatusChange must run inside Transactions.run');
    const [row] = await this.database.query<StatusChangeSubject>(
      `SELECT mprn, status, transporter_organisation_id AS "transporterId" FROM meter_point WHERE mprn = $1 FOR UPDATE`,
      [mprn],
    );
    return row;
  }

  async apply(change: AppliedStatusChange): Promise<void> {
    const written = await this.database.query(APPLY, [
      change.mprn,
      change.previousStatus,
      change.status,
      change.crn,
      change.reasonCode,
      change.resolvedByUserId,
      change.automatic,
      change.eventId,
      change.changedAt,
    ]);
    // A bug, not a refusal: the decision read another status than the one held (no lock taken).
    if (written.length !== 1) {
      throw new Error(`meter point ${change.mprn} does not have status ${change.previousStatus}: lock it before changing it`);
    }
  }
}
