import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { ContactAuditQueries } from '../application/contact-audit.queries';
import { ContactAuditPageResponse, ListContactAuditQuery } from './contact-audit.dto';

/** The append-only audit of contact state changes (docs/quality.md "Security"), read-only. */
@ApiTags('Audit')
@Controller('api/v1/audit/contacts')
export class ContactAuditController {
  constructor(@Inject(ContactAuditQueries) private readonly queries: ContactAuditQueries) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Contact state changes, newest first, paged',
    description:
      'An LSO reads the records of contacts its organisation can see (or in which it acted); a CDSP administrator ' +
      'reads all and may pass `organisationId`.',
  })
  @ApiOkResponse({ type: ContactAuditPageResponse })
  @ApiResponse({ status: 400, description: 'VALIDATION_FAILED: a parameter out of its constraints.' })
  @ApiResponse({ status: 403, description: 'FORBIDDEN: the caller is neither an LSO nor a CDSP administrator.' })
  @ApiResponse({ status: 404, description: 'NOT_FOUND: an LSO named another organisation.' })
  list(@CurrentCaller() caller: Caller, @Query() query: ListContactAuditQuery): Promise<ContactAuditPageResponse> {
    return this.queries.list(caller, query);
  }
}
