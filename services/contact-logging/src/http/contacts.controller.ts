import { Body, Controller, Get, Headers, HttpCode, Inject, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { ProblemException } from '@cms/service-defaults';
import { LogContactHandler } from '../application/log-contact.handler';
import { ContactQueries } from '../application/contact.queries';
import { ContactListResponse, ContactLoggedResponse, ContactResponse, ListContactsQuery, LogContactRequest } from './contact.dto';

const CRN_PATTERN = /^C\d{9}$/;

@ApiTags('Contacts')
@Controller('api/v1/contacts')
export class ContactsController {
  constructor(
    @Inject(LogContactHandler) private readonly logContact: LogContactHandler,
    @Inject(ContactQueries) private readonly queries: ContactQueries,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Log a DTL or ISO contact',
    description: 'Returns a CRN, or 422 with every reason the submission is rejected (each with a stable code).',
  })
  @ApiBody({ type: LogContactRequest })
  @ApiCreatedResponse({ type: ContactLoggedResponse })
  @ApiResponse({ status: 422, description: 'Rejected: problem details with code CONTACT_REJECTED and every reason in `errors`.' })
  async log(
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
    @Headers('authorization') authorization: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContactLoggedResponse> {
    const result = await this.logContact.handle(caller, body, authorization);
    if (!result.accepted) {
      throw new ProblemException(
        422,
        'CONTACT_REJECTED',
        'Contact rejected',
        `The contact was not logged: ${result.rejections.length} reason(s), listed in errors.`,
        result.rejections,
      );
    }
    response.location(`/api/v1/contacts/${result.crn}`);
    return { crn: result.crn, status: result.status, loggedAt: result.loggedAt };
  }

  @Get()
  @ApiOperation({ summary: 'Contacts my organisation is involved in, newest first' })
  @ApiOkResponse({ type: ContactListResponse })
  list(@CurrentCaller() caller: Caller, @Query() query: ListContactsQuery): Promise<ContactListResponse> {
    return this.queries.list(caller, query);
  }

  @Get(':crn')
  @ApiOperation({ summary: 'One contact: its status, what it waits on, and its whole history' })
  @ApiOkResponse({ type: ContactResponse })
  @ApiResponse({ status: 404, description: 'No such contact, or your organisation is not involved in it.' })
  async get(@CurrentCaller() caller: Caller, @Param('crn') crn: string): Promise<ContactResponse> {
    const contact = CRN_PATTERN.test(crn) ? await this.queries.get(caller, crn) : null;
    if (!contact) throw ProblemException.notFound('No such contact.');
    return contact;
  }
}
