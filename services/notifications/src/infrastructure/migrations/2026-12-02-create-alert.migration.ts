import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The notifications area (docs/domain.md "Alerts").
 *
 * `alert`: one row per event and recipient, unique on (event_id, recipient_key), so an event
 * delivered twice makes one alert whatever the inbox did. A recipient is a user (`user_id`), an
 * organisation's users holding one of `roles` (`organisation_id`), or the CDSP's (`organisation_type`);
 * an organisation's alert is read by each of its users through their token, never copied per user.
 * `id` orders the alerts as they were committed: the writer takes a transaction lock before it
 * draws ids (alert.repository.ts), so a reader that has seen id n never later finds a smaller one
 * (the live stream resumes from an id, Last-Event-ID).
 *
 * `alert_read`: who read which alert (an organisation's alert is read per user).
 * `raised_clarification`, `referred_site_visit`: who asked a thread and who referred a visit, from
 * their first event, so that a response reaches the person who asked.
 */
export class CreateAlert1796300000000 implements MigrationInterface {
  name = 'CreateAlert1796300000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE alert (
        id                 bigserial    PRIMARY KEY,
        event_id           uuid         NOT NULL,
        recipient_key      varchar(100) NOT NULL,
        kind               varchar(40)  NOT NULL,
        crn                varchar(20)  NOT NULL,
        user_id            varchar(64),
        organisation_id    uuid,
        organisation_type  varchar(10),
        roles              text[]       NOT NULL DEFAULT '{}',
        title              text         NOT NULL,
        detail             jsonb        NOT NULL,
        occurred_at        timestamptz  NOT NULL,
        created_at         timestamptz  NOT NULL DEFAULT now(),
        CONSTRAINT alert_once_per_event_and_recipient UNIQUE (event_id, recipient_key),
        CONSTRAINT alert_has_one_recipient CHECK (num_nonnulls(user_id, organisation_id, organisation_type) = 1)
      )`);
    await runner.query('CREATE INDEX alert_of_user ON alert (user_id, id) WHERE user_id IS NOT NULL');
    await runner.query('CREATE INDEX alert_of_organisation ON alert (organisation_id, id) WHERE organisation_id IS NOT NULL');
    await runner.query('CREATE INDEX alert_of_organisation_type ON alert (organisation_type, id) WHERE organisation_type IS NOT NULL');
    await runner.query(`
      CREATE TABLE alert_read (
        alert_id  bigint       NOT NULL REFERENCES alert (id) ON DELETE CASCADE,
        user_id   varchar(64)  NOT NULL,
        read_at   timestamptz  NOT NULL,
        PRIMARY KEY (user_id, alert_id)
      )`);
    await runner.query(`
      CREATE TABLE raised_clarification (
        clarification_id              uuid         PRIMARY KEY,
        crn                           varchar(20)  NOT NULL,
        raised_by_user_id             varchar(64)  NOT NULL,
        raised_by_organisation_id     uuid         NOT NULL,
        addressed_to                  varchar(12)  NOT NULL CHECK (addressed_to IN ('ORIGINATOR', 'STAKEHOLDER')),
        addressed_to_organisation_id  uuid         NOT NULL
      )`);
    await runner.query(`
      CREATE TABLE referred_site_visit (
        site_visit_id        uuid         PRIMARY KEY,
        crn                  varchar(20)  NOT NULL,
        referred_by_user_id  varchar(64)  NOT NULL
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE referred_site_visit');
    await runner.query('DROP TABLE raised_clarification');
    await runner.query('DROP TABLE alert_read');
    await runner.query('DROP TABLE alert');
  }
}
