import { Inject, Injectable } from '@nestjs/common';
import { Database } from '@cms/service-defaults';
import type { EmailDue, EmailPreferenceStore, EmailRecipient } from '../application/email.ports';
import { defaultPreferences, isAlertKind, type AlertKind, type EmailedAlert, type EmailPreferences } from '../domain';

interface EmailedAlertRow {
  kind: AlertKind;
  crn: string;
  title: string;
  occurred_at: Date;
}

/** Email preferences, recipients and digests in PostgreSQL, through the kit's `Database` (so in the transaction in progress). */
@Injectable()
export class EmailPreferenceRepository implements EmailPreferenceStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async preferencesOf(userId: string): Promise<EmailPreferences> {
    const rows = await this.database.query<{ kind: string; delivery: 'IMMEDIATE' | 'DAILY_DIGEST' }>('SELECT kind, delivery FROM email_preference WHERE user_id = $1', [userId]);
    const preferences = defaultPreferences();
    for (const row of rows) if (isAlertKind(row.kind)) preferences[row.kind] = row.delivery;
    return preferences;
  }

  async save(recipient: EmailRecipient, preferences: EmailPreferences, at: Date): Promise<void> {
    await this.database.query(
      `INSERT INTO email_recipient (user_id, organisation_id, organisation_type, roles, email, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (user_id) DO UPDATE SET organisation_id = EXCLUDED.organisation_id, organisation_type = EXCLUDED.organisation_type,
         roles = EXCLUDED.roles, email = EXCLUDED.email, updated_at = EXCLUDED.updated_at`,
      [recipient.userId, recipient.organisationId, recipient.organisationType, [...recipient.roles], recipient.email, at],
    );
    await this.database.query('DELETE FROM email_preference WHERE user_id = $1', [recipient.userId]);
    const chosen = Object.entries(preferences).filter(([, delivery]) => delivery !== 'IN_APP');
    if (chosen.length > 0) {
      await this.database.query('INSERT INTO email_preference (user_id, kind, delivery) SELECT $1, kind, delivery FROM unnest($2::text[], $3::text[]) AS chosen (kind, delivery)', [
        recipient.userId,
        chosen.map(([kind]) => kind),
        chosen.map(([, delivery]) => delivery),
      ]);
    }
  }

  async recipient(userId: string): Promise<EmailRecipient | undefined> {
    const [row] = await this.database.query<{ user_id: string; organisation_id: string; organisation_type: string; roles: string[]; email: string }>(
      'SELECT user_id, organisation_id, organisation_type, roles, email FROM email_recipient WHERE user_id = $1',
      [userId],
    );
    return row && { userId: row.user_id, organisationId: row.organisation_id, organisationType: row.organisation_type, roles: row.roles, email: row.email };
  }

  async dueFor(alertId: string): Promise<EmailDue[]> {
    // The notifications area's rule (alert.repository.ts), from the alert's side: its person, or its organisation's users with one of its roles.
    const rows = await this.database.query<{ user_id: string; delivery: EmailDue['delivery'] }>(
      `SELECT r.user_id, p.delivery
         FROM alert a
         JOIN email_preference p ON p.kind = a.kind
         JOIN email_recipient r ON r.user_id = p.user_id
        WHERE a.id = $1::bigint
          AND (a.user_id = r.user_id
               OR (a.user_id IS NULL
                   AND (a.organisation_id = r.organisation_id OR a.organisation_type = r.organisation_type)
                   AND a.roles && r.roles
                   AND NOT EXISTS (SELECT 1 FROM alert own WHERE own.event_id = a.event_id AND own.user_id = r.user_id)))
        ORDER BY r.user_id`,
      [alertId],
    );
    return rows.map((row) => ({ userId: row.user_id, delivery: row.delivery }));
  }

  async alertFor(userId: string, alertId: string): Promise<EmailedAlert | undefined> {
    // Still due to the user: their own alert, or one they were found due when it was made (dueFor) and has not gone.
    const [row] = await this.database.query<EmailedAlertRow>(
      'SELECT kind, crn, title, occurred_at FROM alert WHERE id = $1::bigint AND (user_id IS NULL OR user_id = $2)',
      [alertId, userId],
    );
    return row && emailedAlertOf(row);
  }

  async queueForDigest(userId: string, alertId: string): Promise<void> {
    await this.database.query('INSERT INTO email_digest_item (user_id, alert_id) VALUES ($1, $2::bigint) ON CONFLICT DO NOTHING', [userId, alertId]);
  }

  async takeDigest(userId: string): Promise<EmailedAlert[]> {
    const rows = await this.database.query<EmailedAlertRow>(
      `WITH taken AS (DELETE FROM email_digest_item WHERE user_id = $1 RETURNING alert_id)
       SELECT a.kind, a.crn, a.title, a.occurred_at FROM alert a JOIN taken t ON t.alert_id = a.id ORDER BY a.id`,
      [userId],
    );
    return rows.map(emailedAlertOf);
  }
}

function emailedAlertOf(row: EmailedAlertRow): EmailedAlert {
  return { kind: row.kind, crn: row.crn, title: row.title, occurredAt: row.occurred_at };
}
