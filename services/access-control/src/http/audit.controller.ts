import { Controller, Get, Header, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { KEYSET_PAGE_SIZE } from '@cms/service-defaults';
import { ListAdminAuditHandler } from '../application/list-admin-audit.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { AdminAuditPageResponse, ListAdminAuditQuery } from './dto/audit.dto';

/** The append-only audit of administrative actions (docs/quality.md "Security"), read-only. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly listAudit: ListAdminAuditHandler) {}

  @Get()
  @Header('Cache-Control', 'private, no-store')
  @ApiOperation({
    summary: 'Administrative actions, newest first, paged',
    description:
      'An LSO reads the records of its own organisation (the organisation acted upon, whoever acted); a CDSP ' +
      'administrator reads all and may pass `organisationId`.',
  })
  @ApiOkResponse({ type: AdminAuditPageResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a parameter out of its constraints.' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token, or the session ended.' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the caller is neither an LSO nor a CDSP administrator.' })
  @ApiNotFoundResponse({ description: 'NOT_FOUND: an LSO named another organisation.' })
  list(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Query() query: ListAdminAuditQuery,
  ): Promise<AdminAuditPageResponse> {
    return this.listAudit.execute(caller, sessionId, {
      organisationId: query.organisationId,
      action: query.action,
      from: query.from,
      to: query.to,
      cursor: query.cursor,
      limit: query.limit ?? KEYSET_PAGE_SIZE.default,
    });
  }
}
