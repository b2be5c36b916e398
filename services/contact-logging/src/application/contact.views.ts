import type { ContactListSort } from './contact-list-cursor';

/** What the contact reads answer (the HTTP layer's response classes describe the same shapes for OpenAPI). */
export interface HistoryEntryView {
  at: string;
  action: string;
  /** Null where no person acted (the register, a timer). */
  actorUserId: string | null;
  actorOrganisationId: string | null;
  detail: Record<string, unknown>;
}

/** An open DC, OC or SV the contact waits on: whose turn it is and by when. */
export interface WaitingOnView {
  type: 'DC' | 'OC' | 'SV';
  id: string;
  waitingOnOrganisationId: string;
  dueOn: string;
  /** Past its due date (Europe/London). */
  overdue: boolean;
  since: string;
}

export interface ContactSummaryView {
  crn: string;
  type: string;
  mprn: string;
  status: string;
  requestedStatus: string;
  originatorOrganisationId: string;
  transporterOrganisationId: string;
  loggedAt: string;
  updatedAt: string;
}

/** The user handling an involved organisation's side of a contact. */
export interface HandlerView {
  organisationId: string;
  userId: string;
}

export interface ContactView extends ContactSummaryView {
  /** The contact's version: its ETag, sent back in `If-Match` with a lifecycle command. */
  version: number;
  originatorUserId: string;
  registeredShipperOrganisationId: string | null;
  details: Record<string, unknown>;
  /** The register's status when the contact was logged, and after its outcome was applied (null until then). */
  meterPointStatusAtLogging: string;
  meterPointStatusAfter: string | null;
  investigatingAgentUserId: string | null;
  handlers: HandlerView[];
  /** The resolution due date, in working days; null for a contact logged before clocks were kept. */
  dueOn: string | null;
  /** Since when its clock has been paused waiting on the originator; null while it runs. */
  clockPausedOn: string | null;
  outcome: string | null;
  outcomeReasonCode: string | null;
  outcomeReason: string | null;
  outcomeNote: string | null;
  closedAutomatically: boolean | null;
  closedAt: string | null;
  closedByUserId: string | null;
  withdrawalReason: string | null;
  waitingOn: WaitingOnView[];
  history: HistoryEntryView[];
}

/** A contact as a work queue lists it: the summary, who works it and what it is due by. */
export interface ContactListItemView extends ContactSummaryView {
  investigatingAgentUserId: string | null;
  /**
   * Who works my organisation's side of it (`assignedTo=me` matches me here, `unassigned=true` no
   * one): for the CDSP its investigating agent, for any other organisation its handler.
   */
  handlerUserId: string | null;
  /**
   * `YYYY-MM-DD`: the earliest date it is due by (each DC, OC and SV it waits on; its resolution
   * while its clock runs); null when it is due by nothing.
   */
  nextDueOn: string | null;
  /** `nextDueOn` has passed (Europe/London). */
  overdue: boolean;
}

export interface ContactListView {
  items: ContactListItemView[];
  nextCursor: string | null;
}

export interface ResolutionReasonView {
  code: string;
  label: string;
  outcome: string;
}

/** The filters of `GET /contacts`, as validated by the HTTP layer (the flags hold `'true'` when set). */
export interface ContactListQuery {
  type?: string;
  status?: string;
  mprn?: string;
  crn?: string;
  loggedFrom?: string;
  loggedTo?: string;
  assignedTo?: 'me';
  unassigned?: 'true';
  waitingOnMe?: 'true';
  overdue?: 'true';
  sort?: ContactListSort;
  limit?: number;
  cursor?: string;
}
