import { Inject, Injectable } from '@nestjs/common';
import { auditAnonymisationFunction } from '@cms/persistence';
import { Database } from '@cms/service-defaults';
import type {
  ClarificationAuditEntry,
  ClarificationStore,
  StoredMessage,
  StoredThread,
  ThreadChange,
} from '../application/clarification-store.port';
import { THREAD_COLUMNS, threadOf, type ThreadRow } from './clarification-rows';

/** What people wrote, in the audit's `detail` of a change (a closure's reason). */
const PERSONAL_AUDIT_DETAILS = ['reason'];

/**
 * The threads in PostgreSQL, written by the commands inside their transaction (the kit's
 * `Database`), as the service's own role: the commands check who may act themselves.
 */
@Injectable()
export class ClarificationRepository implements ClarificationStore {
  constructor(@Inject(Database) private readonly database: Database) {}

  async lock(id: string): Promise<StoredThread | undefined> {
    const [row] = await this.database.query<ThreadRow>(`SELECT ${THREAD_COLUMNS} FROM clarification c WHERE c.id = $1 FOR UPDATE`, [id]);
    return row && threadOf(row);
  }

  async lockOpenThreadsOf(crn: string): Promise<StoredThread[]> {
    const rows = await this.database.query<ThreadRow>(
      `SELECT ${THREAD_COLUMNS} FROM clarification c WHERE c.crn = $1 AND c.status = 'OPEN' ORDER BY c.seq FOR UPDATE`,
      [crn],
    );
    return rows.map(threadOf);
  }

  async insert(thread: StoredThread, question: StoredMessage): Promise<void> {
    await this.database.query(
      `INSERT INTO clarification (id, crn, kind, addressed_to, asking_organisation_id, addressed_organisation_id, raised_by_user_id,
                                  raised_at, status, waiting_on_organisation_id, due_on, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        thread.id,
        thread.crn,
        thread.kind,
        thread.addressedTo,
        thread.askingOrganisationId,
        thread.addressedOrganisationId,
        thread.raisedByUserId,
        thread.raisedAt,
        thread.status,
        thread.waitingOnOrganisationId,
        thread.dueOn,
        thread.version,
      ],
    );
    await this.insertMessage(thread.id, question);
  }

  async addMessage(clarificationId: string, message: Omit<StoredMessage, 'sequence'>): Promise<void> {
    // The thread is locked by the command: the next sequence number cannot be taken twice.
    const [{ next }] = await this.database.query<{ next: number }>(
      'SELECT coalesce(max(sequence), 0) + 1 AS next FROM clarification_message WHERE clarification_id = $1',
      [clarificationId],
    );
    await this.insertMessage(clarificationId, { ...message, sequence: next });
  }

  async update(id: string, change: ThreadChange): Promise<number> {
    const closure = change.closure;
    const [row] = await this.database.query<{ version: number }>(
      `UPDATE clarification
          SET status = $2, waiting_on_organisation_id = $3, due_on = $4,
              closure_cause = $5, closure_reason = $6, closed_by_user_id = $7, closed_by_organisation_id = $8, closed_at = $9,
              version = version + 1
        WHERE id = $1
        RETURNING version`,
      [
        id,
        change.status,
        change.waitingOnOrganisationId,
        change.dueOn,
        closure?.cause ?? null,
        closure?.reason ?? null,
        closure?.closedByUserId ?? null,
        closure?.closedByOrganisationId ?? null,
        closure?.closedAt ?? null,
      ],
    );
    return row.version;
  }

  async audit(entry: ClarificationAuditEntry): Promise<void> {
    await this.database.query(
      `INSERT INTO clarification_audit (occurred_at, clarification_id, crn, action, actor_user_id, actor_organisation_id, detail, trace_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [entry.occurredAt, entry.clarificationId, entry.crn, entry.action, entry.actorUserId, entry.actorOrganisationId, entry.detail, entry.traceId],
    );
  }

  async anonymiseContact(crn: string, marker: string): Promise<void> {
    await this.database.query(
      `UPDATE clarification_message m SET text = $2 FROM clarification c WHERE m.clarification_id = c.id AND c.crn = $1`,
      [crn, marker],
    );
    await this.database.query(`UPDATE clarification SET closure_reason = $2 WHERE crn = $1 AND closure_reason IS NOT NULL`, [crn, marker]);
    // The audit copies no message (only their ids), but a closure's reason: through the one path its append-only rule allows.
    await this.database.query(`SELECT ${auditAnonymisationFunction('clarification_audit')}($1, $2, $3)`, [crn, PERSONAL_AUDIT_DETAILS, marker]);
  }

  private async insertMessage(clarificationId: string, message: StoredMessage): Promise<void> {
    await this.database.query(
      `INSERT INTO clarification_message (id, clarification_id, sequence, posted_by_user_id, posted_by_organisation_id, text, posted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [message.id, clarificationId, message.sequence, message.postedByUserId, message.postedByOrganisationId, message.text, message.postedAt],
    );
  }
}
