import type { MigrationInterface, QueryRunner } from 'typeorm';

// Spelled out, not imported: a migration is history and must not change when the code does. The
// same name is CALLER_READER_ROLE in libs/service-defaults/src/caller-scope.ts; the role itself is
// created by the involved-contact migration that runs before this one.
const CALLER_READER_ROLE = 'cms_contact_reader';

/**
 * Clarification threads, their messages and the audit of every change. Text columns hold what the
 * event schemas allow (libs/contracts: MESSAGE_MAX_LENGTH 4000, REASON_MAX_LENGTH 2000).
 *
 * Row-level security, the second wall behind each query's own filter: a thread and its messages are
 * visible to a caller exactly when its contact is (`involved_contact`'s own policy: the CDSP, and
 * the organisations involved). The audit is read by the service's own role with the application's
 * filter (as contact-logging's contact_audit): the reader role holds nothing on it.
 */
export class CreateClarification1796200100000 implements MigrationInterface {
  name = 'CreateClarification1796200100000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE clarification (
        id                            uuid         PRIMARY KEY,
        -- Keyset position of lists (newest first) and the order threads of one contact are shown in.
        seq                           bigserial    UNIQUE NOT NULL,
        crn                           varchar(20)  NOT NULL,
        kind                          varchar(2)   NOT NULL CHECK (kind IN ('DC', 'OC')),
        addressed_to                  varchar(11)  NOT NULL CHECK (addressed_to IN ('ORIGINATOR', 'STAKEHOLDER')),
        asking_organisation_id        uuid         NOT NULL,
        addressed_organisation_id     uuid         NOT NULL,
        raised_by_user_id             varchar(64)  NOT NULL,
        raised_at                     timestamptz  NOT NULL,
        status                        varchar(6)   NOT NULL CHECK (status IN ('OPEN', 'CLOSED')),
        waiting_on_organisation_id    uuid,
        due_on                        date,
        closure_cause                 varchar(30),
        closure_reason                varchar(2000),
        closed_by_user_id             varchar(64),
        closed_by_organisation_id     uuid,
        closed_at                     timestamptz,
        version                       integer      NOT NULL DEFAULT 1,
        CHECK ((status = 'OPEN') = (waiting_on_organisation_id IS NOT NULL AND due_on IS NOT NULL AND closed_at IS NULL))
      )`);
    await runner.query('CREATE INDEX clarification_of_contact ON clarification (crn, seq)');
    await runner.query('CREATE INDEX clarification_waiting_on ON clarification (waiting_on_organisation_id, due_on) WHERE status = \'OPEN\'');
    await runner.query('CREATE INDEX clarification_asked_by ON clarification (asking_organisation_id, raised_at DESC, seq DESC)');
    await runner.query('CREATE INDEX clarification_asked_of ON clarification (addressed_organisation_id, raised_at DESC, seq DESC)');

    await runner.query(`
      CREATE TABLE clarification_message (
        id                        uuid          PRIMARY KEY,
        clarification_id          uuid          NOT NULL REFERENCES clarification (id),
        sequence                  integer       NOT NULL,
        posted_by_user_id         varchar(64)   NOT NULL,
        posted_by_organisation_id uuid          NOT NULL,
        text                      varchar(4000) NOT NULL,
        posted_at                 timestamptz   NOT NULL,
        UNIQUE (clarification_id, sequence)
      )`);

    await runner.query(`
      CREATE TABLE clarification_audit (
        id                     bigserial    PRIMARY KEY,
        occurred_at            timestamptz  NOT NULL,
        clarification_id       uuid         NOT NULL,
        crn                    varchar(20)  NOT NULL,
        action                 varchar(20)  NOT NULL,
        actor_user_id          varchar(64),
        actor_organisation_id  uuid,
        detail                 jsonb        NOT NULL,
        trace_id               varchar(32)
      )`);
    await runner.query('CREATE INDEX clarification_audit_newest ON clarification_audit (occurred_at DESC, id DESC)');
    // Append-only: what happened stays as it was recorded.
    await runner.query(`
      CREATE FUNCTION clarification_audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'clarification_audit is append-only';
      END $$`);
    await runner.query(`
      CREATE TRIGGER clarification_audit_append_only BEFORE UPDATE OR DELETE ON clarification_audit
        FOR EACH ROW EXECUTE FUNCTION clarification_audit_append_only()`);

    await runner.query(`GRANT SELECT ON clarification, clarification_message TO ${CALLER_READER_ROLE}`);
    await runner.query('ALTER TABLE clarification ENABLE ROW LEVEL SECURITY');
    await runner.query(`
      CREATE POLICY clarification_visible_with_contact ON clarification FOR SELECT TO ${CALLER_READER_ROLE}
        USING (EXISTS (SELECT 1 FROM involved_contact WHERE involved_contact.crn = clarification.crn))`);
    await runner.query('ALTER TABLE clarification_message ENABLE ROW LEVEL SECURITY');
    await runner.query(`
      CREATE POLICY clarification_message_visible_with_thread ON clarification_message FOR SELECT TO ${CALLER_READER_ROLE}
        USING (EXISTS (SELECT 1 FROM clarification WHERE clarification.id = clarification_message.clarification_id))`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE clarification_audit');
    await runner.query('DROP FUNCTION clarification_audit_append_only()');
    await runner.query('DROP TABLE clarification_message');
    await runner.query('DROP TABLE clarification');
  }
}
