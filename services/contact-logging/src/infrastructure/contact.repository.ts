import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import type { DomainEvent } from '@cms/contracts';
import { OutboxWriter } from '@cms/messaging';
import { runPrepared, toStorableJson, type PreparedStatement } from '@cms/persistence';
import { Database } from '@cms/service-defaults';
import { contactUnderWork } from '../application/contact-store.port';
import type {
  ContactChange,
  ContactChangeSet,
  ContactListFilter,
  ContactListRow,
  ContactRow,
  ContactStore,
  HistoryRow,
  NewContact,
  RejectedSubmission,
  VisibleContact,
  WaitingOnRow,
} from '../application/contact-store.port';
import { seesEveryContact, type ContactUnderWork, type OpenContact } from '../domain';
import { readAsCaller } from '@cms/service-defaults';
import { contactListQuery } from './contact-list.query';
import { CrnAllocator } from './crn-allocator';

export const OPEN_STATUSES = ['LOGGED', 'UNDER_INVESTIGATION'] as const;

const FIND_OPEN: PreparedStatement = {
  name: 'contact-find-open',
  text: `SELECT crn, ($3::boolean OR $4 = ANY(visible_to)) AS visible FROM contact WHERE mprn = $1 AND status = ANY($2) LIMIT 1`,
};

// The contact's events: the outbox writer's INSERT, its parameters from $21 on (see insertLogged).
const INSERT_LOGGED_TEMPLATE = `WITH new_contact AS (
           INSERT INTO contact (crn, contact_type, mprn, status, requested_status, originator_organisation_id,
                                originator_user_id, transporter_organisation_id, registered_shipper_organisation_id,
                                visible_to, details, logged_at, updated_at, meter_point_status_at_logging, ldz, due_on)
           VALUES ($17, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, $18, $19, $20)
           RETURNING *
         ), first_entry AS (
           INSERT INTO contact_history (crn, occurred_at, action, actor_user_id, actor_organisation_id, detail)
           SELECT crn, $11, $12, $13, $14, $15 FROM new_contact
         ), audit AS (
           INSERT INTO contact_audit (occurred_at, actor_user_id, actor_organisation_id, action, crn, before, after, trace_id)
           SELECT $11, $13, $14, $12, crn, NULL, to_jsonb(new_contact), $16 FROM new_contact
         ), outbox AS (
           %OUTBOX%
         )
         SELECT crn FROM new_contact`;

const FIRST_OUTBOX_PARAMETER = 21;

/** Who the audit names for a change no person made (a timer's automatic closure); it has no organisation. */
const SYSTEM_ACTOR = 'system';

/**
 * The columns a lifecycle command may change, by the name of its field (ContactChangeSet): nothing
 * else is ever written by applyChange, whatever the object holds.
 */
const CHANGEABLE_COLUMNS: Readonly<Record<keyof ContactChangeSet, string>> = {
  status: 'status',
  investigatingAgentUserId: 'investigating_agent_user_id',
  handlers: 'handlers',
  outcome: 'outcome',
  outcomeReason: 'outcome_reason',
  outcomeReasonCode: 'outcome_reason_code',
  outcomeNote: 'outcome_note',
  closedAutomatically: 'closed_automatically',
  closedAt: 'closed_at',
  closedByUserId: 'closed_by_user_id',
  withdrawalReason: 'withdrawal_reason',
  dueOn: 'due_on',
  clockPausedOn: 'clock_paused_on',
};

/**
 * Contacts in PostgreSQL. Every read takes the caller and returns only what the caller's
 * organisation may see: a contact the caller may not see is indistinguishable from a missing one.
 * Two walls: each query filters on the caller itself, and runs through `readAsCaller`, where the
 * database's row-level security policies filter again.
 */
@Injectable()
export class ContactRepository implements ContactStore {
  private readonly crns: CrnAllocator;
  private readonly insertLoggedStatement: PreparedStatement;

