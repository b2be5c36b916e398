import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { ApiUuidPath, entityTag, IDEMPOTENCY_KEY_HEADER, IdempotentRequests, ApiIfMatch, ProblemException, versionFromIfMatch } from '@cms/service-defaults';
import { SiteVisitCommands } from '../application/site-visit-commands.handler';
import { SiteVisitQueries } from '../application/site-visit.queries';
import type { SiteVisit } from '../domain';
import { AnswerReferralRequest, ListSiteVisitsQuery, ReportFindingRequest, SiteVisitListResponse, SiteVisitResponse } from './site-visit.dto';
import { asProblem, ETAG_HEADER } from './site-visit.problems';

const ApiSiteVisitId = () => ApiUuidPath('id', 'The site visit (`id` of the visit).');

/** The transporter's work on its site visits (docs/api.md "Clarifications and site visits"); the CDSP sees every one. */
@ApiTags('Site visits')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@Controller('api/v1/site-visits')
export class SiteVisitsController {
  constructor(
    @Inject(SiteVisitCommands) private readonly commands: SiteVisitCommands,
    @Inject(SiteVisitQueries) private readonly queries: SiteVisitQueries,
    @Inject(IdempotentRequests) private readonly idempotency: IdempotentRequests,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Site visits, soonest due first: a DN or IGT its own, the CDSP every one',
    description: 'Any other organisation sees the visits of the contacts it is involved in. Filters combine (all must hold).',
  })
  @ApiOkResponse({ type: SiteVisitListResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a filter out of its constraints.' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListSiteVisitsQuery): Promise<SiteVisitListResponse> {
    return this.queries.list(caller, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A site visit: everything the transporter needs on one page' })
  @ApiSiteVisitId()
  @ApiOkResponse({ type: SiteVisitResponse, headers: ETAG_HEADER })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such site visit, or your organisation is not involved in its contact.' })
  async get(@CurrentCaller() caller: Caller, @Param('id') id: string, @Res({ passthrough: true }) response: Response): Promise<SiteVisitResponse> {
    const visit = await this.queries.get(caller, id);
    if (!visit) throw ProblemException.notFound('No such site visit.');
    response.setHeader('etag', entityTag(visit.version));
    return visit;
  }

  @Post(':id/acceptance')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Accept the site visit, or decline it with a reason (the transporter it is referred to)',
    description: 'REFERRED → ACCEPTED, or → DECLINED, which returns it to the agent (who may refer the contact again).',
  })
  @ApiSiteVisitId()
  @ApiIfMatch('visit')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: AnswerReferralRequest })
  @ApiOkResponse({ type: SiteVisitResponse, description: 'The visit as it now stands; its new version in ETag.', headers: ETAG_HEADER })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (the body), INVALID_IF_MATCH.' })
  @ApiResponse({ status: 403, description: 'TRANSPORTER_ONLY, TRANSPORTER_ROLE_REQUIRED.' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such site visit, or your organisation is not involved in its contact.' })
  @ApiResponse({ status: 409, description: 'ILLEGAL_TRANSITION: it is not REFERRED (already answered, reported or cancelled); IDEMPOTENCY_KEY_IN_PROGRESS.' })
  @ApiResponse({ status: 422, description: 'DECLINE_REASON_REQUIRED; IDEMPOTENCY_KEY_REUSED.' })
  answer(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AnswerReferralRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.command(caller, id, ifMatch, request, response, (version) => this.commands.answer(caller, id, version, body));
  }

  @Post(':id/finding')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Report what the visit found (the transporter it is referred to, once accepted)',
    description: 'ACCEPTED → FINDING_REPORTED: confirmed or not, the visit date, what was seen on site, notes.',
  })
  @ApiSiteVisitId()
  @ApiIfMatch('visit')
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: ReportFindingRequest })
  @ApiOkResponse({ type: SiteVisitResponse, description: 'The visit as it now stands; its new version in ETag.', headers: ETAG_HEADER })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED (the body), INVALID_IF_MATCH.' })
  @ApiResponse({ status: 403, description: 'TRANSPORTER_ONLY, TRANSPORTER_ROLE_REQUIRED.' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: no such site visit, or your organisation is not involved in its contact.' })
  @ApiResponse({ status: 409, description: 'ILLEGAL_TRANSITION: it is not ACCEPTED (not yet accepted, declined, reported or cancelled); IDEMPOTENCY_KEY_IN_PROGRESS.' })
  @ApiResponse({ status: 422, description: 'VISIT_DATE_IN_FUTURE, VISIT_DATE_BEFORE_REFERRAL, INVALID_FIELD; IDEMPOTENCY_KEY_REUSED.' })
  reportFinding(
    @CurrentCaller() caller: Caller,
    @Param('id') id: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ReportFindingRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.command(caller, id, ifMatch, request, response, (version) => this.commands.reportFinding(caller, id, version, body));
  }

  private async command(
    caller: Caller,
    id: string,
    ifMatch: string | undefined,
    request: Request,
    response: Response,
    apply: (version: number) => Promise<SiteVisit>,
  ): Promise<void> {
    // A visit the caller may not see is missing, whatever else is wrong with the request.
    if (!(await this.queries.get(caller, id))) throw ProblemException.notFound('No such site visit.');
    const version = versionFromIfMatch(ifMatch);
    await this.idempotency.respond({ caller, request, response }, async () => {
      await apply(version).catch(asProblem);
      const visit = await this.queries.get(caller, id);
      if (!visit) throw ProblemException.notFound('No such site visit.');
      return { status: 200, body: visit, headers: { etag: entityTag(visit.version) } };
    });
  }
}
