import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What working a contact to its outcome needs (docs/domain.md "Investigation", "Outcome"): the
 * register status it was logged against and the one after, who works it on each side, how it was
 * resolved or withdrawn, and the resolution reasons as reference data.
 *
 * Added so that replicas of the previous release keep working beside this one (no maintenance
 * window): every new column is nullable or has a default; contacts logged before this migration,
 * or by an older replica during the roll-out, get the status they were logged against from what
 * the logging rules allowed (ContactWork reads a missing one the same way).
 */
export class ContactWork1796158800000 implements MigrationInterface {
  name = 'ContactWork1796158800000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      ALTER TABLE contact
        ADD COLUMN meter_point_status_at_logging varchar(4),
        ADD COLUMN meter_point_status_after      varchar(4),
        ADD COLUMN investigating_agent_user_id   text,
        ADD COLUMN handlers                      jsonb       NOT NULL DEFAULT '{}',
        ADD COLUMN outcome_reason_code           varchar(40),
        ADD COLUMN outcome_note                  text,
        ADD COLUMN closed_automatically          boolean,
        ADD COLUMN closed_at                     timestamptz,
        ADD COLUMN closed_by_user_id             text,
        ADD COLUMN withdrawal_reason             text`);
    // The logging rules allowed a DTL only on a Dead meter point, an ISO to Live only from Capped
    // or Clamped (the work says which) and an ISO to Dead from any status but Dead: Live then.
    await runner.query(`
      UPDATE contact SET meter_point_status_at_logging = CASE
        WHEN contact_type = 'DTL' THEN 'DE'
        WHEN requested_status = 'DE' THEN 'LI'
        WHEN details #>> '{isolation,workType}' = 'UNCLAMPED' THEN 'CL'
        ELSE 'CA' END`);
    await runner.query(`CREATE INDEX contact_investigating_agent ON contact (investigating_agent_user_id) WHERE investigating_agent_user_id IS NOT NULL`);

    await runner.query(`
      CREATE TABLE resolution_reason (
        code            varchar(40) PRIMARY KEY,
        label           text        NOT NULL,
        outcome         varchar(8)  NOT NULL CHECK (outcome IN ('VALID', 'INVALID')),
        automatic_only  boolean     NOT NULL DEFAULT false,
        active          boolean     NOT NULL DEFAULT true,
        position        integer     NOT NULL
      )`);
    // PD: the first reference data; an operator adds, relabels or retires reasons (active = false)
    // without a release. A retired reason stays, so resolved contacts keep their label.
    await runner.query(`
      INSERT INTO resolution_reason (code, label, outcome, automatic_only, position) VALUES
        ('GAS_FLOW_CONFIRMED',        'Gas flow confirmed (meter read or site visit)',        'VALID',   false, 10),
        ('ISOLATION_CONFIRMED',       'Isolation confirmed (site visit or transporter)',      'VALID',   false, 20),
        ('RECONNECTION_CONFIRMED',    'Reconnection confirmed (uncapped or unclamped)',       'VALID',   false, 30),
        ('EVIDENCE_ACCEPTED',         'Evidence accepted without a site visit',               'VALID',   false, 40),
        ('INSUFFICIENT_EVIDENCE',     'Insufficient evidence',                                'INVALID', false, 50),
        ('SITE_VISIT_NOT_CONFIRMED',  'Site visit did not confirm the requested status',      'INVALID', false, 60),
        ('WRONG_METER_POINT',         'Raised against the wrong meter point',                 'INVALID', false, 70),
        ('REGISTER_ALREADY_CORRECT',  'The register already holds the right status',          'INVALID', false, 80),
        ('NO_RESPONSE_TO_DC',         'No response to data clarification',                    'INVALID', true,  90)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE resolution_reason');
    await runner.query('DROP INDEX contact_investigating_agent');
    await runner.query(`
      ALTER TABLE contact
        DROP COLUMN meter_point_status_at_logging, DROP COLUMN meter_point_status_after,
        DROP COLUMN investigating_agent_user_id, DROP COLUMN handlers, DROP COLUMN outcome_reason_code,
        DROP COLUMN outcome_note, DROP COLUMN closed_automatically, DROP COLUMN closed_at,
        DROP COLUMN closed_by_user_id, DROP COLUMN withdrawal_reason`);
  }
}
