import { Inject, Injectable } from '@nestjs/common';
import type { Caller } from '@cms/auth';
import {
  auditReaderOrganisation,
  KEYSET_PAGE_SIZE,
  keysetFilter,
  keysetPage,
  type AuditRecordItem,
  type KeysetPage,
  type KeysetPageRequest,
} from '@cms/service-defaults';
import { SITE_VISIT_AUDIT_STORE, type SiteVisitAuditRow, type SiteVisitAuditStore } from './site-visit-audit.port';

/** `organisationId`: the organisation the record is about, the visit's transporter. */
export interface SiteVisitAuditItem extends AuditRecordItem {
  actor: { userId: string; organisationId: string | null };
  crn: string;
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

function itemOf(row: SiteVisitAuditRow): SiteVisitAuditItem {
  const state = row.after ?? row.before;
  const transporter = state?.transporterOrganisationId;
  return {
    id: row.id,
    occurredAt: row.occurred_at.toISOString(),
    actor: { userId: row.actor_user_id ?? 'system', organisationId: row.actor_organisation_id },
    organisationId: typeof transporter === 'string' ? transporter : null,
    action: row.action,
    crn: row.crn,
    siteVisitId: row.site_visit_id,
    before: row.before,
    after: row.after,
    traceId: row.trace_id,
  };
}
