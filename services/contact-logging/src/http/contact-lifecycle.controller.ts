import { Body, Controller, Headers, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { isCrn } from '@cms/gas-market';
import { ApiCrnPath, entityTag, etagHeader, IDEMPOTENCY_KEY_HEADER, IdempotentRequests, ApiIfMatch, ProblemException, refusalProblem, staleVersion, versionFromIfMatch } from '@cms/service-defaults';
import { ContactLifecycleHandler, ContactNotFound, StaleContactVersion, type CommandApplied } from '../application/contact-lifecycle.handler';
import { ContactQueries } from '../application/contact.queries';
import { ContactCommandRefused, IllegalTransitionError } from '../domain';
import { AssignContactRequest, ContactResponse, ResolveContactRequest, WithdrawContactRequest } from './contact.dto';

/**
 * The lifecycle commands on a contact (docs/api.md "Contacts"). Each answers the contact as it now
 * stands, with its new version as the ETag; refusals are problem details with a stable code.
 */
@ApiTags('Contacts')
@ApiCrnPath()
@ApiIfMatch('contact')
@ApiHeader(IDEMPOTENCY_KEY_HEADER)
@ApiOkResponse({ type: ContactResponse, description: 'The contact as it now stands; its new version in ETag.', headers: etagHeader('contact') })
@ApiResponse({ status: 400, description: 'VALIDATION_FAILED (the body), INVALID_IF_MATCH.' })
@ApiResponse({ status: 404, description: 'No such contact, or your organisation is not involved in it.' })
@ApiResponse({ status: 409, description: 'ILLEGAL_TRANSITION: the contact’s status does not allow it; and the codes of each route.' })
@Controller('api/v1/contacts/:crn')
export class ContactLifecycleController {
  constructor(
    @Inject(ContactLifecycleHandler) private readonly lifecycle: ContactLifecycleHandler,
    @Inject(ContactQueries) private readonly queries: ContactQueries,
    @Inject(IdempotentRequests) private readonly idempotency: IdempotentRequests,
  ) {}

  @Post('assign')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Take, give or transfer the contact for my organisation’s side',
    description:
      'A CDSP agent takes it for investigation (LOGGED → UNDER_INVESTIGATION); a user of another involved organisation ' +
      'becomes its handler there. A SUPERVISOR gives or transfers it (`assigneeUserId`).',
  })
  @ApiBody({ type: AssignContactRequest })
  @ApiResponse({ status: 403, description: 'AGENT_ROLE_REQUIRED, SUPERVISOR_ROLE_REQUIRED, PERSON_REQUIRED.' })
  @ApiResponse({ status: 409, description: 'ALREADY_ASSIGNED, ASSIGNED_TO_ANOTHER_USER (a supervisor can transfer it), ILLEGAL_TRANSITION.' })
  @ApiResponse({ status: 422, description: 'UNKNOWN_ASSIGNEE: `assigneeUserId` is not an active user of your organisation.' })
  @ApiResponse({ status: 503, description: 'ACCESS_CONTROL_UNAVAILABLE: the user directory could not be asked about the assignee; nothing changed.' })
  assign(
    @CurrentCaller() caller: Caller,
    @Param('crn') crn: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: AssignContactRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.command(caller, crn, ifMatch, request, response, (version) => this.lifecycle.assign(caller, crn, version, body.assigneeUserId));
  }

  @Post('resolution')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Resolve the contact VALID or INVALID (CDSP agent)',
    description: 'On VALID the register sets the requested status if the meter point still has the status it was logged against.',
  })
  @ApiBody({ type: ResolveContactRequest })
  @ApiResponse({ status: 403, description: 'AGENT_ROLE_REQUIRED.' })
  @ApiResponse({ status: 422, description: 'INVALID_RESOLUTION: a reason not of GET /resolution-reasons for that outcome, or a note at fault.' })
  resolve(
    @CurrentCaller() caller: Caller,
    @Param('crn') crn: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: ResolveContactRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.command(caller, crn, ifMatch, request, response, (version) => this.lifecycle.resolve(caller, crn, version, body));
  }

  @Post('withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open contact, with a reason (the originator’s organisation)' })
  @ApiBody({ type: WithdrawContactRequest })
  @ApiResponse({ status: 403, description: 'ORIGINATOR_ONLY, CONTACT_USER_ROLE_REQUIRED.' })
  @ApiResponse({ status: 422, description: 'INVALID_WITHDRAWAL: the reason is at fault.' })
  withdraw(
    @CurrentCaller() caller: Caller,
    @Param('crn') crn: string,
    @Headers('if-match') ifMatch: string | undefined,
    @Body() body: WithdrawContactRequest,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    return this.command(caller, crn, ifMatch, request, response, (version) => this.lifecycle.withdraw(caller, crn, version, body.reason));
  }

  private async command(
    caller: Caller,
    crn: string,
    ifMatch: string | undefined,
    request: Request,
    response: Response,
    apply: (version: number) => Promise<CommandApplied>,
  ): Promise<void> {
    if (!isCrn(crn)) throw ProblemException.notFound('No such contact.');
    const version = versionFromIfMatch(ifMatch);
    await this.idempotency.respond({ caller, request, response }, async () => {
      await apply(version).catch(asProblem);
      const contact = await this.queries.get(caller, crn);
      if (!contact) throw ProblemException.notFound('No such contact.');
      return { status: 200, body: contact, headers: { etag: entityTag(contact.version) } };
    });
  }
}

/** The use case's and the domain's refusals as problem details; anything else is not ours to explain. */
function asProblem(error: unknown): never {
  if (error instanceof ContactNotFound) throw ProblemException.notFound('No such contact.');
  if (error instanceof StaleContactVersion) throw staleVersion(error.expected, error.current);
  if (error instanceof IllegalTransitionError) throw ProblemException.conflict(error.code, error.message);
  if (error instanceof ContactCommandRefused) throw refusalProblem(error);
  throw error;
}
