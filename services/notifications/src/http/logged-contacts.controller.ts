import { Controller, Get, Inject, Param } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { ProblemException } from '@cms/service-defaults';
import { LoggedContacts } from '../application/logged-contacts';
import { LoggedContactResponse } from './dto/logged-contact.response';

/** The contacts this service heard of, each for the organisations involved in it (the global guard checks the token). */
@ApiTags('Notifications')
@ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
@Controller('api/v1/notifications/contacts')
export class LoggedContactsController {
  constructor(@Inject(LoggedContacts) private readonly contacts: LoggedContacts) {}

  @Get(':crn')
  @ApiOperation({
    summary: 'A contact logged in CMS, as notifications recorded it',
    // Unique across the gateway's merged document, which holds every service's operations.
    operationId: 'notificationsGetLoggedContact',
  })
  @ApiParam({ name: 'crn', description: 'Contact Reference Number: C and nine digits.', example: 'C000001234' })
  @ApiOkResponse({ type: LoggedContactResponse })
  @ApiNotFoundResponse({
    description: 'NOT_FOUND: no such contact has reached this service, or your organisation is not involved in it.',
  })
  async get(@CurrentCaller() caller: Caller, @Param('crn') crn: string): Promise<LoggedContactResponse> {
    const contact = await this.contacts.visibleTo(crn, caller.organisationId);
    if (!contact) throw ProblemException.notFound('No such contact.');
    return LoggedContactResponse.from(contact);
  }
}
