import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { SiteVisitAuditQueries } from '../application/site-visit-audit.queries';
import { ListSiteVisitAuditQuery, SiteVisitAuditPageResponse } from './site-visit-audit.dto';

/** The append-only audit of site visit changes (docs/quality.md "Security"), read-only, as contact-logging's contact audit. */
@ApiTags('Audit')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@Controller('api/v1/audit/site-visits')
export class SiteVisitAuditController {
  constructor(@Inject(SiteVisitAuditQueries) private readonly queries: SiteVisitAuditQueries) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Site visit changes, newest first, paged',
    description:
      'An LSO reads the records of visits on contacts its organisation is involved in (or in which it acted); a CDSP ' +
      'administrator reads all and may pass `organisationId`.',
  })
  @ApiOkResponse({ type: SiteVisitAuditPageResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a parameter out of its constraints.' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: the caller is neither an LSO nor a CDSP administrator.' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: an LSO named another organisation.' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListSiteVisitAuditQuery): Promise<SiteVisitAuditPageResponse> {
    return this.queries.list(caller, query);
  }
}
