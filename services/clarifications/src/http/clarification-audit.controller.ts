import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { KEYSET_PAGE_SIZE } from '@cms/service-defaults';
import { ClarificationQueries } from '../application/clarification.queries';
import { ClarificationAuditPageResponse, ListClarificationAuditQuery } from './clarification.dto';

/** The append-only audit of every change to a thread (docs/quality.md "Security"), read-only. */
@ApiTags('Audit')
@Controller('api/v1/audit/clarifications')
export class ClarificationAuditController {
  constructor(@Inject(ClarificationQueries) private readonly queries: ClarificationQueries) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Clarification changes, newest first, paged',
    description: 'A CDSP administrator reads every record; an LSO the records of threads on contacts its organisation is involved in, or in which it acted.',
  })
  @ApiOkResponse({ type: ClarificationAuditPageResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a parameter out of its constraints.' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: the caller is neither an LSO nor a CDSP administrator.' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: an LSO named another organisation.' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListClarificationAuditQuery): Promise<ClarificationAuditPageResponse> {
    return this.queries.audit(caller, query, query.limit ?? KEYSET_PAGE_SIZE.default);
  }
}
