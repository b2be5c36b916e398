import { Body, Controller, Get, Header, HttpCode, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { CurrentCaller, type Caller } from '@cms/auth';
import { CreateOrganisationHandler } from '../application/create-organisation.handler';
import { ListOrganisationsHandler } from '../application/list-organisations.handler';
import { AccessTokenSessionId } from './access-token-session.decorator';
import { CreateOrganisationRequest } from './dto/create-organisation.request';
import { CreatedOrganisationResponse } from './dto/created-organisation.response';
import { ListOrganisationsQuery } from './dto/list-organisations.query';
import { OrganisationListResponse } from './dto/organisation.response';

@ApiTags('organisations')
@Controller('api/v1/organisations')
export class OrganisationsController {
  constructor(
    private readonly listOrganisations: ListOrganisationsHandler,
    private readonly createOrganisation: CreateOrganisationHandler,
  ) {}

  /**
   * The whole directory in one answer, not paged: the GB gas market has a few hundred
   * organisations at most, and the UI needs them all for its pickers.
   */
  @Get()
  @ApiOperation({ summary: 'Directory of market organisations, by type then name' })
  @ApiOkResponse({ type: OrganisationListResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: unknown type or unknown query parameter.' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
  async list(@Query() query: ListOrganisationsQuery): Promise<OrganisationListResponse> {
    return { items: await this.listOrganisations.execute(query.type) };
  }

  @Post()
  @HttpCode(201)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Add a market organisation with its first Local Security Officer (CDSP administrator)',
    description:
      'Answers with the first LSO’s one-time temporary password; they must choose their own at first sign-in.',
  })
  @ApiCreatedResponse({ type: CreatedOrganisationResponse })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: a field is missing, malformed, too long or unknown.' })
  @ApiUnauthorizedResponse({ description: 'UNAUTHENTICATED: no valid access token.' })
  @ApiForbiddenResponse({ description: 'FORBIDDEN: the caller is not a CDSP administrator; PASSWORD_CHANGE_REQUIRED.' })
  @ApiConflictResponse({ description: 'SHORT_CODE_TAKEN or USER_ID_TAKEN.' })
  // No Idempotency-Key here (the header is ignored): the answer carries the first LSO's one-time temporary
  // password, and replaying it would mean storing that secret in the idempotency table. A retry gets 409.
  create(
    @CurrentCaller() caller: Caller,
    @AccessTokenSessionId() sessionId: string | undefined,
    @Body() body: CreateOrganisationRequest,
  ): Promise<CreatedOrganisationResponse> {
    return this.createOrganisation.execute(caller, sessionId, body);
  }
}
