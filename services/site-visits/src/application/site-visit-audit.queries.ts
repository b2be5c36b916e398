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
import { SITE_VISIT_AUDIT_STORE, type SiteVisitAuditRow, type SiteVisitAuditStore } from './site-visit-audit.port';

export interface SiteVisitAuditItem extends ContactWorkAuditItem {
  siteVisitId: string;
}

export interface SiteVisitAuditQuery extends KeysetPageRequest {
  organisationId?: string;
  action?: string;
  crn?: string;
  siteVisitId?: string;
}

/**
 * `GET /audit/site-visits`: site visit changes, newest first, read as every audit of contact work
 * is (auditReaderOrganisation): a CDSP administrator all, an LSO those its organisation may read
 * (it acted, or it is involved in the visit's contact), anyone else 403.
 */
@Injectable()
export class SiteVisitAuditQueries {
  constructor(@Inject(SITE_VISIT_AUDIT_STORE) private readonly audit: SiteVisitAuditStore) {}

  async list(caller: Caller, query: SiteVisitAuditQuery): Promise<KeysetPage<SiteVisitAuditItem>> {
    const visibleToOrganisationId = auditReaderOrganisation(caller, query.organisationId);
    const limit = query.limit ?? KEYSET_PAGE_SIZE.default;
    const rows = await this.audit.list({
      visibleToOrganisationId,
      action: query.action,
      crn: query.crn,
      siteVisitId: query.siteVisitId,
      ...keysetFilter(query, limit),
    });
    return keysetPage(rows, limit, (row) => ({ occurredAt: row.occurred_at, id: row.id }), itemOf);
  }
}

/** `organisationId`: the visit's transporter, from the visit's state. */
function itemOf(row: SiteVisitAuditRow): SiteVisitAuditItem {
  return { ...contactWorkAuditItem(row, 'transporterOrganisationId'), siteVisitId: row.site_visit_id };
}
