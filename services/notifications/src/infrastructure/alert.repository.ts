import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { AlertReader, AlertStore, KeptAlert } from '../application/alert-store.port';
import { NEW_ALERTS_CHANNEL } from './alert-signals.listener';
import { PERSONAL_ALERT_DETAILS, recipientKey, type AlertDraft, type AlertKind, type RaisedThread, type ReferredVisit } from '../domain';

interface AlertRow {
  id: string;
  kind: AlertKind;
  crn: string;
  title: string;
  detail: AlertDraft['detail'];
  occurred_at: Date;
  created_at: Date;
  read: boolean;
}

/**
 * The alerts a reader sees ($1 user, $2 organisation, $3 organisation type, $4 roles): their own,
 * and their organisation's (or the CDSP's) for one of their roles, less an organisation's alert of
 * an event that also made one of their own (the user who logged a resolved contact has it once).
 */
const VISIBLE = `(a.user_id = $1::text
  OR (a.user_id IS NULL
      AND (a.organisation_id = $2::uuid OR a.organisation_type = $3)
      AND a.roles && $4::text[]
      AND NOT EXISTS (SELECT 1 FROM alert own WHERE own.event_id = a.event_id AND own.user_id = $1::text)))`;

const COLUMNS = `a.id::text AS id, a.kind, a.crn, a.title, a.detail, a.occurred_at, a.created_at,
  EXISTS (SELECT 1 FROM alert_read r WHERE r.user_id = $1::text AND r.alert_id = a.id) AS read`;

/**
 * Any number, the same in every replica: the lock that orders the alerts' ids as they commit. A
 * writer takes it (for its transaction) before drawing ids, so ids are drawn and committed one
 * transaction at a time, and a reader that has seen id n will never find a smaller one appear
 * later: the live stream may resume "after n" without loss (docs/architecture.md, issue 12).
 */
const ALERT_ORDER_LOCK = 7_120_001;

