import { Readable, pipeline } from 'node:stream';
import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req, Res, StreamableFile } from '@nestjs/common';
import {
  ApiBody,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { CurrentCaller, type Caller } from '@cms/auth';
import { isCrn } from '@cms/gas-market';
import { ApiCrnPath, entityTag, etagHeader, IDEMPOTENCY_KEY_SCHEMA, IdempotentRequests, locationHeader, ProblemException, sendProblem, toProblem } from '@cms/service-defaults';
import { LOGGING_RULES, LogContactHandler } from '../application/log-contact.handler';
import { CONTACT_USER_ROLE, lacksRoleToLogContacts, type LoggingRulesConfig } from '../domain';
import { ContactQueries } from '../application/contact.queries';
import { ContactListResponse, ContactLoggedResponse, ContactResponse, ListContactsQuery, LogContactRequest } from './contact.dto';
import { CONTACT_CSV_COLUMNS, contactCsvFileName, contactCsvStream, CSV_MEDIA_TYPE } from './contacts.csv';

@ApiTags('Contacts')
@Controller('api/v1/contacts')
export class ContactsController {
  constructor(
    @Inject(LogContactHandler) private readonly logContact: LogContactHandler,
    @Inject(ContactQueries) private readonly queries: ContactQueries,
    @Inject(IdempotentRequests) private readonly idempotency: IdempotentRequests,
    @Inject(LOGGING_RULES) private readonly rules: LoggingRulesConfig,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: 'Log a DTL or ISO contact',
    description: 'Returns a CRN, or 422 with every reason the submission is rejected (each with a stable code).',
  })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description:
      'Makes a retry safe: 1–255 printable ASCII characters, new for each new contact. A retry with the same key and ' +
      'body within 24 h gets the first answer again (its CRN, or its rejection) with `Idempotent-Replayed: true`, and ' +
      'logs nothing more. The same key with another body is refused (422 IDEMPOTENCY_KEY_REUSED); while the first ' +
      'request still runs, a retry gets 409 IDEMPOTENCY_KEY_IN_PROGRESS.',
    schema: IDEMPOTENCY_KEY_SCHEMA,
  })
  @ApiBody({ type: LogContactRequest })
  @ApiCreatedResponse({ type: ContactLoggedResponse, headers: locationHeader('contact') })
  @ApiResponse({ status: 400, description: 'Idempotency-Key malformed: problem details with code INVALID_IDEMPOTENCY_KEY.' })
  @ApiResponse({ status: 403, description: `FORBIDDEN: a person of a shipper without the ${CONTACT_USER_ROLE} role (a Local Security Officer, say).` })
  @ApiResponse({ status: 409, description: 'A request with this Idempotency-Key is still running: code IDEMPOTENCY_KEY_IN_PROGRESS.' })
  @ApiResponse({
    status: 422,
    description:
      'Rejected: problem details with code CONTACT_REJECTED and every reason in `errors`; or code IDEMPOTENCY_KEY_REUSED ' +
      '(this Idempotency-Key was used with another body).',
  })
  async log(
    @CurrentCaller() caller: Caller,
    @Body() body: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const submitter = { organisationType: caller.organisationType, roles: caller.roles, isPartnerSystem: caller.scopes !== undefined };
    if (lacksRoleToLogContacts(submitter, this.rules)) {
      throw ProblemException.forbidden(`Logging a contact needs the ${CONTACT_USER_ROLE} role; your organisation's Local Security Officer can grant it.`);
    }
    await this.idempotency.respond({ caller, request, response }, async () => {
      const result = await this.logContact.handle(caller, body);
      if (!result.accepted) {
        throw new ProblemException(
          422,
          'CONTACT_REJECTED',
          'Contact rejected',
          `The contact was not logged: ${result.rejections.length} reason(s), listed in errors.`,
          result.rejections,
        );
      }
      const logged: ContactLoggedResponse = { crn: result.crn, status: result.status, loggedAt: result.loggedAt };
      return { status: 201, body: logged, headers: { location: `/api/v1/contacts/${result.crn}` } };
    });
  }

  @Get()
  @ApiOperation({
    summary: 'Contacts my organisation is involved in: filtered, as work queues, or exported as CSV',
    description:
      'Newest logged first unless `sort=dueOn`; every filter combines with every other (all must hold). ' +
      'Answers JSON, one keyset page at a time, unless the `Accept` header prefers `text/csv`: then every matching contact ' +
      '(all pages, the same filters, order and visibility) as one CSV file, streamed, with a header row and the items\' ' +
      'fields as columns; a cell a spreadsheet would read as a formula starts with an apostrophe.',
  })
  @ApiProduces('application/json', CSV_MEDIA_TYPE)
  @ApiExtraModels(ContactListResponse)
  @ApiOkResponse({
    description: 'A page of contacts (JSON), or all of them (CSV).',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(ContactListResponse) } },
      [CSV_MEDIA_TYPE]: {
        schema: { type: 'string', description: `Columns: ${CONTACT_CSV_COLUMNS.join(', ')}.` },
        example: `${CONTACT_CSV_COLUMNS.join(',')}\r\n`,
      },
    },
    headers: {
      'Content-Disposition': {
        description: 'CSV only: `attachment; filename="contacts-YYYY-MM-DD.csv"` (the Europe/London date).',
        schema: { type: 'string' },
      },
      Vary: { description: '`Accept`: the answer depends on it.', schema: { type: 'string' } },
    },
  })
  @ApiResponse({
    status: 400,
    description:
      'VALIDATION_FAILED: a parameter out of its constraints (an unknown value of a filter among them), or `limit` or `cursor` with CSV.',
  })
  async list(
    @CurrentCaller() caller: Caller,
    @Query() query: ListContactsQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContactListResponse | StreamableFile> {
    response.vary('Accept');
    // Content negotiation (RFC 9110 §12.5.1): JSON unless the client prefers CSV; JSON also for an Accept we cannot meet.
    if (request.accepts(['application/json', CSV_MEDIA_TYPE]) !== CSV_MEDIA_TYPE) return this.queries.list(caller, query);
    const { limit, cursor, ...filters } = query;
    const paging = Object.entries({ limit, cursor }).filter(([, value]) => value !== undefined);
    if (paging.length > 0) {
      throw ProblemException.validation(
        paging.map(([field]) => ({ code: 'INVALID_FIELD', field, message: `${field} pages the JSON answer; the CSV export holds every matching contact.` })),
      );
    }
    const { today, contacts } = this.queries.export(caller, filters);
    // pipeline: a failed read destroys the CSV stream with its error, which the error handler below meets.
    const csv = pipeline(Readable.from(contacts), contactCsvStream(), () => undefined);
    const file = new StreamableFile(csv, {
      type: `${CSV_MEDIA_TYPE}; charset=utf-8`,
      disposition: `attachment; filename="${contactCsvFileName(today)}"`,
    });
    return file.setErrorHandler((error) => {
      if (response.destroyed) return; // the client went away: nothing to tell it
      file.errorLogger(error);
      // Once rows are sent, only breaking the connection tells the client the file is incomplete.
      if (response.headersSent) return void response.destroy();
      response.removeHeader('content-disposition');
      sendProblem(response, toProblem(error, request.originalUrl));
    });
  }

  @Get(':crn')
  @ApiCrnPath()
  @ApiOperation({ summary: 'One contact: its status, what it waits on, and its whole history' })
  @ApiOkResponse({
    type: ContactResponse,
    headers: etagHeader('contact'),
  })
  @ApiResponse({ status: 404, description: 'No such contact, or your organisation is not involved in it.' })
  async get(
    @CurrentCaller() caller: Caller,
    @Param('crn') crn: string,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ContactResponse> {
    const contact = isCrn(crn) ? await this.queries.get(caller, crn) : null;
    if (!contact) throw ProblemException.notFound('No such contact.');
    response.setHeader('etag', entityTag(contact.version));
    return contact;
  }
}
