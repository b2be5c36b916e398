import { Inject, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { Caller } from '@cms/auth';
import { Database, KeysetConditions, readAsCaller } from '@cms/service-defaults';
import type {
  ClarificationAuditFilter,
  ClarificationAuditRecord,
  ClarificationReader,
  ThreadListFilter,
  ThreadSummary,
  ThreadWithMessages,
} from '../application/clarification-reader.port';
import { messageOf, THREAD_COLUMNS, threadOf, type MessageRow, type ThreadRow } from './clarification-rows';

/**
 * Reads on behalf of a caller. Two walls: each query names the caller's organisation itself (the
 * CDSP sees every contact; anyone else the contacts whose involved organisations include theirs),
 * and runs through `readAsCaller`, where row-level security lets the caller's role see only those
 * threads and messages. The audit is read by the service's own role (see the migration).
 */
@Injectable()
export class ClarificationSqlReader implements ClarificationReader {
  constructor(@Inject(Database) private readonly database: Database) {}

  threadsOfContact(caller: Caller, crn: string): Promise<ThreadWithMessages[] | undefined> {
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const [contact] = await manager.query(
        `SELECT 1 FROM involved_contact WHERE crn = $1 AND ($2 = 'CDSP' OR $3::uuid = ANY (organisation_ids))`,
        [crn, caller.organisationType, caller.organisationId],
      );
      if (!contact) return undefined;
      const rows: ThreadRow[] = await manager.query(`SELECT ${THREAD_COLUMNS} FROM clarification c WHERE c.crn = $1 ORDER BY c.seq`, [crn]);
      return withMessages(manager, rows);
    });
  }

  thread(caller: Caller, id: string): Promise<ThreadWithMessages | undefined> {
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const rows: ThreadRow[] = await manager.query(
        `SELECT ${THREAD_COLUMNS}
           FROM clarification c JOIN involved_contact ic ON ic.crn = c.crn
          WHERE c.id = $1 AND ($2 = 'CDSP' OR $3::uuid = ANY (ic.organisation_ids))`,
        [id, caller.organisationType, caller.organisationId],
      );
      const [thread] = await withMessages(manager, rows);
      return thread;
    });
  }

  list(caller: Caller, filter: ThreadListFilter): Promise<ThreadSummary[]> {
    const where = new KeysetConditions('c.raised_at', 'c.seq');
    where.add('(c.asking_organisation_id = ?::uuid OR c.addressed_organisation_id = ?::uuid)', filter.sideOrganisationId);
    if (filter.waitingOnOrganisationId !== undefined) where.add(`c.status = 'OPEN' AND c.waiting_on_organisation_id = ?::uuid`, filter.waitingOnOrganisationId);
    if (filter.status !== undefined) where.add('c.status = ?', filter.status);
    if (filter.kind !== undefined) where.add('c.kind = ?', filter.kind);
    if (filter.crn !== undefined) where.add('c.crn = ?', filter.crn);
    if (filter.dueBefore !== undefined) where.add(`c.status = 'OPEN' AND c.due_on < ?::date`, filter.dueBefore);
    where.keyset({ from: filter.from, to: filter.to, before: filter.before });
    const sql = `
      SELECT ${THREAD_COLUMNS}, c.seq::text AS seq, m.message_count, m.last_posted_at
        FROM clarification c
        CROSS JOIN LATERAL (SELECT count(*)::int AS message_count, max(posted_at) AS last_posted_at
                              FROM clarification_message WHERE clarification_id = c.id) m
        ${where.where()}
        ${where.newestFirst(filter.limit)}`;
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const rows: (ThreadRow & { seq: string; message_count: number; last_posted_at: Date })[] = await manager.query(sql, where.parameters);
      return rows.map((row) => ({
        ...threadOf(row),
        messageCount: row.message_count,
        lastPostedAt: row.last_posted_at,
        position: { occurredAt: row.raised_at, id: row.seq },
      }));
    });
  }

  async audit(filter: ClarificationAuditFilter): Promise<ClarificationAuditRecord[]> {
    const where = new KeysetConditions('a.occurred_at', 'a.id');
    if (filter.visibleToOrganisationId !== undefined) {
      where.add(
        `(a.actor_organisation_id = ?::uuid
          OR EXISTS (SELECT 1 FROM involved_contact ic WHERE ic.crn = a.crn AND ?::uuid = ANY (ic.organisation_ids)))`,
        filter.visibleToOrganisationId,
      );
    }
    if (filter.crn !== undefined) where.add('a.crn = ?', filter.crn);
    where.keyset(filter);
    const rows = await this.database.query<{
      id: string;
      occurred_at: Date;
      clarification_id: string;
      crn: string;
      action: ClarificationAuditRecord['action'];
      actor_user_id: string | null;
      actor_organisation_id: string | null;
      detail: Record<string, unknown>;
      trace_id: string | null;
    }>(
      `SELECT a.id::text AS id, a.occurred_at, a.clarification_id, a.crn, a.action, a.actor_user_id, a.actor_organisation_id, a.detail, a.trace_id
         FROM clarification_audit a
        ${where.where()}
        ${where.newestFirst(filter.limit)}`,
      where.parameters,
    );
    return rows.map((row) => ({
      id: row.id,
      occurredAt: row.occurred_at,
      clarificationId: row.clarification_id,
      crn: row.crn,
      action: row.action,
      actorUserId: row.actor_user_id,
      actorOrganisationId: row.actor_organisation_id,
      detail: row.detail,
      traceId: row.trace_id,
    }));
  }
}

/** The threads with their messages, oldest first, read in the same snapshot. */
async function withMessages(manager: EntityManager, rows: ThreadRow[]): Promise<ThreadWithMessages[]> {
  if (rows.length === 0) return [];
  const messages: MessageRow[] = await manager.query(
    `SELECT id, clarification_id, sequence, posted_by_user_id, posted_by_organisation_id, text, posted_at
       FROM clarification_message WHERE clarification_id = ANY ($1::uuid[]) ORDER BY clarification_id, sequence`,
    [rows.map((row) => row.id)],
  );
  return rows.map((row) => ({
    ...threadOf(row),
    messages: messages.filter((message) => message.clarification_id === row.id).map(messageOf),
  }));
}
