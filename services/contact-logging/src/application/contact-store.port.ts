import type { Caller } from '@cms/auth';
import type { DomainEvent } from '@cms/contracts';
import type { ContactListPosition, ContactListSort } from './contact-list-cursor';
import { statusLoggedAgainst, type ContactUnderWork, type IsolationWorkType, type OpenContact, type Rejection, type RequestedMeterPointStatus } from '../domain';

export interface NewContact {
  crn: string;
  contactType: 'DTL' | 'ISO';
  mprn: string;
  status: 'LOGGED';
  requestedStatus: 'LI' | 'DE';
  originatorOrganisationId: string;
  originatorUserId: string;
  transporterOrganisationId: string;
  registeredShipperOrganisationId: string | null;
  /** The register's status when it was logged: a VALID outcome applies only if it still holds. */
  meterPointStatusAtLogging: string;
  /** The meter point's LDZ, when the register gave it. */
  ldz: string | null;
  /** The resolution due date, `YYYY-MM-DD`. */
  dueOn: string;
  visibleTo: string[];
  details: Record<string, unknown>;
  loggedAt: Date;
  /** The first entry of its history timeline, written with it. */
  history: Omit<HistoryEntry, 'crn' | 'occurredAt'>;
  /** The trace of the request that logged it, for its audit record; null outside a trace. */
  traceId: string | null;
}

export interface HistoryEntry {
  crn: string;
  occurredAt: Date;
  action: string;
  actorUserId: string;
  actorOrganisationId: string;
  detail: Record<string, unknown>;
}

export interface ContactRow {
  crn: string;
  contact_type: 'DTL' | 'ISO';
  mprn: string;
  status: string;
  requested_status: string;
  originator_organisation_id: string;
  originator_user_id: string;
  transporter_organisation_id: string;
  registered_shipper_organisation_id: string | null;
  details: Record<string, unknown>;
  outcome: string | null;
  outcome_reason: string | null;
  logged_at: Date;
  updated_at: Date;
  version: number;
  /** Null for a contact logged before it was kept (see statusLoggedAgainst). */
  meter_point_status_at_logging: string | null;
  meter_point_status_after: string | null;
  visible_to: string[];
  investigating_agent_user_id: string | null;
  handlers: Record<string, string>;
  outcome_reason_code: string | null;
  outcome_note: string | null;
  closed_automatically: boolean | null;
  closed_at: Date | null;
  closed_by_user_id: string | null;
  withdrawal_reason: string | null;
  ldz: string | null;
  /** `YYYY-MM-DD` (libs/persistence reads SQL dates as their text). */
  due_on: string | null;
  clock_paused_on: string | null;
}

/** What a lifecycle command changes of a contact: only the fields named. */
export interface ContactChangeSet {
  status?: string;
  investigatingAgentUserId?: string;
  handlers?: Record<string, string>;
  outcome?: string;
  /** The reason as people read it (the label of `outcomeReasonCode`). */
  outcomeReason?: string;
  outcomeReasonCode?: string;
  outcomeNote?: string | null;
  closedAutomatically?: boolean;
  closedAt?: Date;
  closedByUserId?: string | null;
  withdrawalReason?: string;
  dueOn?: string;
  clockPausedOn?: string | null;
}

/** A lifecycle command's change of a contact, with the history entry and audit record that go with it. */
export interface ContactChange {
  crn: string;
  set: ContactChangeSet;
  occurredAt: Date;
  /** The actor is null for a change no person made (a timer's automatic closure). */
  history: Omit<HistoryEntry, 'crn' | 'occurredAt' | 'actorUserId' | 'actorOrganisationId'> & {
    actorUserId: string | null;
    actorOrganisationId: string | null;
  };
  /** The trace of the request that made it, for its audit record; null outside a trace. */
  traceId: string | null;
}

export interface HistoryRow {
  occurred_at: Date;
  action: string;
  /** Null where no person acted (the register, a timer). */
  actor_user_id: string | null;
  actor_organisation_id: string | null;
  detail: Record<string, unknown>;
}

export interface WaitingOnRow {
  item_id: string;
  item_type: 'DC' | 'OC' | 'SV';
  waiting_on_organisation_id: string;
  /** `YYYY-MM-DD`. */
  due_on: string;
  addressed_to: 'ORIGINATOR' | 'STAKEHOLDER' | null;
  since: Date;
}

/**
 * An organisation's side of a contact (docs/domain.md "Who uses it": work is queued within each
 * organisation): the CDSP's is its investigation, worked by the investigating agent; any other
 * involved organisation's is worked by its handler (`handlers[organisationId]`).
 */
