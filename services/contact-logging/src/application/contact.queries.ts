import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import { Clock, ProblemException } from '@cms/service-defaults';
import { CONTACT_STORE, contactUnderWork, type ContactRow, type ContactStore } from './contact-store.port';
import type { ContactListQuery, ContactListView, ContactSummaryView, ContactView, ResolutionReasonView } from './contact.views';
import { londonToday } from '@cms/gas-market';
import { RESOLUTION_REASONS, type ResolutionReasons } from './resolution-reasons.port';

const DEFAULT_PAGE_SIZE = 25;

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

  async list(caller: Caller, query: ContactListQuery): Promise<ContactListView> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const rows = await this.contacts.listVisible(caller, {
      type: query.type,
      status: query.status,
      mprn: query.mprn,
      crn: query.crn,
      loggedFrom: query.loggedFrom ? new Date(query.loggedFrom) : undefined,
      loggedTo: query.loggedTo ? new Date(query.loggedTo) : undefined,
      before: query.cursor ? decodeCursor(query.cursor) : undefined,
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(summaryOf),
      nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
    };
  }
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

/** Keyset cursor: the last row's (logged_at, crn), opaque to clients. */
function encodeCursor(row: ContactRow): string {
  return Buffer.from(JSON.stringify([row.logged_at.toISOString(), row.crn])).toString('base64url');
}

function decodeCursor(cursor: string): { loggedAt: Date; crn: string } {
  try {
    const [loggedAt, crn] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const date = new Date(loggedAt);
    if (Number.isNaN(date.getTime()) || typeof crn !== 'string') throw new Error('bad cursor');
    return { loggedAt: date, crn };
  } catch {
    throw new ProblemException(400, 'INVALID_CURSOR', 'Invalid cursor', 'The cursor is not one this API returned.');
  }
}
