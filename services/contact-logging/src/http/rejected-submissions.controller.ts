import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { RejectedSubmissionQueries } from '../application/rejected-submission.queries';
import { ListRejectedSubmissionsQuery, RejectedSubmissionPageResponse } from './rejected-submission.dto';

/** Submissions of POST /contacts that were rejected, with their reasons (docs/domain.md: recorded for audit and reporting). */
@ApiTags('Contacts')
@Controller('api/v1/rejected-submissions')
export class RejectedSubmissionsController {
  constructor(@Inject(RejectedSubmissionQueries) private readonly queries: RejectedSubmissionQueries) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Rejected submissions with their reasons, newest first, paged, for reporting',
    description:
      'A CDSP user reads every organisation’s rejected submissions and may pass `organisationId`; anyone else reads its own ' +
      'organisation’s. A partner system needs the scope `contacts:read`.',
  })
  @ApiOkResponse({ type: RejectedSubmissionPageResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a parameter out of its constraints.' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: a partner system’s token without the scope contacts:read.' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: a caller outside the CDSP named another organisation.' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListRejectedSubmissionsQuery): Promise<RejectedSubmissionPageResponse> {
    return this.queries.list(caller, query);
  }
}
