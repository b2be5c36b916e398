/** What the contact reads answer (the HTTP layer's response classes describe the same shapes for OpenAPI). */
export interface HistoryEntryView {
  at: string;
  action: string;
  actorUserId: string;
  actorOrganisationId: string;
  detail: Record<string, unknown>;
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

export interface ContactView extends ContactSummaryView {
  originatorUserId: string;
  registeredShipperOrganisationId: string | null;
  details: Record<string, unknown>;
  outcome: string | null;
  outcomeReason: string | null;
  waitingOn: unknown[];
  history: HistoryEntryView[];
}

export interface ContactListView {
  items: ContactSummaryView[];
  nextCursor: string | null;
}

/** The filters of `GET /contacts`, as validated by the HTTP layer. */
export interface ContactListQuery {
  type?: string;
  status?: string;
  mprn?: string;
  crn?: string;
  loggedFrom?: string;
  loggedTo?: string;
  limit?: number;
  cursor?: string;
}
