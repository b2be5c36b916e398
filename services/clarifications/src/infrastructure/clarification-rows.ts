import type { StoredMessage, StoredThread } from '../application/clarification-store.port';

/** A row of `clarification` (see its migration), as both the repository and the reader select it. */
export interface ThreadRow {
  id: string;
  crn: string;
  kind: 'DC' | 'OC';
  addressed_to: 'ORIGINATOR' | 'STAKEHOLDER';
  asking_organisation_id: string;
  addressed_organisation_id: string;
  raised_by_user_id: string;
  raised_at: Date;
  status: 'OPEN' | 'CLOSED';
  waiting_on_organisation_id: string | null;
  due_on: string | null;
  closure_cause: 'CLOSED_BY_PARTICIPANT' | 'CONTACT_RESOLVED' | 'CONTACT_WITHDRAWN' | null;
  closure_reason: string | null;
  closed_by_user_id: string | null;
  closed_by_organisation_id: string | null;
  closed_at: Date | null;
  version: number;
}

/** The columns of a ThreadRow, from `clarification c`. */
export const THREAD_COLUMNS = `c.id, c.crn, c.kind, c.addressed_to, c.asking_organisation_id, c.addressed_organisation_id, c.raised_by_user_id,
  c.raised_at, c.status, c.waiting_on_organisation_id, c.due_on, c.closure_cause, c.closure_reason, c.closed_by_user_id,
  c.closed_by_organisation_id, c.closed_at, c.version`;

export function threadOf(row: ThreadRow): StoredThread {
  return {
    id: row.id,
    crn: row.crn,
    kind: row.kind,
    addressedTo: row.addressed_to,
    askingOrganisationId: row.asking_organisation_id,
    addressedOrganisationId: row.addressed_organisation_id,
    raisedByUserId: row.raised_by_user_id,
    raisedAt: row.raised_at,
    status: row.status,
    waitingOnOrganisationId: row.waiting_on_organisation_id,
    dueOn: row.due_on,
    closure:
      row.closure_cause === null || row.closed_at === null
        ? null
        : {
            cause: row.closure_cause,
            reason: row.closure_reason ?? '',
            closedByUserId: row.closed_by_user_id,
            closedByOrganisationId: row.closed_by_organisation_id,
            closedAt: row.closed_at,
          },
    version: row.version,
  };
}

/** A row of `clarification_message`. */
export interface MessageRow {
  id: string;
  clarification_id: string;
  sequence: number;
  posted_by_user_id: string;
  posted_by_organisation_id: string;
  text: string;
  posted_at: Date;
}

export function messageOf(row: MessageRow): StoredMessage {
  return {
    id: row.id,
    sequence: row.sequence,
    postedByUserId: row.posted_by_user_id,
    postedByOrganisationId: row.posted_by_organisation_id,
    text: row.text,
    postedAt: row.posted_at,
  };
}
