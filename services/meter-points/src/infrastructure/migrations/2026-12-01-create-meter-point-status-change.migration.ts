import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit of the register's status changes: one row for each requested status a resolved contact
 * applied (docs/domain.md, "Outcome"), written in the transaction that changes `meter_point.status`.
 * Who and why stay readable: the contact (`crn`) and its resolution reason, the agent who resolved
 * it (none when a timer closed it), and the ContactResolved event that carried the outcome, at most
 * once (`event_id` is unique: a redelivered event cannot change the status twice).
 */
export class CreateMeterPointStatusChange1796126400000 implements MigrationInterface {
  name = 'CreateMeterPointStatusChange1796126400000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE meter_point_status_change (
        id                   bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        mprn                 varchar(10)  NOT NULL REFERENCES meter_point (mprn),
        previous_status      varchar(2)   NOT NULL REFERENCES meter_point_status (code),
        new_status           varchar(2)   NOT NULL REFERENCES meter_point_status (code),
        crn                  varchar(10)  NOT NULL CHECK (crn ~ '^C[0-9]{9}$'),
        reason_code          varchar(40)  NOT NULL,
        resolved_by_user_id  varchar(64),
        automatic            boolean      NOT NULL,
        event_id             uuid         NOT NULL UNIQUE,
        changed_at           timestamptz  NOT NULL
      )`);
    // A meter point's changes, newest first.
    await runner.query('CREATE INDEX meter_point_status_change_mprn ON meter_point_status_change (mprn, changed_at DESC)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE meter_point_status_change');
  }
}
