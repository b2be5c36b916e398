import { Inject, Injectable } from '@nestjs/common';
import { PERSONAL_EVENT_FIELDS } from '@cms/contracts';
import { Database } from '@cms/service-defaults';
import type { WebhookAttempt, WebhookDelivery, WebhookEndpoint, WebhookStore } from '../application/webhook.ports';

interface EndpointRow {
  id: string;
  organisation_id: string;
  url: string;
  event_types: string[];
  secret: string;
  previous_secret: string | null;
  previous_secret_until: Date | null;
  status: WebhookEndpoint['status'];
  created_at: Date;
  disabled_at: Date | null;
}

interface DeliveryRow {
  id: string;
  endpoint_id: string;
  event_id: string;
  event_type: string;
  crn: string;
  body: string;
  status: WebhookDelivery['status'];
  first_attempt_at: Date | null;
  created_at: Date;
  attempts: { attempt: number; attempted_at: string; response_status: number | null; error: string | null }[] | null;
}

const ENDPOINT = 'id, organisation_id, url, event_types, secret, previous_secret, previous_secret_until, status, created_at, disabled_at';
const DELIVERY = `d.id, d.endpoint_id, d.event_id, d.event_type, d.crn, d.body, d.status, d.first_attempt_at, d.created_at,
  (SELECT json_agg(json_build_object('attempt', a.attempt, 'attempted_at', a.attempted_at, 'response_status', a.response_status, 'error', a.error) ORDER BY a.attempt)
     FROM webhook_attempt a WHERE a.delivery_id = d.id) AS attempts`;

