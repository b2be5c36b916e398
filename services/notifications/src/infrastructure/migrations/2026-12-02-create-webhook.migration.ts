import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks for partner systems (issue 12).
 *
 * `webhook_endpoint`: an organisation's endpoint and the event types it wants; its signing secret
 * (Standard Webhooks `whsec_…`), and during a rotation the previous one until `previous_secret_until`.
 * `webhook_delivery`: one per endpoint and event (unique), its id the `webhook-id` every attempt
 * carries, so a receiver de-duplicates on it. `webhook_attempt`: each try and its answer.
 */
export class CreateWebhook1796300000002 implements MigrationInterface {
  name = 'CreateWebhook1796300000002';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE webhook_endpoint (
        id                     uuid          PRIMARY KEY,
        organisation_id        uuid          NOT NULL,
        url                    varchar(2000) NOT NULL,
        event_types            text[]        NOT NULL,
        secret                 text          NOT NULL,
        previous_secret        text,
        previous_secret_until  timestamptz,
        status                 varchar(10)   NOT NULL CHECK (status IN ('ACTIVE', 'DISABLED')),
        created_at             timestamptz   NOT NULL,
        disabled_at            timestamptz
      )`);
    await runner.query('CREATE INDEX webhook_endpoint_of_organisation ON webhook_endpoint (organisation_id)');
    await runner.query(`
      CREATE TABLE webhook_delivery (
        id                uuid         PRIMARY KEY,
        endpoint_id       uuid         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
        event_id          uuid         NOT NULL,
        event_type        varchar(100) NOT NULL,
        crn               varchar(20)  NOT NULL,
        body              text         NOT NULL,
        status            varchar(10)  NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
        first_attempt_at  timestamptz,
        created_at        timestamptz  NOT NULL,
        CONSTRAINT webhook_delivery_once_per_event UNIQUE (endpoint_id, event_id)
      )`);
    await runner.query(`
      CREATE TABLE webhook_attempt (
        delivery_id      uuid         NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
        attempt          integer      NOT NULL,
        attempted_at     timestamptz  NOT NULL,
        response_status  integer,
        error            varchar(200),
        PRIMARY KEY (delivery_id, attempt)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE webhook_attempt');
    await runner.query('DROP TABLE webhook_delivery');
    await runner.query('DROP TABLE webhook_endpoint');
  }
}