/** Alerts in PostgreSQL (the service's own database), through the kit's `Database` (so in the consumer's transaction). */
@Injectable()
export class AlertRepository implements AlertStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async add(eventId: string, alerts: readonly AlertDraft[]): Promise<string[]> {
    if (alerts.length === 0) return [];
    await this.database.query('SELECT pg_advisory_xact_lock($1)', [ALERT_ORDER_LOCK]);
    const added: string[] = [];
    for (const alert of alerts) {
      const recipient = alert.recipient;
      const rows = await this.database.query<{ id: string }>(
        `INSERT INTO alert (event_id, recipient_key, kind, crn, user_id, organisation_id, organisation_type, roles, title, detail, occurred_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (event_id, recipient_key) DO NOTHING
         RETURNING id::text AS id`,
        [
          eventId,
          recipientKey(recipient),
          alert.kind,
          alert.crn,
          recipient.kind === 'USER' ? recipient.userId : null,
          recipient.kind === 'ORGANISATION' ? recipient.organisationId : null,
          recipient.kind === 'CDSP' ? 'CDSP' : null,
          recipient.kind === 'USER' ? [] : recipient.roles,
          alert.title,
          alert.detail,
          alert.occurredAt,
        ],
      );
      added.push(...rows.map((row) => row.id));
    }
    // Delivered to every replica's listener when this transaction commits (alert-signals.listener.ts).
    if (added.length > 0) await this.database.query('SELECT pg_notify($1, $2)', [NEW_ALERTS_CHANNEL, added[added.length - 1]]);
    return added;
  }

  async newestFirst(reader: AlertReader, before: string | undefined, limit: number): Promise<KeptAlert[]> {
    const rows = await this.database.query<AlertRow>(
      `SELECT ${COLUMNS} FROM alert a
        WHERE ${VISIBLE} AND ($5::bigint IS NULL OR a.id < $5::bigint)
        ORDER BY a.id DESC LIMIT $6`,
      [...readerParameters(reader), before ?? null, limit],
    );
    return rows.map(alertOf);
  }

  async after(reader: AlertReader, after: string, limit: number): Promise<KeptAlert[]> {
    const rows = await this.database.query<AlertRow>(
      `SELECT ${COLUMNS} FROM alert a WHERE ${VISIBLE} AND a.id > $5::bigint ORDER BY a.id LIMIT $6`,
      [...readerParameters(reader), after, limit],
    );
    return rows.map(alertOf);
  }

  async newestId(): Promise<string> {
    const [row] = await this.database.query<{ id: string }>('SELECT coalesce(max(id), 0)::text AS id FROM alert');
    return row.id;
  }

  async unreadCount(reader: AlertReader): Promise<number> {
    const [row] = await this.database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM alert a
        WHERE ${VISIBLE} AND NOT EXISTS (SELECT 1 FROM alert_read r WHERE r.user_id = $1::text AND r.alert_id = a.id)`,
      readerParameters(reader),
    );
    return row.count;
  }

  async markRead(reader: AlertReader, id: string, at: Date): Promise<boolean> {
    const rows = await this.database.query<{ id: string }>(
      `WITH visible AS (SELECT a.id FROM alert a WHERE ${VISIBLE} AND a.id = $5::bigint),
            marked AS (INSERT INTO alert_read (alert_id, user_id, read_at) SELECT id, $1::text, $6::timestamptz FROM visible
                       ON CONFLICT (user_id, alert_id) DO NOTHING)
       SELECT id::text AS id FROM visible`,
      [...readerParameters(reader), id, at],
    );
    return rows.length === 1;
  }

  async markAllRead(reader: AlertReader, at: Date): Promise<void> {
    await this.database.query(
      `INSERT INTO alert_read (alert_id, user_id, read_at)
       SELECT a.id, $1::text, $5::timestamptz FROM alert a WHERE ${VISIBLE}
       ON CONFLICT (user_id, alert_id) DO NOTHING`,
      [...readerParameters(reader), at],
    );
  }

  async keepThread(clarificationId: string, crn: string, thread: RaisedThread): Promise<void> {
    await this.database.query(
      `INSERT INTO raised_clarification (clarification_id, crn, raised_by_user_id, raised_by_organisation_id, addressed_to, addressed_to_organisation_id)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (clarification_id) DO NOTHING`,
      [clarificationId, crn, thread.raisedByUserId, thread.raisedByOrganisationId, thread.addressedTo, thread.addressedToOrganisationId],
    );
  }

  async findThread(clarificationId: string): Promise<RaisedThread | undefined> {
    const [row] = await this.database.query<{ raised_by_user_id: string; raised_by_organisation_id: string; addressed_to: RaisedThread['addressedTo']; addressed_to_organisation_id: string }>(
      'SELECT raised_by_user_id, raised_by_organisation_id, addressed_to, addressed_to_organisation_id FROM raised_clarification WHERE clarification_id = $1',
      [clarificationId],
    );
    return (
      row && {
        raisedByUserId: row.raised_by_user_id,
        raisedByOrganisationId: row.raised_by_organisation_id,
        addressedTo: row.addressed_to,
        addressedToOrganisationId: row.addressed_to_organisation_id,
      }
    );
  }

  async keepVisit(siteVisitId: string, crn: string, visit: ReferredVisit): Promise<void> {
    await this.database.query(
      'INSERT INTO referred_site_visit (site_visit_id, crn, referred_by_user_id) VALUES ($1, $2, $3) ON CONFLICT (site_visit_id) DO NOTHING',
      [siteVisitId, crn, visit.referredByUserId],
    );
  }

  async findVisit(siteVisitId: string): Promise<ReferredVisit | undefined> {
    const [row] = await this.database.query<{ referred_by_user_id: string }>('SELECT referred_by_user_id FROM referred_site_visit WHERE site_visit_id = $1', [siteVisitId]);
    return row && { referredByUserId: row.referred_by_user_id };
  }

  async anonymiseContact(crn: string, marker: string): Promise<void> {
    for (const [kind, fields] of Object.entries(PERSONAL_ALERT_DETAILS)) {
      for (const field of fields) {
        // The title ends with the detail (`…: <reason>`): that end is replaced, and, should a title
        // ever hold it elsewhere, every occurrence of it.
        await this.database.query(
          `UPDATE alert
              SET title = CASE WHEN right(title, length(detail->>$3) + 2) = ': ' || (detail->>$3)
                               THEN left(title, length(title) - length(detail->>$3)) || $4
                               ELSE replace(title, detail->>$3, $4) END,
                  detail = jsonb_set(detail, ARRAY[$3], to_jsonb($4::text))
            WHERE crn = $1 AND kind = $2 AND jsonb_typeof(detail->$3) = 'string'`,
          [crn, kind, field, marker],
        );
      }
    }
  }
}

function readerParameters(reader: AlertReader): unknown[] {
  return [reader.userId, reader.organisationId, reader.organisationType, [...reader.roles]];
}

function alertOf(row: AlertRow): KeptAlert {
  return {
    id: row.id,
    kind: row.kind,
    crn: row.crn,
    title: row.title,
    detail: row.detail,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
    read: row.read,
  };
}
