import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { isCrn } from '@cms/gas-market';
import { ApiCrnPath, entityTag, etagHeader, IDEMPOTENCY_KEY_HEADER, IdempotentRequests, locationHeader } from '@cms/service-defaults';
import { ClarificationCommands } from '../application/clarification-commands';
import { ClarificationQueries } from '../application/clarification.queries';
import { asProblem, notFound } from './clarification-problems';
import { ClarificationWithMessagesResponse, ContactClarificationsResponse, RaiseClarificationRequest } from './clarification.dto';

/** A contact's clarification threads (docs/api.md "Clarifications and site visits"). */
@ApiTags('Clarifications')
@ApiCrnPath()
@ApiResponse({ status: 404, description: 'No such contact, or your organisation is not involved in it.' })
@Controller('api/v1/contacts/:crn/clarifications')
export class ContactClarificationsController {
  constructor(
    @Inject(ClarificationCommands) private readonly commands: ClarificationCommands,
    @Inject(ClarificationQueries) private readonly queries: ClarificationQueries,
    @Inject(IdempotentRequests) private readonly idempotency: IdempotentRequests,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Ask a question on a contact: a DC (CDSP agent) or an OC (the transporter, once a stakeholder)',
    description:
      'The question opens the thread; the addressee’s turn comes first, due in working days (DC and OC answer times). ' +
      'A DC to the transporter makes it a participant of the contact.',
  })
  @ApiHeader(IDEMPOTENCY_KEY_HEADER)
  @ApiBody({ type: RaiseClarificationRequest })
  @ApiCreatedResponse({ type: ClarificationWithMessagesResponse, description: 'The thread; its version in ETag, its address in Location.', headers: { ...etagHeader('thread'), ...locationHeader('thread') } })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: the body.' })
  @ApiResponse({ status: 403, description: 'DC_CDSP_ONLY, OC_STAKEHOLDER_ONLY, ROLE_REQUIRED.' })
  @ApiResponse({ status: 409, description: 'CONTACT_CLOSED: the contact was resolved or withdrawn.' })
  @ApiResponse({ status: 422, description: 'OC_TO_ORIGINATOR_ONLY.' })
  async raise(
    @CurrentCaller() caller: Caller,
    @Param('crn') crn: string,
    @Body() body: RaiseClarificationRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    if (!isCrn(crn)) throw notFound();
    await this.idempotency.respond({ caller, request, response }, async () => {
      const id = await this.commands.raise(caller, crn, body).catch(asProblem);
      const thread = await this.queries.get(caller, id);
      if (!thread) throw notFound();
      return { status: 201, body: thread, headers: { location: `/api/v1/clarifications/${id}`, etag: entityTag(thread.version) } };
    });
  }

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({ summary: 'Every thread of the contact with every message, oldest first (everyone involved)' })
  @ApiOkResponse({ type: ContactClarificationsResponse })
  async list(@CurrentCaller() caller: Caller, @Param('crn') crn: string): Promise<ContactClarificationsResponse> {
    const items = await this.queries.ofContact(caller, crn);
    if (!items) throw notFound();
    return { items };
  }
}
