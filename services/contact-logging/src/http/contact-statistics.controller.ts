import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { ContactStatisticsQueries } from '../application/contact-statistics.queries';
import { ContactStatisticsQuery, ContactStatisticsResponse } from './contact-statistics.dto';

/**
 * The CDSP's dashboard figures. Its own controller, registered before ContactsController so that
 * `/contacts/statistics` is not read as the CRN of `/contacts/{crn}`.
 */
@ApiTags('Contacts')
@Controller('api/v1/contacts/statistics')
export class ContactStatisticsController {
  constructor(@Inject(ContactStatisticsQueries) private readonly queries: ContactStatisticsQueries) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'The CDSP’s dashboard: contacts logged per week by type, outcomes, time to resolve, overdue by party',
    description:
      'Over every organisation’s contacts, for the CDSP only. Logged per week: the contacts logged in the period. Outcomes and ' +
      'time to resolve: the contacts closed in it. Overdue by party: the open contacts overdue today, whatever the period.',
  })
  @ApiOkResponse({ type: ContactStatisticsResponse })
  @ApiResponse({
    status: 400,
    description: 'VALIDATION_FAILED: `from` or `to` missing or not a date, `to` before `from`, or a period too long (each on its parameter).',
  })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: the caller is not of the CDSP.' })
  read(@CurrentCaller() caller: Caller, @Query() query: ContactStatisticsQuery): Promise<ContactStatisticsResponse> {
    return this.queries.read(caller, query.from, query.to);
  }
}