/** Webhook endpoints and deliveries in PostgreSQL, through the kit's `Database` (so in the transaction in progress). */
@Injectable()
export class WebhookRepository implements WebhookStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async addEndpoint(endpoint: WebhookEndpoint): Promise<void> {
    await this.database.query(
      `INSERT INTO webhook_endpoint (${ENDPOINT}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [endpoint.id, endpoint.organisationId, endpoint.url, endpoint.eventTypes, endpoint.secret, endpoint.previousSecret, endpoint.previousSecretUntil, endpoint.status, endpoint.createdAt, endpoint.disabledAt],
    );
  }

  async endpoints(organisationId: string): Promise<WebhookEndpoint[]> {
    const rows = await this.database.query<EndpointRow>(`SELECT ${ENDPOINT} FROM webhook_endpoint WHERE organisation_id = $1 ORDER BY created_at, id`, [organisationId]);
    return rows.map(endpointOf);
  }

  async endpoint(organisationId: string, id: string): Promise<WebhookEndpoint | undefined> {
    const [row] = await this.database.query<EndpointRow>(`SELECT ${ENDPOINT} FROM webhook_endpoint WHERE organisation_id = $1 AND id = $2`, [organisationId, id]);
    return row && endpointOf(row);
  }

  async endpointById(id: string): Promise<WebhookEndpoint | undefined> {
    const [row] = await this.database.query<EndpointRow>(`SELECT ${ENDPOINT} FROM webhook_endpoint WHERE id = $1`, [id]);
    return row && endpointOf(row);
  }

  async deleteEndpoint(organisationId: string, id: string): Promise<boolean> {
    // A DELETE's own RETURNING comes back from TypeORM with its count beside the rows: read it through a SELECT.
    const rows = await this.database.query<{ id: string }>('WITH deleted AS (DELETE FROM webhook_endpoint WHERE organisation_id = $1 AND id = $2 RETURNING id) SELECT id FROM deleted', [organisationId, id]);
    return rows.length === 1;
  }

  async rotateSecret(id: string, secret: string, previousUntil: Date): Promise<void> {
    await this.database.query('UPDATE webhook_endpoint SET previous_secret = secret, previous_secret_until = $3, secret = $2 WHERE id = $1', [id, secret, previousUntil]);
  }

  async disable(id: string, at: Date): Promise<void> {
    await this.database.query(`UPDATE webhook_endpoint SET status = 'DISABLED', disabled_at = $2 WHERE id = $1`, [id, at]);
  }

  async subscribed(organisationIds: readonly string[], eventType: string): Promise<WebhookEndpoint[]> {
    const rows = await this.database.query<EndpointRow>(
      `SELECT ${ENDPOINT} FROM webhook_endpoint WHERE status = 'ACTIVE' AND organisation_id = ANY ($1::uuid[]) AND $2 = ANY (event_types) ORDER BY id`,
      [[...organisationIds], eventType],
    );
    return rows.map(endpointOf);
  }

  async addDelivery(delivery: Omit<WebhookDelivery, 'attempts'>): Promise<boolean> {
    const rows = await this.database.query<{ id: string }>(
      `INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, crn, body, status, first_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (endpoint_id, event_id) DO NOTHING RETURNING id`,
      [delivery.id, delivery.endpointId, delivery.eventId, delivery.eventType, delivery.crn, delivery.body, delivery.status, delivery.firstAttemptAt, delivery.createdAt],
    );
    return rows.length === 1;
  }

  async delivery(id: string): Promise<WebhookDelivery | undefined> {
    const [row] = await this.database.query<DeliveryRow>(`SELECT ${DELIVERY} FROM webhook_delivery d WHERE d.id = $1`, [id]);
    return row && deliveryOf(row);
  }

  async deliveries(endpointId: string, limit: number): Promise<WebhookDelivery[]> {
    const rows = await this.database.query<DeliveryRow>(`SELECT ${DELIVERY} FROM webhook_delivery d WHERE d.endpoint_id = $1 ORDER BY d.created_at DESC, d.id DESC LIMIT $2`, [endpointId, limit]);
    return rows.map(deliveryOf);
  }

  async recordAttempt(deliveryId: string, attempt: WebhookAttempt): Promise<void> {
    await this.database.query('INSERT INTO webhook_attempt (delivery_id, attempt, attempted_at, response_status, error) VALUES ($1, $2, $3, $4, $5)', [
      deliveryId,
      attempt.attempt,
      attempt.attemptedAt,
      attempt.responseStatus,
      attempt.error?.slice(0, 200) ?? null,
    ]);
  }

  async setDeliveryStatus(id: string, status: WebhookDelivery['status'], firstAttemptAt: Date | null): Promise<void> {
    await this.database.query('UPDATE webhook_delivery SET status = $2, first_attempt_at = $3 WHERE id = $1', [id, status, firstAttemptAt]);
  }

  async anonymiseDeliveries(crn: string, marker: string): Promise<void> {
    // The body is the event as sent, `{id, type, time, subject, data}`: its personal fields are under `data`.
    await this.database.query(
      `UPDATE webhook_delivery
          SET body = cms_redacted(body::jsonb, ARRAY(SELECT 'data.' || jsonb_array_elements_text($2::jsonb -> event_type)), $3)::text
        WHERE crn = $1 AND $2::jsonb ? event_type`,
      [crn, JSON.stringify(PERSONAL_EVENT_FIELDS), marker],
    );
  }
}

function endpointOf(row: EndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    url: row.url,
    eventTypes: row.event_types,
    secret: row.secret,
    previousSecret: row.previous_secret,
    previousSecretUntil: row.previous_secret_until,
    status: row.status,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

function deliveryOf(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    endpointId: row.endpoint_id,
    eventId: row.event_id,
    eventType: row.event_type,
    crn: row.crn,
    body: row.body,
    status: row.status,
    firstAttemptAt: row.first_attempt_at,
    createdAt: row.created_at,
    attempts: (row.attempts ?? []).map((attempt) => ({ attempt: attempt.attempt, attemptedAt: new Date(attempt.attempted_at), responseStatus: attempt.response_status, error: attempt.error })),
  };
}
