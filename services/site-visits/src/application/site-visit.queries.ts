import { Inject, Injectable } from '@nestjs/common';
import { isCrn, londonToday, toEpochDay } from '@cms/gas-market';
import { Clock, KEYSET_PAGE_SIZE } from '@cms/service-defaults';
import { isOpenSiteVisit, type SiteVisit } from '../domain';
import { decodeSiteVisitCursor, encodeSiteVisitCursor } from './site-visit-list-cursor';
import { SITE_VISIT_READS, type ReadingCaller, type SiteVisitReads } from './site-visit-reads.port';
import type { SiteVisitListQuery, SiteVisitListView, SiteVisitView } from './site-visit.views';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The reads of site visits (docs/api.md "Clarifications and site visits"): a visit, a contact's
 * visits, and the work list (a DN or IGT its own, the CDSP every one). Anything the caller may not
 * see is answered as missing.
 */
@Injectable()
export class SiteVisitQueries {
  constructor(
    @Inject(SITE_VISIT_READS) private readonly reads: SiteVisitReads,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async get(caller: ReadingCaller, id: string): Promise<SiteVisitView | undefined> {
    if (!UUID.test(id)) return undefined;
    const visit = await this.reads.find(caller, id.toLowerCase());
    return visit && this.viewOf(visit);
  }

  async ofContact(caller: ReadingCaller, crn: string): Promise<SiteVisitView[] | undefined> {
    if (!isCrn(crn)) return undefined;
    const visits = await this.reads.ofContact(caller, crn);
    return visits?.map((visit) => this.viewOf(visit));
  }

  async list(caller: ReadingCaller, query: SiteVisitListQuery): Promise<SiteVisitListView> {
    const limit = query.limit ?? KEYSET_PAGE_SIZE.default;
    const rows = await this.reads.list(caller, {
      status: query.status,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
      after: query.cursor === undefined ? undefined : decodeSiteVisitCursor(query.cursor),
      limit: limit + 1,
    });
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map((visit) => this.viewOf(visit)),
      nextCursor: rows.length > limit && last ? encodeSiteVisitCursor({ dueOn: last.dueOn, id: last.id }) : null,
    };
  }

  private viewOf(visit: SiteVisit): SiteVisitView {
    const today = londonToday(this.clock.now());
    return {
      id: visit.id,
      crn: visit.crn,
      mprn: visit.mprn,
      contactType: visit.contactType,
      transporterOrganisationId: visit.transporterOrganisationId,
      confirmStatus: visit.confirmStatus,
      instructions: visit.instructions,
      details: visit.details,
      status: visit.status,
      version: visit.version,
      referredByUserId: visit.referredByUserId,
      referredAt: visit.referredAt.toISOString(),
      dueOn: visit.dueOn,
      overdue: isOpenSiteVisit(visit) && toEpochDay(visit.dueOn)! < toEpochDay(today)!,
      acceptance: visit.acceptance && { ...visit.acceptance, at: visit.acceptance.at.toISOString() },
      finding: visit.finding && { ...visit.finding, at: visit.finding.at.toISOString() },
      cancellation: visit.cancellation && { ...visit.cancellation, at: visit.cancellation.at.toISOString() },
      updatedAt: visit.updatedAt.toISOString(),
    };
  }
}
