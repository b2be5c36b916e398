import type { ContactWorkAuditRow, KeysetFilter } from '@cms/service-defaults';

/** A record of `site_visit_audit` (see its migration). */
export interface SiteVisitAuditRow extends ContactWorkAuditRow {
  site_visit_id: string;
}

export interface SiteVisitAuditFilter extends KeysetFilter {
  /** Only the records this organisation may read: it acted, or it is involved in the visit's contact. */
  visibleToOrganisationId?: string;
  action?: string;
  crn?: string;
  siteVisitId?: string;
}

/** Port: the append-only audit of site visit changes, newest first. */
export interface SiteVisitAuditStore {
  list(filter: SiteVisitAuditFilter): Promise<SiteVisitAuditRow[]>;
}

export const SITE_VISIT_AUDIT_STORE = Symbol('SITE_VISIT_AUDIT_STORE');