  constructor(
    private readonly database: Database,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {
    this.crns = new CrnAllocator(database.dataSource);
    // One prepared statement: the outbox part has the same text for any number of events.
    this.insertLoggedStatement = { name: 'contact-insert-logged', text: INSERT_LOGGED_TEMPLATE.replace('%OUTBOX%', outbox.statement([], FIRST_OUTBOX_PARAMETER).sql) };
  }

  nextCrn(): Promise<string> {
    return this.crns.next();
  }

  /**
   * The open contact on this meter point, whoever logged it: a logging rule (one open contact per
   * meter point), checked by the service itself, not a read on a caller's behalf, so it is the one
   * read that runs outside `readAsCaller`. The unique index contact_one_open_per_mprn backs it.
   */
  async findOpen(mprn: string, caller: Caller): Promise<OpenContact | null> {
    const [open] = await runPrepared<{ crn: string; visible: boolean }>(this.database.dataSource, FIND_OPEN, [
      mprn,
      OPEN_STATUSES,
      seesEveryContact(caller.organisationType),
      caller.organisationId,
    ]);
    return open ? { crn: open.crn, visibleToOriginator: open.visible } : null;
  }

  /**
   * Writes a newly logged contact, the first entry of its history, its audit record (before: none;
   * after: the row as stored) and its events for the outbox in one statement: one round trip, and
   * one implicit transaction, so all of it commits together or none of it does.
   */
  async insertLogged(contact: NewContact, events: DomainEvent[]): Promise<void> {
    await runPrepared(
      this.database.dataSource,
      this.insertLoggedStatement,
      [
        contact.contactType,
        contact.mprn,
        contact.status,
        contact.requestedStatus,
        contact.originatorOrganisationId,
        contact.originatorUserId,
        contact.transporterOrganisationId,
        contact.registeredShipperOrganisationId,
        contact.visibleTo,
        contact.details,
        contact.loggedAt,
        contact.history.action,
        contact.history.actorUserId,
        contact.history.actorOrganisationId,
        contact.history.detail,
        contact.traceId,
        contact.crn,
        contact.meterPointStatusAtLogging,
        contact.ldz,
        contact.dueOn,
        ...this.outbox.statement(events, FIRST_OUTBOX_PARAMETER).parameters,
      ],
    );
  }

  async recordRejection(rejection: RejectedSubmission): Promise<void> {
    await this.database.query(
      `INSERT INTO rejected_submission (id, submitted_at, user_id, organisation_id, mprn, submission, rejections)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        rejection.id,
        rejection.submittedAt,
        rejection.userId,
        rejection.organisationId,
        rejection.mprn,
        JSON.stringify(toStorableJson(rejection.submission ?? null)),
        JSON.stringify(toStorableJson(rejection.rejections)),
      ],
    );
  }

  /** The contact and its whole history, in one transaction as the caller; null if not visible. */
  async findVisible(caller: Caller, crn: string): Promise<VisibleContact | null> {
    return readAsCaller(this.database.dataSource, caller, async (manager) => {
      const [contact]: ContactRow[] = await manager.query(
        `SELECT * FROM contact WHERE crn = $1 AND ($2 OR $3 = ANY(visible_to))`,
        [crn, seesEveryContact(caller.organisationType), caller.organisationId],
      );
      if (!contact) return null;
      const history: HistoryRow[] = await manager.query(
        `SELECT occurred_at, action, actor_user_id, actor_organisation_id, detail
           FROM contact_history WHERE crn = $1 ORDER BY occurred_at, id`,
        [crn],
      );
      const waitingOn: WaitingOnRow[] = await manager.query(
        `SELECT item_id, item_type, waiting_on_organisation_id, to_char(due_on, 'YYYY-MM-DD') AS due_on, addressed_to, since
           FROM contact_waiting_on WHERE crn = $1 ORDER BY due_on, since`,
        [crn],
      );
      return { contact, history, waitingOn };
    });
  }

  /** One query, as the caller (contact-list.query.ts). */
  async listVisible(caller: Caller, filter: ContactListFilter): Promise<ContactListRow[]> {
    const { text, parameters } = contactListQuery(caller, filter);
    return readAsCaller(this.database.dataSource, caller, (manager) => manager.query(text, parameters));
  }

  /** Locks the row (FOR UPDATE) in the transaction in progress; the caller's visibility as every read. */
  async findForCommand(caller: Caller, crn: string): Promise<ContactUnderWork | null> {
    const [row]: ContactRow[] = await this.database.query(
      `SELECT * FROM contact WHERE crn = $1 AND ($2 OR $3 = ANY(visible_to)) FOR UPDATE`,
      [crn, seesEveryContact(caller.organisationType), caller.organisationId],
    );
    return row ? contactUnderWork(row) : null;
  }

  /**
   * The change, its history entry and its audit record (the row before and after) in one statement
   * of the transaction in progress. The version goes up by one with every change.
   */
  async applyChange(change: ContactChange): Promise<number> {
    const fields = Object.entries(change.set).filter(([, value]) => value !== undefined) as [keyof ContactChangeSet, unknown][];
    const parameters: unknown[] = [change.crn, change.occurredAt, change.history.action, change.history.actorUserId, change.history.actorOrganisationId, change.history.detail, change.traceId];
    const assignments = fields.map(([field, value]) => {
      parameters.push(field === 'handlers' ? JSON.stringify(value) : value);
      return `${CHANGEABLE_COLUMNS[field]} = $${parameters.length}`;
    });
    const [updated] = await this.database.query<{ version: number }>(
      `WITH before AS (
         SELECT to_jsonb(contact) AS row FROM contact WHERE crn = $1
       ), changed AS (
         UPDATE contact SET ${[...assignments, 'version = version + 1', 'updated_at = $2'].join(', ')}
          WHERE crn = $1 RETURNING *
       ), entry AS (
         INSERT INTO contact_history (crn, occurred_at, action, actor_user_id, actor_organisation_id, detail)
         SELECT crn, $2, $3, $4, $5, $6 FROM changed
       ), audit AS (
         INSERT INTO contact_audit (occurred_at, actor_user_id, actor_organisation_id, action, crn, before, after, trace_id)
         SELECT $2, coalesce($4, '${SYSTEM_ACTOR}'), $5, $3, crn, (SELECT row FROM before), to_jsonb(changed), $7 FROM changed
       )
       SELECT version FROM changed`,
      parameters,
    );
    if (!updated) throw new Error(`contact ${change.crn} vanished inside the transaction that locked it`);
    return updated.version;
  }
}
