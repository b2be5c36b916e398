import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { Clock } from '@cms/service-defaults';
import { londonToday } from '@cms/gas-market';
import { decodeContactCursor, encodeContactCursor, positionOf, type ContactListPosition } from './contact-list-cursor';
import {
  CONTACT_STORE,
  contactUnderWork,
  type ContactListFilter,
  type ContactListRow,
  type ContactRow,
  type ContactSide,
  type ContactStore,
} from './contact-store.port';
import type { ContactListItemView, ContactListQuery, ContactListView, ContactSummaryView, ContactView, ResolutionReasonView } from './contact.views';
import { RESOLUTION_REASONS, type ResolutionReasons } from './resolution-reasons.port';

const DEFAULT_PAGE_SIZE = 25;

/** Rows read at a time by an export: a batch is small enough to hold, large enough to keep the round trips few. */
export const EXPORT_BATCH_SIZE = 500;

/** Reads of contacts, always scoped to what the caller's organisation may see. */
@Injectable()
export class ContactQueries {
  constructor(
    @Inject(CONTACT_STORE) private readonly contacts: ContactStore,
    @Inject(RESOLUTION_REASONS) private readonly reasons: ResolutionReasons,
    @Inject(Clock) private readonly time: Clock,
  ) {}

  /** The reasons an agent may give, for the resolution form: the timer's own are not offered. */
  async resolutionReasons(): Promise<ResolutionReasonView[]> {
    const reasons = await this.reasons.active();
    return reasons.filter((reason) => !reason.automaticOnly).map(({ code, label, outcome }) => ({ code, label, outcome }));
  }

  async get(caller: Caller, crn: string): Promise<ContactView | null> {
    const found = await this.contacts.findVisible(caller, crn);
    if (!found) return null;
    const { contact: row, history, waitingOn } = found;
    const today = londonToday(this.time.now());
    const work = contactUnderWork(row);
    return {
      ...summaryOf(row),
      version: row.version,
      originatorUserId: row.originator_user_id,
      registeredShipperOrganisationId: row.registered_shipper_organisation_id,
      details: row.details,
      meterPointStatusAtLogging: work.meterPointStatusAtLogging,
      meterPointStatusAfter: row.meter_point_status_after,
      investigatingAgentUserId: row.investigating_agent_user_id,
      handlers: Object.entries(row.handlers).map(([organisationId, userId]) => ({ organisationId, userId })),
      dueOn: row.due_on,
      clockPausedOn: row.clock_paused_on,
      outcome: row.outcome,
      outcomeReasonCode: row.outcome_reason_code,
      outcomeReason: row.outcome_reason,
      outcomeNote: row.outcome_note,
      closedAutomatically: row.closed_automatically,
      closedAt: row.closed_at?.toISOString() ?? null,
      closedByUserId: row.closed_by_user_id,
      withdrawalReason: row.withdrawal_reason,
      waitingOn: waitingOn.map((item) => ({
        type: item.item_type,
        id: item.item_id,
        waitingOnOrganisationId: item.waiting_on_organisation_id,
        dueOn: item.due_on,
        overdue: item.due_on < today,
        since: item.since.toISOString(),
      })),
      history: history.map((entry) => ({
        at: entry.occurred_at.toISOString(),
        action: entry.action,
        actorUserId: entry.actor_user_id,
        actorOrganisationId: entry.actor_organisation_id,
        detail: entry.detail,
      })),
    };
  }

  /** `GET /contacts`: one keyset page of the contacts the caller may see that match the query. */
  async list(caller: Caller, query: ContactListQuery): Promise<ContactListView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const filter = listFilter(caller, query, londonToday(this.time.now()));
    const after = query.cursor === undefined ? undefined : decodeContactCursor(query.cursor, filter.sort);
    const rows = await this.contacts.listVisible(caller, { ...filter, after, limit: limit + 1 });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((row) => listItemOf(row, caller)),
      nextCursor: rows.length > limit && last ? encodeContactCursor(positionOf(last, filter.sort)) : null,
    };
  }

  /**
   * The export of `GET /contacts`: every contact the list would show over all its pages, read in
   * keyset batches of EXPORT_BATCH_SIZE (each its own short read as the caller), so that a large
   * export neither sits in memory nor holds a transaction open while the client downloads. Judged
   * on one day throughout (`today`, also the export's date).
   */
  export(caller: Caller, query: Omit<ContactListQuery, 'limit' | 'cursor'>): ContactExport {
    const today = londonToday(this.time.now());
    const filter = listFilter(caller, query, today);
    const contacts = this.contacts;
    async function* batches(): AsyncGenerator<ContactListItemView> {
      let after: ContactListPosition | undefined;
      do {
        const rows = await contacts.listVisible(caller, { ...filter, after, limit: EXPORT_BATCH_SIZE });
        for (const row of rows) yield listItemOf(row, caller);
        const last = rows[rows.length - 1];
        after = rows.length === EXPORT_BATCH_SIZE && last ? positionOf(last, filter.sort) : undefined;
      } while (after);
    }
    return { today, contacts: batches() };
  }
}

/** An export of the contact list: the day it was judged on and its contacts, read as they are consumed. */
export interface ContactExport {
  today: string;
  contacts: AsyncGenerator<ContactListItemView>;
}

/** The store's filter for a list query (no position, no limit yet), the caller's organisation's side as its queue. */
function listFilter(caller: Caller, query: Omit<ContactListQuery, 'limit' | 'cursor'>, today: string): Omit<ContactListFilter, 'limit'> {
  const side = sideOf(caller);
  return {
    type: query.type,
    status: query.status,
    mprn: query.mprn,
    crn: query.crn,
    loggedFrom: query.loggedFrom ? new Date(query.loggedFrom) : undefined,
    loggedTo: query.loggedTo ? new Date(query.loggedTo) : undefined,
    assignedTo: query.assignedTo === 'me' ? { side, userId: caller.userId } : undefined,
    unassigned: query.unassigned === 'true' ? side : undefined,
    waitingOn: query.waitingOnMe === 'true' ? caller.organisationId : undefined,
    overdue: query.overdue === 'true' ? true : undefined,
    today,
    sort: query.sort ?? 'loggedAt',
  };
}

/**
 * The caller's organisation's side of a contact (docs/domain.md "Who uses it"): the CDSP's is the
 * investigation, any other organisation's its handler, as assignContact decides.
 */
function sideOf(caller: Caller): ContactSide {
  return caller.organisationType === 'CDSP' ? { role: 'INVESTIGATING_AGENT' } : { role: 'HANDLER', organisationId: caller.organisationId };
}

function listItemOf(row: ContactListRow, caller: Caller): ContactListItemView {
  const side = sideOf(caller);
  return {
    ...summaryOf(row),
    investigatingAgentUserId: row.investigating_agent_user_id,
    handlerUserId: side.role === 'INVESTIGATING_AGENT' ? row.investigating_agent_user_id : (row.handlers[side.organisationId] ?? null),
    nextDueOn: row.next_due_on,
    overdue: row.overdue,
  };
}

function summaryOf(row: ContactRow): ContactSummaryView {
  return {
    crn: row.crn,
    type: row.contact_type,
    mprn: row.mprn,
    status: row.status,
    requestedStatus: row.requested_status,
    originatorOrganisationId: row.originator_organisation_id,
    transporterOrganisationId: row.transporter_organisation_id,
    loggedAt: row.logged_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
