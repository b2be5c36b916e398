import type { KeysetFilter } from '@cms/service-defaults';

export interface ContactAuditRow {
  id: string;
  occurred_at: Date;
  actor_user_id: string;
  /** Null for a change no person made. */
  actor_organisation_id: string | null;
  action: string;
  crn: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  trace_id: string | null;
}

export interface ContactAuditFilter extends KeysetFilter {
  /**
   * Only the records an organisation may read: those it acted in, and those of contacts it can see
   * (its id in the contact's `visible_to`); every record when absent.
   */
  visibleToOrganisationId?: string;
  action?: string;
  crn?: string;
}

/** Port: the append-only audit of contact state changes, read newest first. */
export interface ContactAuditStore {
  list(filter: ContactAuditFilter): Promise<ContactAuditRow[]>;
}

export const CONTACT_AUDIT_STORE = Symbol('CONTACT_AUDIT_STORE');
