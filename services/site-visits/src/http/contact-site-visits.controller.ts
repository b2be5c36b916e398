import { Body, Controller, Get, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { isCrn } from '@cms/gas-market';
import { ApiCrnPath, entityTag, IDEMPOTENCY_KEY_HEADER, IdempotentRequests, locationHeader, ProblemException } from '@cms/service-defaults';
import { SiteVisitCommands } from '../application/site-visit-commands.handler';
import { SiteVisitQueries } from '../application/site-visit.queries';
import { ContactSiteVisitsResponse, ReferSiteVisitRequest, SiteVisitResponse } from './site-visit.dto';
import { asProblem, ETAG_HEADER } from './site-visit.problems';


/** A contact's site visits (docs/api.md "Clarifications and site visits"): the referral, and every visit of the contact. */
@ApiTags('Site visits')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@ApiResponse({ status: 404, description: 'NOT_FOUND: no such contact, or your organisation is not involved in it.' })
@Controller('api/v1/contacts/:crn/site-visits')
export class ContactSiteVisitsController {
  constructor(
    @Inject(SiteVisitCommands) private readonly commands: SiteVisitCommands,
    @Inject(SiteVisitQueries) private readonly queries: SiteVisitQueries,
    @Inject(IdempotentRequests) private readonly idempotency: IdempotentRequests,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Refer the contact to its meter point’s transporter for a site visit (CDSP agent)',
    description:
      'Addressed to the meter point’s transporter (its DN, or the IGT whose network it is on), to confirm the status the contact ' +
      'asks for. Carries the supply address, any alternative address, the originator’s contact details and evidence. The ' +
      'transporter becomes a stakeholder of the contact. One open site visit per contact at a time.',
  })
  @ApiCrnPath()
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: ReferSiteVisitRequest })
  @ApiCreatedResponse({ type: SiteVisitResponse, description: 'The visit; its address in Location, its version in ETag.', headers: { ...ETAG_HEADER, ...locationHeader('site visit') } })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: the body.' })
  @ApiResponse({ status: 403, description: 'AGENT_ROLE_REQUIRED: only a CDSP agent refers a contact.' })
  @ApiResponse({
    status: 409,
    description: 'CONTACT_NOT_OPEN (resolved or withdrawn), SITE_VISIT_ALREADY_OPEN (one is referred or accepted), IDEMPOTENCY_KEY_IN_PROGRESS.',
  })
  @ApiResponse({ status: 422, description: 'IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used with another body.' })
  @ApiResponse({ status: 503, description: 'CONTACT_DETAILS_UNAVAILABLE: the contact’s details could not be fetched; nothing was referred.' })
  async refer(
    @CurrentCaller() caller: Caller,
    @Param('crn') crn: string,
    @Body() body: ReferSiteVisitRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!isCrn(crn)) throw ProblemException.notFound('No such contact.');
    await this.idempotency.respond({ caller, request, response }, async () => {
      const visit = await this.commands.refer(caller, crn, body.instructions).catch(asProblem);
      const view = await this.queries.get(caller, visit.id);
      if (!view) throw ProblemException.notFound('No such contact.');
      return { status: 201, body: view, headers: { location: `/api/v1/site-visits/${view.id}`, etag: entityTag(view.version) } };
    });
  }

  @Get()
  @ApiOperation({ summary: 'The contact’s site visits, oldest first (everyone involved in the contact)' })
  @ApiCrnPath()
  @ApiOkResponse({ type: ContactSiteVisitsResponse })
  async list(@CurrentCaller() caller: Caller, @Param('crn') crn: string): Promise<ContactSiteVisitsResponse> {
    const items = await this.queries.ofContact(caller, crn);
    if (!items) throw ProblemException.notFound('No such contact.');
    return { items };
  }
}
