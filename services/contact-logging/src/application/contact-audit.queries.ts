import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import {
  auditReaderOrganisation,
  contactWorkAuditItem,
  KEYSET_PAGE_SIZE,
  keysetFilter,
  keysetPage,
  type ContactWorkAuditItem,
  type KeysetPage,
  type KeysetPageRequest,
} from '@cms/service-defaults';
import { CONTACT_AUDIT_STORE, type ContactAuditRow, type ContactAuditStore } from './contact-audit.port';

export type ContactAuditItem = ContactWorkAuditItem;

export type ContactAuditPage = KeysetPage<ContactAuditItem>;

export interface ContactAuditQuery extends KeysetPageRequest {
  organisationId?: string;
  action?: string;
  crn?: string;
}

/**
 * `GET /audit/contacts`: contact state-change records, newest first. Who reads what:
 * - a CDSP administrator (role CDSP_ADMIN in a CDSP organisation): every record, optionally those
 *   one organisation may read (`organisationId`);
 * - an LSO: the records its organisation may read, i.e. those whose actor's organisation is the
 *   LSO's, or whose contact the organisation can see (its id in the contact's `visible_to`: the
 *   originator, the transporter once referred, the CDSP), exactly as for the contact itself;
 * - anyone else (a contact user, an agent, a partner system): 403 FORBIDDEN.
 * The roles are those in the verified access token.
 */
@Injectable()
export class ContactAuditQueries {
  constructor(@Inject(CONTACT_AUDIT_STORE) private readonly audit: ContactAuditStore) {}

  async list(caller: Caller, query: ContactAuditQuery): Promise<ContactAuditPage> {
    const visibleToOrganisationId = auditReaderOrganisation(caller, query.organisationId);
    const limit = query.limit ?? KEYSET_PAGE_SIZE.default;
    const rows = await this.audit.list({ visibleToOrganisationId, action: query.action, crn: query.crn, ...keysetFilter(query, limit) });
    return keysetPage(rows, limit, (row) => ({ occurredAt: row.occurred_at, id: row.id }), itemOf);
  }
}

/** `organisationId`: the contact's originator, from its row. */
function itemOf(row: ContactAuditRow): ContactAuditItem {
  return contactWorkAuditItem(row, 'originator_organisation_id');
}
