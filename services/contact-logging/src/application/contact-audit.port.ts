import type { ContactWorkAuditRow, KeysetFilter } from '@cms/service-defaults';

/** A record of `contact_audit` (its actor is never null: `system` for a change no person made). */
export type ContactAuditRow = ContactWorkAuditRow & { actor_user_id: string };

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