export type ContactSide = { role: 'INVESTIGATING_AGENT' } | { role: 'HANDLER'; organisationId: string };

export interface ContactListFilter {
  type?: string;
  status?: string;
  mprn?: string;
  crn?: string;
  loggedFrom?: Date;
  loggedTo?: Date;
  /** Contacts whose `side` this user works (whatever their status). */
  assignedTo?: { side: ContactSide; userId: string };
  /** Open contacts whose side nobody works yet. */
  unassigned?: ContactSide;
  /** Open contacts waiting on this organisation: an open DC, OC or SV whose turn it is. */
  waitingOn?: string;
  /** Open contacts whose next_due_on has passed. */
  overdue?: boolean;
  /** The Europe/London date (`YYYY-MM-DD`) the list is judged on: due before it is overdue. */
  today: string;
  sort: ContactListSort;
  /** Keyset: contacts strictly after this position in `sort` order. */
  after?: ContactListPosition;
  limit: number;
}

/** A listed contact, with what its queue shows of it. */
export interface ContactListRow extends ContactRow {
  /**
   * `YYYY-MM-DD`: the earliest date an open contact is due by (each DC, OC and SV it waits on; its
   * resolution while its clock runs); null when it is due by nothing, and always once it is closed
   * (its threads and visits are being closed).
   */
  next_due_on: string | null;
  /** next_due_on has passed. */
  overdue: boolean;
}

export interface VisibleContact {
  contact: ContactRow;
  history: HistoryRow[];
  waitingOn: WaitingOnRow[];
}

export interface RejectedSubmission {
  id: string;
  submittedAt: Date;
  userId: string;
  organisationId: string;
  mprn: string | null;
  submission: unknown;
  rejections: Rejection[];
}

/**
 * Port: where contacts are kept. Every read on a caller's behalf returns only what the caller's
 * organisation may see: a contact the caller may not see is indistinguishable from a missing one.
 */
export interface ContactStore {
  /** The next Contact Reference Number, known before the contact is written. */
  nextCrn(): Promise<string>;
  /** The open contact on this meter point, whoever logged it (the one-open-contact rule), with whether `caller` may know its CRN. */
  findOpen(mprn: string, caller: Caller): Promise<OpenContact | null>;
  /**
   * Writes a newly logged contact, the first entry of its history, its audit record and its events,
   * all committed together. Refused with a unique violation on `contact_one_open_per_mprn` when
   * the meter point has an open contact already (`isOpenContactConflict`).
   */
  insertLogged(contact: NewContact, events: DomainEvent[]): Promise<void>;
  recordRejection(rejection: RejectedSubmission): Promise<void>;
  /** The contact and its whole history; null if the caller may not see it. */
  findVisible(caller: Caller, crn: string): Promise<VisibleContact | null>;
  /** Visible contacts matching `filter`, in its sort order, at most `limit`. */
  listVisible(caller: Caller, filter: ContactListFilter): Promise<ContactListRow[]>;
  /**
   * For a lifecycle command, inside `Transactions.run`: the contact as it stands, locked until the
   * transaction ends so that two commands on it run one after the other; null if the caller may not
   * see it.
   */
  findForCommand(caller: Caller, crn: string): Promise<ContactUnderWork | null>;
  /** Applies a change, its history entry and its audit record (before and after); returns the new version. */
  applyChange(change: ContactChange): Promise<number>;
}

export const CONTACT_STORE = Symbol('CONTACT_STORE');

/** True for the store's refusal of a second open contact on one meter point. */
export function isOpenContactConflict(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'contact_one_open_per_mprn';
}

/** What the lifecycle commands read of a stored contact. */
export function contactUnderWork(row: ContactRow): ContactUnderWork {
  const requestedStatus = row.requested_status as RequestedMeterPointStatus;
  const isolation = row.details['isolation'] as { workType?: IsolationWorkType } | undefined;
  return {
    crn: row.crn,
    contactType: row.contact_type,
    mprn: row.mprn,
    status: row.status as ContactUnderWork['status'],
    version: row.version,
    requestedStatus,
    meterPointStatusAtLogging:
      row.meter_point_status_at_logging ??
      statusLoggedAgainst({ contactType: row.contact_type, requestedStatus, isolationWorkType: isolation?.workType }),
    originatorOrganisationId: row.originator_organisation_id,
    originatorUserId: row.originator_user_id,
    transporterOrganisationId: row.transporter_organisation_id,
    visibleTo: row.visible_to,
    investigatingAgentUserId: row.investigating_agent_user_id,
    handlers: row.handlers,
    ldz: row.ldz,
    dueOn: row.due_on,
    clockPausedOn: row.clock_paused_on,
  };
}
